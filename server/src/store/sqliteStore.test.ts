/** What only the SQLite store has: its file, its pragmas, its schema version, what survives a killed process. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from './migrations.ts';
import { createStore } from './openStore.ts';
import { SqliteStore } from './sqliteStore.ts';
import { code, events, exercise, studioDocument, studioVersion, workshop } from './storeFixtures.ts';
import { StoreError } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `db-${++n}`, 'parley.db');

describe('SQLite store', () => {
  it('lives in <dataDir>/parley.db in WAL mode, synchronous NORMAL unless told FULL', async () => {
    const dataDir = join(dir, 'data-dir');
    const store = createStore({ databaseUrl: null, dataDir, syncFull: false });
    expect(store).toBeInstanceOf(SqliteStore);
    await store.init();
    const sqlite = store as SqliteStore;
    expect(sqlite.path).toBe(join(dataDir, 'parley.db'));
    expect(sqlite.pragma('journal_mode')).toBe('wal');
    expect(sqlite.pragma('synchronous')).toBe(1);
    expect(sqlite.pragma('foreign_keys')).toBe(1);
    await store.close();

    const full = new SqliteStore({ path: freshPath(), syncFull: true });
    await full.init();
    expect(full.pragma('synchronous')).toBe(2);
    await full.close();
  });

  it('finds everything again after closing and reopening the file', async () => {
    const path = freshPath();
    const first = new SqliteStore({ path });
    await first.init();
    await first.createWorkshop(workshop('w1'));
    await first.createExercise(exercise('e1', { workshopId: 'w1' }), [code('AAAAAAAA', 'e1')]);
    await first.appendEvents('e1', events(1, 20));
    await first.setBots('e1', { gridco: 'passive' });
    await first.revokeCode('AAAAAAAA', 5_000);
    await first.close();

    const again = new SqliteStore({ path });
    await again.init();
    expect(await again.getWorkshop('w1')).toEqual(workshop('w1'));
    expect(await again.getExercise('e1')).toEqual(exercise('e1', { workshopId: 'w1', bots: { gridco: 'passive' } }));
    expect(await again.findCode('AAAAAAAA')).toMatchObject({ revokedAt: 5_000 });
    expect(await again.loadEvents('e1')).toEqual(events(1, 20));
    await again.appendEvents('e1', events(21, 1));
    expect((await again.loadEvents('e1', 20)).map((e) => e.seq)).toEqual([21]);
    await again.close();
  });

  it('keeps every acknowledged batch when its process is killed with SIGKILL mid-write', async () => {
    const path = freshPath();
    const setup = new SqliteStore({ path });
    await setup.init();
    await setup.createExercise(exercise('e1'), []);
    await setup.close();

    // A writer appends 5-event batches as fast as it can and prints each batch's last seq once appendEvents resolved.
    const storeModule = new URL('./sqliteStore.ts', import.meta.url).href;
    const kitModule = new URL('./storeFixtures.ts', import.meta.url).href;
    const script = `
      const { SqliteStore } = await import(${JSON.stringify(storeModule)});
      const { events } = await import(${JSON.stringify(kitModule)});
      const store = new SqliteStore({ path: ${JSON.stringify(path)} });
      await store.init();
      for (let seq = 1; ; seq += 5) {
        await store.appendEvents('e1', events(seq, 5));
        process.stdout.write((seq + 4) + '\\n');
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
      child.stdout.on('data', (d: Buffer) => {
        const last = d.toString().trim().split('\n').at(-1);
        acked = Number(last);
        if (acked >= 500) resolve();
      });
    });
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const after = new SqliteStore({ path });
    await after.init();
    const log = await after.loadEvents('e1');
    expect(log.length).toBeGreaterThanOrEqual(acked);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    expect(log.length % 5).toBe(0);
    await after.close();
  }, 30_000);

  it('upgrades a database written before the studio, keeping its exercises', async () => {
    const path = freshPath();
    const old = new SqliteStore({ path });
    await old.init();
    await old.createExercise(exercise('e1'), []);
    await old.close();
    // Back to schema version 1: as an earlier Parley left it.
    const db = new Database(path);
    db.exec('DROP TABLE studio_versions; DROP TABLE studio_documents; DELETE FROM schema_version WHERE version > 1;');
    db.close();
    const upgraded = new SqliteStore({ path });
    await upgraded.init();
    expect(await upgraded.getExercise('e1')).toEqual(exercise('e1'));
    await upgraded.createStudioDocument(studioDocument('d1'), studioVersion('d1', 1));
    expect(await upgraded.getStudioVersion('d1', 1)).toEqual(studioVersion('d1', 1));
    await upgraded.close();
    const check = new Database(path);
    expect(check.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({ v: LATEST_VERSION });
    check.close();
  });

  it('records its schema version and refuses a database written by a newer Parley', async () => {
    const path = freshPath();
    const store = new SqliteStore({ path });
    await store.init();
    await store.close();
    const db = new Database(path);
    expect(db.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({ v: LATEST_VERSION });
    db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, 'from the future', 0)").run(
      LATEST_VERSION + 1,
    );
    db.close();
    const newer = new SqliteStore({ path });
    await expect(newer.init()).rejects.toThrow(StoreError);
    await expect(newer.init()).rejects.toThrow(
      `schema version ${LATEST_VERSION + 1}, but this version of Parley knows only up to ${LATEST_VERSION}`,
    );
  });
});

/** appendEvents of 200 batches of 50 events (~330 bytes each): median and 99th percentile in milliseconds. */
