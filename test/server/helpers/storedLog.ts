/**
 * What a server process left in its store, read from outside the process: the SQLite file opened read-only (after
 * the process is gone, or alongside it: WAL readers do not block the writer), or the PostgreSQL tables. Also a
 * fresh PostgreSQL database per test (created and dropped here), and the replay of a stored log against the
 * scenario source stored with the exercise. better-sqlite3 and pg are the server package's dependencies: they are
 * loaded from there.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compileExercise } from '@parley/server/host/compile.ts';
import { type ExerciseRow, eventFromBody, exerciseFromRow } from '@parley/server/store/rows.ts';
import type { ExerciseRecord } from '@parley/server/store/types.ts';
import { type CompiledScenario, type ExerciseEvent, type ExerciseState, replay } from '@parley/shared';
import type BetterSqlite3 from 'better-sqlite3';
import type Pg from 'pg';

const fromServer = createRequire(join(import.meta.dirname, '..', '..', '..', 'server', 'package.json'));
const Database = fromServer('better-sqlite3') as typeof BetterSqlite3;
const pg = fromServer('pg') as typeof Pg;

export type StoredExercise = { readonly record: ExerciseRecord; readonly events: ExerciseEvent[] };

/** The exercise and its log from `<dataDir>/parley.db`, opened read-only. */
export function readSqlite(dataDir: string, exerciseId: string): StoredExercise {
  const db = new Database(join(dataDir, 'parley.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT * FROM exercises WHERE id = ?').get(exerciseId) as ExerciseRow | undefined;
    if (!row) throw new Error(`exercise ${exerciseId} is not in the SQLite store`);
    const bodies = db.prepare('SELECT body FROM events WHERE exercise_id = ? ORDER BY seq').all(exerciseId) as {
      body: string;
    }[];
    return { record: exerciseFromRow(row), events: bodies.map((b) => eventFromBody(b.body)) };
  } finally {
    db.close();
  }
}

/** The exercise and its log from PostgreSQL (the server's default schema, `parley`). */
export async function readPostgres(url: string, exerciseId: string): Promise<StoredExercise> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exercises = await client.query<ExerciseRow>('SELECT * FROM parley.exercises WHERE id = $1', [exerciseId]);
    const row = exercises.rows[0];
    if (!row) throw new Error(`exercise ${exerciseId} is not in the PostgreSQL store`);
    const events = await client.query<{ body: unknown }>(
      'SELECT body FROM parley.events WHERE exercise_id = $1 ORDER BY seq',
      [exerciseId],
    );
    return { record: exerciseFromRow(row), events: events.rows.map((r) => eventFromBody(r.body)) };
  } finally {
    await client.end();
  }
}

export const TEST_DATABASE_URL = process.env.PARLEY_TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';

/** A new, empty PostgreSQL database on the test server; `drop()` removes it (closing its connections). */
export async function freshDatabase(adminUrl = TEST_DATABASE_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `parley_e2e_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query(sql);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`PostgreSQL at ${adminUrl} refused "${sql}": ${why}. Start it or set PARLEY_TEST_DATABASE_URL.`);
    } finally {
      await client.end().catch(() => {});
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The scenario an exercise was created with, and the state its log replays to. */
export function replayStored(stored: StoredExercise): { compiled: CompiledScenario; state: ExerciseState } {
  const compiled = compileExercise(stored.record);
  return { compiled, state: replay(compiled, stored.events, stored.record.options) };
}
