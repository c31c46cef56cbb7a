/** What only the PostgreSQL store has: schemas that keep installations apart, migrations under a lock, its errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from './migrations.ts';
import { createStore } from './openStore.ts';
import { assertPostgresReachable, freshSchemaName, postgresSchemas, TEST_DATABASE_URL } from './pgTesting.ts';
import { PostgresStore } from './postgresStore.ts';
import { events, exercise } from './storeFixtures.ts';
import { StoreError } from './types.ts';

const pg = postgresSchemas();
beforeAll(() => assertPostgresReachable());
afterAll(() => pg.cleanup());

describe('PostgreSQL store', () => {
  it('is what DATABASE_URL selects', async () => {
    const store = createStore({ databaseUrl: TEST_DATABASE_URL, dataDir: '/nonexistent', syncFull: false });
    expect(store).toBeInstanceOf(PostgresStore);
    await store.close();
  });

  it('keeps two schemas in one database apart', async () => {
    const a = await pg.open();
    const b = await pg.open();
    await a.createExercise(exercise('e1'), []);
    await a.appendEvents('e1', events(1, 3));
    expect(await b.getExercise('e1')).toBeNull();
    await b.createExercise(exercise('e1', { label: 'B' }), []);
    expect((await a.getExercise('e1'))?.label).toBe('Table e1');
    expect(await b.loadEvents('e1')).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });

  it('migrates once when several processes boot together, and again finds its data', async () => {
    const schema = freshSchemaName();
    const stores = await Promise.all([pg.open(schema), pg.open(schema), pg.open(schema)]);
    expect(await Promise.all(stores.map((s) => s.schemaVersion()))).toEqual([
      LATEST_VERSION,
      LATEST_VERSION,
      LATEST_VERSION,
    ]);
    await stores[0]?.createExercise(exercise('e1'), []);
    await stores[1]?.appendEvents('e1', events(1, 2));
    expect(await stores[2]?.loadEvents('e1')).toEqual(events(1, 2));
    await Promise.all(stores.map((s) => s.close()));
    const again = await pg.open(schema);
    expect(await again.loadEvents('e1')).toEqual(events(1, 2));
    await again.close();
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => new PostgresStore({ connectionString: TEST_DATABASE_URL, schema: 'x"; DROP TABLE y; --' })).toThrow(
      StoreError,
    );
  });

  it('says clearly when the server cannot be reached', async () => {
    await expect(assertPostgresReachable('postgresql://postgres@127.0.0.1:1/test')).rejects.toThrow(
      /PostgreSQL is not reachable at postgresql:\/\/postgres@127\.0\.0\.1:1\/test/,
    );
  });
});
