/**
 * PostgreSQL for tests: the local server (`PARLEY_TEST_DATABASE_URL`, default
 * `postgresql://postgres@127.0.0.1:5432/test`), one fresh schema per store, dropped afterwards. When the server is
 * unreachable the tests fail saying so, rather than being skipped: CI has PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from './postgresStore.ts';

export const TEST_DATABASE_URL = process.env.PARLEY_TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';

export async function assertPostgresReachable(url = TEST_DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${error instanceof Error ? error.message : String(error)}). ` +
        'Start it (see DEVELOPERS.md) or set PARLEY_TEST_DATABASE_URL to a database the tests may create schemas in.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

export const freshSchemaName = (): string => `parley_test_${randomBytes(6).toString('hex')}`;

/** Drops the schemas these tests created. */
export async function dropSchemas(schemas: readonly string[], url = TEST_DATABASE_URL): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Opens stores in fresh schemas and remembers them for `cleanup()`. */
export function postgresSchemas() {
  const created: string[] = [];
  return {
    async open(schema = freshSchemaName()): Promise<PostgresStore> {
      created.push(schema);
      const store = new PostgresStore({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 4 });
      await store.init();
      return store;
    },
    async cleanup(): Promise<void> {
      await dropSchemas(created.splice(0));
    },
  };
}
