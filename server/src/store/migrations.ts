/**
 * The database schema as numbered migrations, one list for both dialects so their versions move in lockstep. A store
 * applies, in order and each in its own transaction, every migration above the version recorded in its
 * `schema_version` table; a later issue adds tables by appending a migration, never by editing one.
 *
 * Events are kept as JSON text (`json` in PostgreSQL, which keeps the text as written: `jsonb` refuses "\u0000",
 * which a participant can type). Times are wall-clock milliseconds.
 */
import { StoreError } from './types.ts';

export type Migration = {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  /** `s` is the quoted schema name with a trailing dot, e.g. `"parley".`. */
  readonly postgres: (s: string) => string;
};

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'workshops, exercises, join codes, event log',
    sqlite: `
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        trainer_secret TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE exercises (
        id TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL,
        scenario_source TEXT NOT NULL,
        options TEXT NOT NULL,
        label TEXT NOT NULL,
        workshop_id TEXT REFERENCES workshops (id),
        facilitator_secret TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'ended')),
        ended_at INTEGER,
        bots TEXT NOT NULL
      );
      CREATE INDEX exercises_by_workshop ON exercises (workshop_id, created_at);
      CREATE INDEX exercises_by_status ON exercises (status, created_at);
      CREATE TABLE codes (
        code TEXT PRIMARY KEY,
        exercise_id TEXT NOT NULL REFERENCES exercises (id),
        role TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX codes_by_exercise ON codes (exercise_id, created_at);
      CREATE TABLE events (
        exercise_id TEXT NOT NULL REFERENCES exercises (id),
        seq INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (exercise_id, seq)
      ) WITHOUT ROWID;`,
    postgres: (s) => `
      CREATE TABLE ${s}workshops (
        id text PRIMARY KEY,
        title text NOT NULL,
        trainer_secret text NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE TABLE ${s}exercises (
        id text PRIMARY KEY,
        scenario_id text NOT NULL,
        scenario_source text NOT NULL,
        options json NOT NULL,
        label text NOT NULL,
        workshop_id text REFERENCES ${s}workshops (id),
        facilitator_secret text NOT NULL,
        created_at bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'ended')),
        ended_at bigint,
        bots json NOT NULL
      );
      CREATE INDEX exercises_by_workshop ON ${s}exercises (workshop_id, created_at);
      CREATE INDEX exercises_by_status ON ${s}exercises (status, created_at);
      CREATE TABLE ${s}codes (
        code text PRIMARY KEY,
        exercise_id text NOT NULL REFERENCES ${s}exercises (id),
        role json NOT NULL,
        created_at bigint NOT NULL,
        revoked_at bigint
      );
      CREATE INDEX codes_by_exercise ON ${s}codes (exercise_id, created_at);
      CREATE TABLE ${s}events (
        exercise_id text NOT NULL REFERENCES ${s}exercises (id),
        seq integer NOT NULL,
        body json NOT NULL,
        PRIMARY KEY (exercise_id, seq)
      );`,
  },
  {
    version: 2,
    name: 'scenario studio: documents and their versions',
    sqlite: `
      CREATE TABLE studio_documents (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        latest_version INTEGER NOT NULL CHECK (latest_version >= 1),
        deleted_at INTEGER
      );
      CREATE INDEX studio_documents_by_update ON studio_documents (updated_at, id);
      CREATE TABLE studio_versions (
        document_id TEXT NOT NULL REFERENCES studio_documents (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        source TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        size INTEGER NOT NULL,
        valid INTEGER NOT NULL CHECK (valid IN (0, 1)),
        facts TEXT NOT NULL,
        PRIMARY KEY (document_id, version)
      );`,
    postgres: (s) => `
      CREATE TABLE ${s}studio_documents (
        id text PRIMARY KEY,
        origin json NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        latest_version integer NOT NULL CHECK (latest_version >= 1),
        deleted_at bigint
      );
      CREATE INDEX studio_documents_by_update ON ${s}studio_documents (updated_at, id);
      CREATE TABLE ${s}studio_versions (
        document_id text NOT NULL REFERENCES ${s}studio_documents (id),
        version integer NOT NULL CHECK (version >= 1),
        source text NOT NULL,
        author text NOT NULL,
        created_at bigint NOT NULL,
        size integer NOT NULL,
        valid boolean NOT NULL,
        facts json NOT NULL,
        PRIMARY KEY (document_id, version)
      );`,
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** The migrations still to apply to a database at `current`; a database newer than this build is an error. */
export function pendingMigrations(current: number, where: string): readonly Migration[] {
  if (current > LATEST_VERSION) {
    throw new StoreError(
      `${where} has schema version ${current}, but this version of Parley knows only up to ${LATEST_VERSION}: ` +
        'upgrade Parley or point it at another database',
    );
  }
  return MIGRATIONS.filter((m) => m.version > current);
}
