/** The event-store contract against every implementation: in memory, SQLite in a temporary directory, PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { MemoryStore } from './memoryStore.ts';
import { assertPostgresReachable, postgresSchemas } from './pgTesting.ts';
import { SqliteStore } from './sqliteStore.ts';
import { eventStoreContract } from './storeContract.ts';

eventStoreContract('memory', {
  async open() {
    const store = new MemoryStore();
    await store.init();
    return store;
  },
});

const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract('SQLite', {
  async open() {
    const store = new SqliteStore({ path: join(dir, `contract-${++files}`, 'parley.db') });
    await store.init();
    return store;
  },
});

const pg = postgresSchemas();
beforeAll(() => assertPostgresReachable());
afterAll(() => pg.cleanup());

eventStoreContract('PostgreSQL', { open: () => pg.open() });
