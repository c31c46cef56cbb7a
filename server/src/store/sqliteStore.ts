/**
 * The default event store: one SQLite file (`<dataDir>/parley.db`) through better-sqlite3, in WAL mode.
 *
 * Durability: every call is one transaction. With `synchronous=NORMAL` (the default) a committed transaction is in
 * the WAL file before the call returns, so it survives the process being killed (SIGKILL) but the last few may be
 * lost on a power cut or OS crash; `syncFull` (`PARLEY_SYNC=full`) sets `synchronous=FULL`, which fsyncs the WAL at
 * every commit and survives power loss too. better-sqlite3 is synchronous: a call blocks the event loop for the
 * duration of its transaction, which is why the host appends one batch per tick rather than one event at a time.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ExerciseEvent } from '@parley/shared';
import Database from 'better-sqlite3';
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

export type SqliteStoreOptions = {
  /** The database file; its directory is created if missing. */
  readonly path: string;
  /** fsync at every commit (survives power loss), instead of only surviving the process's death. */
  readonly syncFull?: boolean;
};

type Db = InstanceType<typeof Database>;

function prepareAll(db: Db) {
  const p = <Row = unknown>(sql: string) => db.prepare<unknown[], Row>(sql);
  return {
    insertWorkshop: p('INSERT INTO workshops (id, title, trainer_secret, created_at) VALUES (?, ?, ?, ?)'),
    getWorkshop: p<WorkshopRow>('SELECT * FROM workshops WHERE id = ?'),
    insertExercise: p(
      `INSERT INTO exercises (${EXERCISE_COLUMNS.join(', ')}) VALUES (${EXERCISE_COLUMNS.map(() => '?').join(', ')})`,
    ),
    getExercise: p<ExerciseRow>('SELECT * FROM exercises WHERE id = ?'),
    listExercises: p<ExerciseRow>(
      `SELECT * FROM exercises WHERE (@status IS NULL OR status = @status)
       AND (@workshop IS NULL OR workshop_id = @workshop) ORDER BY created_at, id`,
    ),
    markEnded: p("UPDATE exercises SET status = 'ended', ended_at = ? WHERE id = ?"),
    setBots: p('UPDATE exercises SET bots = ? WHERE id = ?'),
    exists: p<{ one: number }>('SELECT 1 AS one FROM exercises WHERE id = ?'),
    lastSeq: p<{ seq: number }>('SELECT seq FROM events WHERE exercise_id = ? ORDER BY seq DESC LIMIT 1'),
    insertEvent: p('INSERT INTO events (exercise_id, seq, body) VALUES (?, ?, ?)'),
    loadEvents: p<{ body: string }>('SELECT body FROM events WHERE exercise_id = ? AND seq > ? ORDER BY seq'),
    insertCode: p('INSERT INTO codes (code, exercise_id, role, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)'),
    findCode: p<CodeRow>('SELECT * FROM codes WHERE code = ?'),
    listCodes: p<CodeRow>('SELECT * FROM codes WHERE exercise_id = ? ORDER BY created_at, code'),
    revokeCode: p('UPDATE codes SET revoked_at = ? WHERE code = ? AND revoked_at IS NULL'),
    insertDocument: p(
      `INSERT INTO studio_documents (${STUDIO_DOCUMENT_COLUMNS.join(', ')})
       VALUES (${STUDIO_DOCUMENT_COLUMNS.map(() => '?').join(', ')})`,
    ),
    getDocument: p<StudioDocumentRow>('SELECT * FROM studio_documents WHERE id = ?'),
    listDocuments: p<StudioDocumentRow & Record<string, unknown>>(
      `SELECT d.*, ${STUDIO_VERSION_INFO_COLUMNS.map((c) => `v.${c} AS v_${c}`).join(', ')}
       FROM studio_documents d JOIN studio_versions v ON v.document_id = d.id AND v.version = d.latest_version
       WHERE (@deleted = 'include' OR (@deleted = 'only') = (d.deleted_at IS NOT NULL))
       ORDER BY d.updated_at DESC, d.id`,
    ),
    insertVersion: p(
      `INSERT INTO studio_versions (${STUDIO_VERSION_COLUMNS.join(', ')})
       VALUES (${STUDIO_VERSION_COLUMNS.map(() => '?').join(', ')})`,
    ),
    advanceDocument: p(
      'UPDATE studio_documents SET latest_version = ?, updated_at = ? WHERE id = ? AND latest_version = ?',
    ),
    getVersion: p<StudioVersionRow>('SELECT * FROM studio_versions WHERE document_id = ? AND version = ?'),
    listVersions: p<StudioVersionRow>(
      `SELECT ${STUDIO_VERSION_INFO_COLUMNS.join(', ')} FROM studio_versions WHERE document_id = ? ORDER BY version DESC`,
    ),
    setDeleted: p('UPDATE studio_documents SET deleted_at = ? WHERE id = ?'),
  };
}

const sqliteBool = (value: boolean): number => (value ? 1 : 0);

/** The latest version's columns of a listing row (prefixed `v_`) as a version row. */
function latestOf(row: Record<string, unknown>): StudioVersionRow {
  return Object.fromEntries(STUDIO_VERSION_INFO_COLUMNS.map((c) => [c, row[`v_${c}`]])) as unknown as StudioVersionRow;
}

/** SQLite's constraint errors become StoreErrors that say what collided. */
function constraint(error: unknown, what: string): never {
  if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) {
    throw new StoreError(`${what}: ${error.message}`);
  }
  throw error;
}

export class SqliteStore implements EventStore {
  private readonly options: SqliteStoreOptions;
  private db: Db | null = null;
  private sql: ReturnType<typeof prepareAll> | null = null;

  constructor(options: SqliteStoreOptions) {
    this.options = options;
  }

  /** The path of the database file. */
  get path(): string {
    return this.options.path;
  }

  async init(): Promise<void> {
    if (this.db) return;
    mkdirSync(dirname(this.options.path), { recursive: true });
    const db = new Database(this.options.path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${this.options.syncFull ? 'FULL' : 'NORMAL'}`);
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db, this.options.path);
    } catch (error) {
      db.close();
      throw error;
    }
    this.db = db;
    this.sql = prepareAll(db);
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
    this.sql = null;
  }

  /** A pragma's current value (for tests and diagnostics). */
  pragma(name: 'journal_mode' | 'synchronous' | 'foreign_keys'): unknown {
    return this.open().db.pragma(name, { simple: true });
  }

  private open(): { db: Db; sql: ReturnType<typeof prepareAll> } {
    if (!this.db || !this.sql) throw new StoreError('the SQLite store is not open (call init() first)');
    return { db: this.db, sql: this.sql };
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    try {
      this.open().sql.insertWorkshop.run(w.id, w.title, w.trainerSecret, w.createdAt);
    } catch (error) {
      constraint(error, `workshop ${w.id} exists`);
    }
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const row = this.open().sql.getWorkshop.get(id);
    return row ? workshopFromRow(row) : null;
  }

  async createExercise(exercise: ExerciseRecord, codes: readonly SeatCode[]): Promise<void> {
    const { db, sql } = this.open();
    const create = db.transaction(() => {
      sql.insertExercise.run(...exerciseValues(exercise));
      for (const c of codes) insertCode(sql, c);
    });
    try {
      create.immediate();
    } catch (error) {
      constraint(error, `exercise ${exercise.id} or one of its codes exists, or its workshop does not`);
    }
  }

  async getExercise(id: string): Promise<ExerciseRecord | null> {
    const row = this.open().sql.getExercise.get(id);
    return row ? exerciseFromRow(row) : null;
  }

  async listExercises(filter: { status?: ExerciseStatus; workshopId?: string } = {}): Promise<ExerciseRecord[]> {
    return this.open()
      .sql.listExercises.all({ status: filter.status ?? null, workshop: filter.workshopId ?? null })
      .map(exerciseFromRow);
  }

  async markEnded(id: string, endedAt: number): Promise<void> {
    if (this.open().sql.markEnded.run(endedAt, id).changes === 0) throw new StoreError(`no exercise ${id}`);
  }

  async setBots(id: string, bots: Readonly<Record<string, string>>): Promise<void> {
    if (this.open().sql.setBots.run(JSON.stringify(bots), id).changes === 0) throw new StoreError(`no exercise ${id}`);
  }

  async appendEvents(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    const { db, sql } = this.open();
    const append = db.transaction(() => {
      if (!sql.exists.get(exerciseId)) throw new StoreError(`no exercise ${exerciseId}`);
      checkSequence(exerciseId, sql.lastSeq.get(exerciseId)?.seq ?? 0, events);
      for (const e of events) sql.insertEvent.run(exerciseId, e.seq, JSON.stringify(e));
    });
    append.immediate();
  }

  async loadEvents(exerciseId: string, afterSeq = 0): Promise<ExerciseEvent[]> {
    return this.open()
      .sql.loadEvents.all(exerciseId, afterSeq)
      .map((r) => eventFromBody(r.body));
  }

  async findCode(code: string): Promise<SeatCode | null> {
    const row = this.open().sql.findCode.get(code);
    return row ? codeFromRow(row) : null;
  }

  async listCodes(exerciseId: string): Promise<SeatCode[]> {
    return this.open().sql.listCodes.all(exerciseId).map(codeFromRow);
  }

  async putCode(code: SeatCode): Promise<void> {
    try {
      insertCode(this.open().sql, code);
    } catch (error) {
      constraint(error, `join code ${code.code} exists or exercise ${code.exerciseId} does not`);
    }
  }

  async revokeCode(code: string, revokedAt: number): Promise<void> {
    this.open().sql.revokeCode.run(revokedAt, code);
  }

  async createStudioDocument(document: StudioDocumentRecord, first: StudioVersionRecord): Promise<void> {
    checkNewStudioDocument(document, first);
    const { db, sql } = this.open();
    const create = db.transaction(() => {
      sql.insertDocument.run(...studioDocumentValues(document));
      sql.insertVersion.run(...studioVersionValues(first, sqliteBool));
    });
    try {
      create.immediate();
    } catch (error) {
      constraint(error, `studio document ${document.id} exists`);
    }
  }

  async getStudioDocument(id: string): Promise<StudioDocumentRecord | null> {
    const row = this.open().sql.getDocument.get(id);
    return row ? studioDocumentFromRow(row) : null;
  }

  async listStudioDocuments(filter: { readonly deleted?: StudioDeletedFilter } = {}): Promise<StudioListing[]> {
    return this.open()
      .sql.listDocuments.all({ deleted: filter.deleted ?? 'exclude' })
      .map((row) => ({ document: studioDocumentFromRow(row), latest: studioVersionInfoFromRow(latestOf(row)) }));
  }

  async addStudioVersion(version: StudioVersionRecord): Promise<void> {
    const { db, sql } = this.open();
    const add = db.transaction(() => {
      const row = sql.getDocument.get(version.documentId);
      const refusal = studioVersionRefusal(version, row ? studioDocumentFromRow(row) : null);
      if (refusal) throw refusal;
      sql.advanceDocument.run(version.version, version.createdAt, version.documentId, version.version - 1);
      sql.insertVersion.run(...studioVersionValues(version, sqliteBool));
    });
    add.immediate();
  }

  async getStudioVersion(documentId: string, version: number): Promise<StudioVersionRecord | null> {
    const row = this.open().sql.getVersion.get(documentId, version);
    return row ? studioVersionFromRow(row) : null;
  }

  async listStudioVersions(documentId: string): Promise<StudioVersionInfo[]> {
    return this.open().sql.listVersions.all(documentId).map(studioVersionInfoFromRow);
  }

  async setStudioDeleted(documentId: string, deletedAt: number | null): Promise<void> {
    if (this.open().sql.setDeleted.run(deletedAt, documentId).changes === 0) {
      throw new StoreError(`no studio document ${documentId}`);
    }
  }
}

function insertCode(sql: ReturnType<typeof prepareAll>, c: SeatCode): void {
  sql.insertCode.run(c.code, c.exerciseId, JSON.stringify(c.role), c.createdAt, c.revokedAt);
}

function migrate(db: Db, where: string): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const apply = db.transaction(() => {
    const row = db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM schema_version').get();
    for (const m of pendingMigrations(row?.v ?? 0, where)) {
      db.exec(m.sqlite);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        Date.now(),
      );
    }
  });
  apply.immediate();
}
