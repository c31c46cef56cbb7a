/**
 * The store a configuration asks for: PostgreSQL when `DATABASE_URL` is set, else SQLite in `<dataDir>/parley.db`.
 * The caller runs `init()` (which creates or migrates the tables) and `close()`.
 */
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { PostgresStore } from './postgresStore.ts';
import { SqliteStore } from './sqliteStore.ts';
import type { EventStore } from './types.ts';

export const SQLITE_FILE = 'parley.db';

export function createStore(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'syncFull'>,
  options: { readonly schema?: string; readonly onIdleError?: (error: Error) => void } = {},
): EventStore {
  if (config.databaseUrl) {
    return new PostgresStore({ connectionString: config.databaseUrl, ...options });
  }
  return new SqliteStore({ path: join(config.dataDir, SQLITE_FILE), syncFull: config.syncFull });
}
