/**
 * `/healthz`: is this process fit to take players? `createHealth(deps)` returns a `health()` function; the HTTP layer
 * serves its result as JSON with `healthHttpStatus(result)` (200 when ok, 503 when degraded, so a load balancer
 * stops sending players to a process whose store is unreachable or that is shutting down).
 *
 *     const health = createHealth({ metrics, pingStore: () => store.ping(), isShuttingDown: () => closing, logger });
 *     const h = await health();   // { status: 'ok', uptimeSeconds: 12.3, rooms: 2, clients: 9, store: 'ok' }
 *
 * The store check is the app's callback (a cheap query); it gets `timeoutMs` (default 2 s) to answer. The reason of a
 * failure goes to the log, not into the response: `/healthz` is public and a driver's message can name hosts or users.
 */
import type { LogSink } from './logger.ts';
import type { Metrics } from './types.ts';

export type StoreHealth = 'ok' | 'error' | 'timeout';

export type Health = {
  readonly status: 'ok' | 'degraded';
  readonly uptimeSeconds: number;
  readonly rooms: number;
  readonly clients: number;
  readonly store: StoreHealth;
  readonly shuttingDown: boolean;
};

export type HealthDeps = {
  readonly metrics: Pick<Metrics, 'rooms' | 'clients' | 'uptimeSeconds'>;
  /** Resolves when the event store answers; rejects (or hangs) when it does not. */
  readonly pingStore: () => Promise<unknown>;
  readonly isShuttingDown?: () => boolean;
  readonly timeoutMs?: number;
  readonly logger?: Pick<LogSink, 'warn'>;
};

async function checkStore(deps: HealthDeps): Promise<StoreHealth> {
  const timeoutMs = deps.timeoutMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([deps.pingStore().then(() => 'ok' as const), timeout]);
    if (outcome === 'timeout') deps.logger?.warn({ timeoutMs }, 'health: the event store did not answer in time');
    return outcome;
  } catch (err) {
    deps.logger?.warn({ err }, 'health: the event store is unreachable');
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

export function createHealth(deps: HealthDeps): () => Promise<Health> {
  return async () => {
    const store = await checkStore(deps);
    const shuttingDown = deps.isShuttingDown?.() ?? false;
    return {
      status: store === 'ok' && !shuttingDown ? 'ok' : 'degraded',
      uptimeSeconds: Math.round(deps.metrics.uptimeSeconds() * 1000) / 1000,
      rooms: deps.metrics.rooms(),
      clients: deps.metrics.clients(),
      store,
      shuttingDown,
    };
  };
}

export const healthHttpStatus = (h: Health): 200 | 503 => (h.status === 'ok' ? 200 : 503);
