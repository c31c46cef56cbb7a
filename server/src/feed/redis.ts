/**
 * The feed across processes: `@socket.io/redis-adapter` over two ioredis connections (one publishes, one is in
 * subscriber mode). A feed client connected to process X then receives what process Y publishes to its rooms, and a
 * snapshot request from X reaches the process hosting the exercise. Start-up fails with a clear message if Redis
 * cannot be reached within `timeoutMs` (the process must not come up half-connected).
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type RedisAdapterHandle = {
  readonly adapter: ReturnType<typeof createAdapter>;
  /** Waits until the adapter's subscriptions are in place (call after `io.adapter(handle.adapter)`). */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/** The URL without its password, for messages and logs. */
export const safeRedisUrl = (url: string) => url.replace(/\/\/([^@/]*)@/, '//***@');

function waitReady(client: Redis, url: string, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let lastError = 'no answer';
    const onError = (err: Error) => {
      lastError = err.message || String(err);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Live feed: cannot reach Redis at ${safeRedisUrl(url)} (${lastError}). Check REDIS_URL.`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('error', onError);
    };
    client.on('ready', onReady);
    client.on('error', onError);
  });
}

export async function connectRedisAdapter(
  url: string,
  options: { readonly key: string; readonly logger: Pick<Logger, 'warn'>; readonly timeoutMs?: number },
): Promise<RedisAdapterHandle> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = pub.duplicate();
  let warned = false;
  const onError = (err: Error) => {
    if (warned) return;
    warned = true;
    options.logger.warn({ err, redis: safeRedisUrl(url) }, 'live feed: Redis connection trouble (retrying)');
  };
  const onReady = () => {
    warned = false;
  };
  for (const c of [pub, sub]) {
    c.on('error', onError);
    c.on('ready', onReady);
  }
  const close = async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
    pub.disconnect();
    sub.disconnect();
  };
  try {
    pub.connect().catch(() => {});
    sub.connect().catch(() => {});
    await Promise.all([waitReady(pub, url, timeoutMs), waitReady(sub, url, timeoutMs)]);
  } catch (err) {
    await close();
    throw err;
  }
  return {
    adapter: createAdapter(pub, sub, { key: options.key }),
    // Commands on one connection are answered in order: once PING answers, the (p)subscribe the adapter queued has.
    ready: async () => {
      await sub.ping();
    },
    close,
  };
}
