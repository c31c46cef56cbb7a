/**
 * Structured logs: pino, one JSON object per line on stdout (or the destination given), level from the config,
 * ISO timestamps and `"level":"info"` labels.
 *
 *     const logger = createLogger(config);                       // LOG_LEVEL decides what is written
 *     const log = exerciseLogger(logger, exerciseId);            // every line carries { exerciseId }
 *     log.info({ code, role: 'observer' }, 'seat joined');       // code → "[redacted]"
 *     log.warn({ err, refusal }, 'command refused');             // err.code and refusal.code are kept
 *
 * Secrets never reach the log: in every logged object and child binding, at any depth, the values of fields named
 * `code`, `codes`, `joinCode`, `seatCode`, `passphrase`, `password`, `authorization`, `cookie`, or ending in `token` or
 * `secret` (any case) are replaced by "[redacted]", and `token`/`code` query parameters in `url` fields are masked.
 * Exceptions: an error's `code` (under `err`/`error`) and a refusal's `code` (under `refusal`) are not secrets and
 * stay. Message strings are not scanned: never interpolate a code or token into a message.
 *
 * Child bindings (`logger.child({...})`) do not pass through pino's formatters, so for them pino's own `redact`
 * covers the same names as top-level keys (and `auth.token`, `headers.authorization`): keep secrets out of bindings.
 */
import { type DestinationStream, type Logger, pino } from 'pino';
import { type Config, ConfigError } from '../config.ts';

export type { Logger };

type LogMethod = (obj: Record<string, unknown>, msg: string) => void;
/** The few logging methods helpers need: a pino `Logger` fits, and so does a test's recorder. */
export type LogSink = { readonly info: LogMethod; readonly warn: LogMethod; readonly error: LogMethod };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const REDACTED = '[redacted]';

const SECRET_EXACT = new Set([
  'code',
  'codes',
  'joincode',
  'seatcode',
  'passphrase',
  'password',
  'authorization',
  'cookie',
]);
const isSecretKey = (key: string) => {
  const k = key.toLowerCase();
  return SECRET_EXACT.has(k) || k.endsWith('token') || k.endsWith('secret');
};
/** Parents under which `code` is an error or refusal code, not a join code. */
const CODE_IS_NOT_SECRET_UNDER = new Set(['err', 'error', 'refusal']);
const URL_KEYS = new Set(['url', 'path', 'href']);
const SECRET_QUERY = /([?&](?:_authToken|[a-z]*token|code)=)[^&#\s]*/gi;
const MAX_DEPTH = 8;

/** Top-level names (and a few nested paths) pino's `redact` removes from child bindings. */
const BINDING_PATHS = [
  ...['code', 'codes', 'joinCode', 'seatCode', 'passphrase', 'password', 'authorization', 'cookie'],
  ...['token', 'authToken', '_authToken', 'accessToken', 'reconnectionToken', 'trainerToken', 'facilitatorToken'],
  ...['secret', 'facilitatorSecret', 'trainerSecret'],
  ...['auth.token', 'headers.authorization', 'headers.cookie', 'req.headers.authorization', 'req.headers.cookie'],
];

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

function redactValue(value: unknown, key: string, parent: string | null, depth: number): unknown {
  if (isSecretKey(key) && !(key === 'code' && parent !== null && CODE_IS_NOT_SECRET_UNDER.has(parent))) {
    return value === undefined || value === null ? value : REDACTED;
  }
  if (typeof value === 'string' && URL_KEYS.has(key.toLowerCase())) return value.replace(SECRET_QUERY, `$1${REDACTED}`);
  return walk(value, key, depth + 1);
}

function walk(value: unknown, parent: string | null, depth: number): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = walk(v, parent, depth + 1);
      if (r !== v) changed = true;
      return r;
    });
    return changed ? out : value;
  }
  // Errors, Buffers, Maps... are left to pino's serializers (an Error's own fields are checked by `redactSecrets`
  // only when it is logged as a plain object).
  if (!isPlainObject(value)) return value;
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const r = redactValue(v, k, parent, depth);
    if (r !== v) {
      out ??= { ...value };
      out[k] = r;
    }
  }
  return out ?? value;
}

/**
 * A copy of `value` with secrets replaced (the original is never modified; unchanged parts are shared). Pino calls it
 * on every logged object and child binding; exported for tests and for anything else that writes diagnostics.
 */
export function redactSecrets<T>(value: T): T {
  return walk(value, null, 0) as T;
}

export type LoggerOptions = {
  /** Where JSON lines go (default: stdout). Tests pass a collecting stream. */
  readonly destination?: DestinationStream;
  /** Fields on every line (default: pid and hostname). */
  readonly base?: Readonly<Record<string, unknown>>;
};

export function createLogger(config: Pick<Config, 'logLevel'>, options: LoggerOptions = {}): Logger {
  const level = config.logLevel.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${config.logLevel}")`);
  }
  const settings = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: BINDING_PATHS, censor: REDACTED },
    ...(options.base ? { base: { ...options.base } } : {}),
    formatters: {
      level: (label: string) => ({ level: label }),
      bindings: (bindings: pino.Bindings) => redactSecrets(bindings),
      log: (object: Record<string, unknown>) => redactSecrets(object),
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** A child logger whose every line names the exercise. */
export function exerciseLogger(logger: Logger, exerciseId: string): Logger {
  return logger.child({ exerciseId });
}
