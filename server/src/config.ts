/**
 * Server configuration from environment variables, with defaults for a single machine: one process, SQLite under
 * ./data, no Redis. A bad value is a clear error at start-up, never a silent fallback.
 */
import { resolve } from 'node:path';

export type Config = {
  readonly port: number;
  readonly host: string;
  /** The address other processes and clients reach this one at (multi-process deployments). */
  readonly publicAddress: string | null;
  /** The URL people open (join links, QR codes), e.g. `https://parley.example.org`; default: from the request. */
  readonly publicUrl: string | null;
  /** Behind a reverse proxy: take client addresses and the host from X-Forwarded-* headers. */
  readonly trustProxy: boolean;
  readonly dataDir: string;
  readonly scenariosDir: string;
  readonly clientDir: string;
  /** `postgres://…` to use PostgreSQL instead of SQLite. */
  readonly databaseUrl: string | null;
  /** `redis://…` for Colyseus presence/driver and the socket.io adapter (several processes). */
  readonly redisUrl: string | null;
  readonly logLevel: string;
  /** Seconds a dropped client keeps its seat. */
  readonly reconnectSeconds: number;
  /** Milliseconds between event-store flushes (one transaction each). */
  readonly flushMs: number;
  /** fsync every flush (survives power loss) instead of only process death. */
  readonly syncFull: boolean;
  /** The trainers' passphrase for the scenario studio (`/api/studio/…`); null: the studio is off. */
  readonly studioToken: string | null;
};

/** The shortest studio token accepted: it guards every trainer's scenarios on the server. */
export const STUDIO_TOKEN_MIN = 12;

const ROOT = resolve(import.meta.dirname, '..', '..');

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// (got "${databaseUrl}")`);
  }
  const publicUrl = env.PARLEY_PUBLIC_URL || null;
  if (publicUrl && !/^https?:\/\/[^/\s]+/.test(publicUrl)) {
    throw new ConfigError(
      `PARLEY_PUBLIC_URL must be an http(s) URL such as https://parley.example.org (got "${publicUrl}")`,
    );
  }
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError(`REDIS_URL must start with redis:// (got "${redisUrl}")`);
  }
  const studioToken = env.PARLEY_STUDIO_TOKEN?.trim() || null;
  if (studioToken && (studioToken.length < STUDIO_TOKEN_MIN || studioToken.length > 200)) {
    throw new ConfigError(
      `PARLEY_STUDIO_TOKEN must be a passphrase of ${STUDIO_TOKEN_MIN} to 200 characters (got ${studioToken.length})`,
    );
  }
  return {
    port: int(env, 'PORT', 2567, 0, 65535),
    host: env.HOST || '0.0.0.0',
    publicAddress: env.PUBLIC_ADDRESS || null,
    publicUrl,
    trustProxy: env.PARLEY_TRUST_PROXY === '1' || env.PARLEY_TRUST_PROXY === 'true',
    dataDir: resolve(env.PARLEY_DATA_DIR || resolve(ROOT, 'data')),
    scenariosDir: resolve(env.PARLEY_SCENARIOS_DIR || resolve(ROOT, 'scenarios')),
    clientDir: resolve(env.PARLEY_CLIENT_DIR || resolve(ROOT, 'client', 'dist')),
    databaseUrl,
    redisUrl,
    logLevel: env.LOG_LEVEL || 'info',
    reconnectSeconds: int(env, 'PARLEY_RECONNECT_SECONDS', 120, 0, 24 * 3600),
    flushMs: int(env, 'PARLEY_FLUSH_MS', 20, 1, 1000),
    syncFull: env.PARLEY_SYNC === 'full',
    studioToken,
  };
}
