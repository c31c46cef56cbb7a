/**
 * Event-store write latency for `./parley bench`: 200 batches of 50 events appended to a fresh SQLite file, with
 * synchronous NORMAL (the default: survives the process being killed) and FULL (fsync: survives power loss).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqliteStore.ts';
import { events, exercise } from '../store/storeFixtures.ts';

export type FlushFigures = { readonly p50: number; readonly p99: number };

async function flushTimings(syncFull: boolean): Promise<FlushFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  try {
    const store = new SqliteStore({ path: join(dir, 'parley.db'), syncFull });
    await store.init();
    await store.createExercise(exercise('e1'), []);
    const timings: number[] = [];
    for (let i = 0; i < 200; i++) {
      const batch = events(i * 50 + 1, 50);
      const start = performance.now();
      await store.appendEvents('e1', batch);
      timings.push(performance.now() - start);
    }
    await store.close();
    timings.sort((a, b) => a - b);
    return { p50: timings[100] ?? 0, p99: timings[198] ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function storeFigures(): Promise<{ normal: FlushFigures; full: FlushFigures }> {
  return { normal: await flushTimings(false), full: await flushTimings(true) };
}
