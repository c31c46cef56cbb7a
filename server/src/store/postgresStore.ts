/**
 * The event store on PostgreSQL (node-postgres pool), for deployments that already run one. Same contract as the
 * SQLite store; every call that writes is one transaction and durability is PostgreSQL's commit
 * (`synchronous_commit` on by default: the commit is on disk on the server before it returns).
 *
 * Tables live in a schema (`parley` unless told otherwise), so that tests, and several installations sharing a
 * database, stay apart. Appends to one exercise are serialised by locking its row, so two processes appending to the
 * same log cannot interleave; appends to different exercises run in parallel.
 */
import type { ExerciseEvent } from '@parley/shared';
import pg from 'pg';
import { pendingMigrations } from './migrations.ts';
import {
  type CodeRow,
  checkNewStudioDocument,
  checkSequence,
  codeFromRow,
  EXERCISE_COLUMNS,
  type ExerciseRow,
  eventFromBody,
  exerciseFromRow,
  exerciseValues,
  STUDIO_DOCUMENT_COLUMNS,
  STUDIO_VERSION_COLUMNS,
  STUDIO_VERSION_INFO_COLUMNS,
  type StudioDocumentRow,
  type StudioVersionRow,
  studioDocumentFromRow,
  studioDocumentValues,
  studioVersionFromRow,
  studioVersionInfoFromRow,
  studioVersionRefusal,
  studioVersionValues,
  type WorkshopRow,
  workshopFromRow,
} from './rows.ts';
import {
  type EventStore,
  type ExerciseRecord,
  type ExerciseStatus,
  type SeatCode,
  StoreError,
  type StudioDeletedFilter,
  type StudioDocumentRecord,
  type StudioListing,
  type StudioVersionInfo,
  type StudioVersionRecord,
  type WorkshopRecord,
} from './types.ts';

export type PostgresStoreOptions = {
  readonly connectionString: string;
  /** The schema holding Parley's tables (created if missing). Default `parley`. */
  readonly schema?: string;
  /** Pool size. Default 10. */
  readonly maxConnections?: number;
  /** Errors of idle pooled connections (the pool drops the connection and carries on). */
  readonly onIdleError?: (error: Error) => void;
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** PostgreSQL's unique_violation and foreign_key_violation. */
const CONSTRAINT_CODES = new Set(['23505', '23503']);

const placeholders = (columns: readonly string[]): string => columns.map((_, i) => `$${i + 1}`).join(', ');

function constraint(error: unknown, what: string): never {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONSTRAINT_CODES.has(code)) {
    throw new StoreError(`${what}: ${(error as Error).message}`);
  }
  throw error;
}

export class PostgresStore implements EventStore {
  private readonly pool: pg.Pool;
  private readonly schema: string;
  /** `"schema".` */
  private readonly s: string;

  constructor(options: PostgresStoreOptions) {
    const schema = options.schema ?? 'parley';
    if (!SCHEMA_NAME.test(schema)) {
      throw new StoreError(`schema "${schema}" must be lower-case letters, digits and "_", starting with a letter`);
    }
    this.schema = schema;
    this.s = `"${schema}".`;
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
    this.pool.on('error', (error) => options.onIdleError?.(error));
  }

  async init(): Promise<void> {
    await this.transaction(async (client) => {
      // One process migrates at a time (several may boot together against one database).
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`parley-migrate:${this.schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${this.s}schema_version
         (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`,
      );
      const { rows } = await client.query<{ v: number | null }>(
        `SELECT max(version) AS v FROM ${this.s}schema_version`,
      );
      const where = `PostgreSQL schema "${this.schema}"`;
      for (const m of pendingMigrations(rows[0]?.v ?? 0, where)) {
        await client.query(m.postgres(this.s));
        await client.query(`INSERT INTO ${this.s}schema_version (version, name, applied_at) VALUES ($1, $2, $3)`, [
          m.version,
          m.name,
          Date.now(),
        ]);
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** The schema version after `init()` (for tests and diagnostics). */
  async schemaVersion(): Promise<number> {
    const { rows } = await this.pool.query<{ v: number | null }>(
      `SELECT max(version) AS v FROM ${this.s}schema_version`,
    );
    return rows[0]?.v ?? 0;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    await this.pool
      .query(`INSERT INTO ${this.s}workshops (id, title, trainer_secret, created_at) VALUES ($1, $2, $3, $4)`, [
        w.id,
        w.title,
        w.trainerSecret,
        w.createdAt,
      ])
      .catch((error: unknown) => constraint(error, `workshop ${w.id} exists`));
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const { rows } = await this.pool.query<WorkshopRow>(`SELECT * FROM ${this.s}workshops WHERE id = $1`, [id]);
    return rows[0] ? workshopFromRow(rows[0]) : null;
  }

  async createExercise(exercise: ExerciseRecord, codes: readonly SeatCode[]): Promise<void> {
    const placeholders = EXERCISE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO ${this.s}exercises (${EXERCISE_COLUMNS.join(', ')}) VALUES (${placeholders})`,
        exerciseValues(exercise),
      );
      if (codes.length > 0) await this.insertCodes(client, codes);
    }).catch((error: unknown) =>
      constraint(error, `exercise ${exercise.id} or one of its codes exists, or its workshop does not`),
    );
  }

  async getExercise(id: string): Promise<ExerciseRecord | null> {
    const { rows } = await this.pool.query<ExerciseRow>(`SELECT * FROM ${this.s}exercises WHERE id = $1`, [id]);
    return rows[0] ? exerciseFromRow(rows[0]) : null;
  }

  async listExercises(filter: { status?: ExerciseStatus; workshopId?: string } = {}): Promise<ExerciseRecord[]> {
    const { rows } = await this.pool.query<ExerciseRow>(
      `SELECT * FROM ${this.s}exercises WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR workshop_id = $2)
       ORDER BY created_at, id`,
      [filter.status ?? null, filter.workshopId ?? null],
    );
    return rows.map(exerciseFromRow);
  }

  async markEnded(id: string, endedAt: number): Promise<void> {
    const r = await this.pool.query(`UPDATE ${this.s}exercises SET status = 'ended', ended_at = $1 WHERE id = $2`, [
      endedAt,
      id,
    ]);
    if (r.rowCount === 0) throw new StoreError(`no exercise ${id}`);
  }

  async setBots(id: string, bots: Readonly<Record<string, string>>): Promise<void> {
    const r = await this.pool.query(`UPDATE ${this.s}exercises SET bots = $1 WHERE id = $2`, [
      JSON.stringify(bots),
      id,
    ]);
    if (r.rowCount === 0) throw new StoreError(`no exercise ${id}`);
  }

  async appendEvents(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    await this.transaction(async (client) => {
      const locked = await client.query(`SELECT id FROM ${this.s}exercises WHERE id = $1 FOR UPDATE`, [exerciseId]);
      if (locked.rowCount === 0) throw new StoreError(`no exercise ${exerciseId}`);
      const last = await client.query<{ seq: number }>(
        `SELECT seq FROM ${this.s}events WHERE exercise_id = $1 ORDER BY seq DESC LIMIT 1`,
        [exerciseId],
      );
      checkSequence(exerciseId, last.rows[0]?.seq ?? 0, events);
      if (events.length === 0) return;
      await client.query(
        `INSERT INTO ${this.s}events (exercise_id, seq, body)
         SELECT $1, t.seq, t.body::json FROM unnest($2::integer[], $3::text[]) AS t (seq, body)`,
        [exerciseId, events.map((e) => e.seq), events.map((e) => JSON.stringify(e))],
      );
    });
  }

  async loadEvents(exerciseId: string, afterSeq = 0): Promise<ExerciseEvent[]> {
    const { rows } = await this.pool.query<{ body: unknown }>(
      `SELECT body FROM ${this.s}events WHERE exercise_id = $1 AND seq > $2 ORDER BY seq`,
      [exerciseId, afterSeq],
    );
    return rows.map((r) => eventFromBody(r.body));
  }

  async findCode(code: string): Promise<SeatCode | null> {
    const { rows } = await this.pool.query<CodeRow>(`SELECT * FROM ${this.s}codes WHERE code = $1`, [code]);
    return rows[0] ? codeFromRow(rows[0]) : null;
  }

  async listCodes(exerciseId: string): Promise<SeatCode[]> {
    const { rows } = await this.pool.query<CodeRow>(
      `SELECT * FROM ${this.s}codes WHERE exercise_id = $1 ORDER BY created_at, code`,
      [exerciseId],
    );
    return rows.map(codeFromRow);
  }

  async putCode(code: SeatCode): Promise<void> {
    await this.insertCodes(this.pool, [code]).catch((error: unknown) =>
      constraint(error, `join code ${code.code} exists or exercise ${code.exerciseId} does not`),
    );
  }

  async revokeCode(code: string, revokedAt: number): Promise<void> {
    await this.pool.query(`UPDATE ${this.s}codes SET revoked_at = $1 WHERE code = $2 AND revoked_at IS NULL`, [
      revokedAt,
      code,
    ]);
  }

  async createStudioDocument(document: StudioDocumentRecord, first: StudioVersionRecord): Promise<void> {
    checkNewStudioDocument(document, first);
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO ${this.s}studio_documents (${STUDIO_DOCUMENT_COLUMNS.join(', ')}) VALUES (${placeholders(STUDIO_DOCUMENT_COLUMNS)})`,
        studioDocumentValues(document),
      );
      await this.insertVersion(client, first);
    }).catch((error: unknown) => constraint(error, `studio document ${document.id} exists`));
  }

  async getStudioDocument(id: string): Promise<StudioDocumentRecord | null> {
    const { rows } = await this.pool.query<StudioDocumentRow>(`SELECT * FROM ${this.s}studio_documents WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? studioDocumentFromRow(rows[0]) : null;
  }

  async listStudioDocuments(filter: { readonly deleted?: StudioDeletedFilter } = {}): Promise<StudioListing[]> {
    const { rows } = await this.pool.query<StudioDocumentRow & Record<string, unknown>>(
      `SELECT d.*, ${STUDIO_VERSION_INFO_COLUMNS.map((c) => `v.${c} AS v_${c}`).join(', ')}
       FROM ${this.s}studio_documents d
       JOIN ${this.s}studio_versions v ON v.document_id = d.id AND v.version = d.latest_version
       WHERE ($1 = 'include' OR ($1 = 'only') = (d.deleted_at IS NOT NULL))
       ORDER BY d.updated_at DESC, d.id`,
      [filter.deleted ?? 'exclude'],
    );
    return rows.map((row) => ({
      document: studioDocumentFromRow(row),
      latest: studioVersionInfoFromRow(
        Object.fromEntries(STUDIO_VERSION_INFO_COLUMNS.map((c) => [c, row[`v_${c}`]])) as unknown as StudioVersionRow,
      ),
    }));
  }

  async addStudioVersion(version: StudioVersionRecord): Promise<void> {
    await this.transaction(async (client) => {
      // The row lock orders racing saves of one document: the second sees the first's version and conflicts.
      const { rows } = await client.query<StudioDocumentRow>(
        `SELECT * FROM ${this.s}studio_documents WHERE id = $1 FOR UPDATE`,
        [version.documentId],
      );
      const refusal = studioVersionRefusal(version, rows[0] ? studioDocumentFromRow(rows[0]) : null);
      if (refusal) throw refusal;
      await client.query(`UPDATE ${this.s}studio_documents SET latest_version = $1, updated_at = $2 WHERE id = $3`, [
        version.version,
        version.createdAt,
        version.documentId,
      ]);
      await this.insertVersion(client, version);
    });
  }

  async getStudioVersion(documentId: string, version: number): Promise<StudioVersionRecord | null> {
    if (!Number.isInteger(version) || version < 1 || version > 2 ** 31 - 1) return null;
    const { rows } = await this.pool.query<StudioVersionRow>(
      `SELECT * FROM ${this.s}studio_versions WHERE document_id = $1 AND version = $2`,
      [documentId, version],
    );
    return rows[0] ? studioVersionFromRow(rows[0]) : null;
  }

  async listStudioVersions(documentId: string): Promise<StudioVersionInfo[]> {
    const { rows } = await this.pool.query<StudioVersionRow>(
      `SELECT ${STUDIO_VERSION_INFO_COLUMNS.join(', ')} FROM ${this.s}studio_versions
       WHERE document_id = $1 ORDER BY version DESC`,
      [documentId],
    );
    return rows.map(studioVersionInfoFromRow);
  }

  async setStudioDeleted(documentId: string, deletedAt: number | null): Promise<void> {
    const r = await this.pool.query(`UPDATE ${this.s}studio_documents SET deleted_at = $1 WHERE id = $2`, [
      deletedAt,
      documentId,
    ]);
    if (r.rowCount === 0) throw new StoreError(`no studio document ${documentId}`);
  }

  private async insertVersion(client: pg.PoolClient, version: StudioVersionRecord): Promise<void> {
    await client.query(
      `INSERT INTO ${this.s}studio_versions (${STUDIO_VERSION_COLUMNS.join(', ')}) VALUES (${placeholders(STUDIO_VERSION_COLUMNS)})`,
      studioVersionValues(version, (valid) => valid),
    );
  }

  private async insertCodes(db: pg.Pool | pg.PoolClient, codes: readonly SeatCode[]): Promise<void> {
    await db.query(
      `INSERT INTO ${this.s}codes (code, exercise_id, role, created_at, revoked_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::json[], $4::bigint[], $5::bigint[])`,
      [
        codes.map((c) => c.code),
        codes.map((c) => c.exerciseId),
        codes.map((c) => JSON.stringify(c.role)),
        codes.map((c) => c.createdAt),
        codes.map((c) => c.revokedAt),
      ],
    );
  }
}
