/**
 * The live feed across processes: two socket.io servers on two HTTP servers sharing the local Redis
 * (127.0.0.1:6379). Process A hosts the exercise; a feed client connected to process B gets its snapshot, its updates
 * and its metrics, all published by A.
 */
import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { attachLiveFeed, type LiveFeed } from '@parley/server/feed/liveFeed.ts';
import { C, ok, R } from '@parley/shared/engine/testKit.ts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeServer,
  type FeedClient,
  feedClient,
  listen,
  quietLogger,
  SessionSource,
  tableAuthorize,
  until,
} from './feedKit.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const authorize = () => tableAuthorize({ exercises: { ex1: ['OBS-CODE-1'] } });

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function process_(source: SessionSource, key: string): Promise<{ feed: LiveFeed; url: string }> {
  const { server, url } = await listen();
  const feed = await attachLiveFeed(server, {
    source,
    authorize: authorize(),
    logger: quietLogger(),
    redisUrl: REDIS_URL,
    redisKey: key,
    throttleMs: 20,
    metricsIntervalMs: 100,
  });
  cleanup.push(() => closeProcess(feed, server));
  return { feed, url };
}

async function closeProcess(feed: LiveFeed, server: HttpServer) {
  await feed.close();
  await closeServer(server);
}

function client(url: string): FeedClient {
  const c = feedClient(url, { exerciseId: 'ex1', token: 'OBS-CODE-1' });
  cleanup.push(() => c.close());
  return c;
}

describe('live feed with the Redis adapter', () => {
  it('delivers what process A publishes to a client connected to process B', async () => {
    const key = `parley-feed-test-${randomUUID()}`;
    const hostA = new SessionSource();
    const s = hostA.host('ex1');
    const a = await process_(hostA, key);
    const b = await process_(new SessionSource(), key);

    const onB = client(b.url);
    const onA = client(a.url);
    await Promise.all([onB.connected, onA.connected]);
    await until(() => onB.snapshots.length === 1, 'the snapshot from process A');
    expect(onB.snapshots[0]).toMatchObject({ exerciseId: 'ex1', seq: s.state.seq, view: { role: 'observer' } });

    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'published on A')));
    hostA.flushed('ex1');
    await until(() => onB.updates.length === 1 && onA.updates.length === 1, 'the update on both processes');
    expect(onB.updates[0]?.messages.map((m) => m.text)).toEqual(['published on A']);
    expect(onB.updates[0]?.seq).toBe(s.state.seq);

    await until(() => onB.metrics.length > 0, 'metrics from process A');
    expect(onB.metrics[0]).toMatchObject({ exerciseId: 'ex1', status: 'running', escalation: 2 });
  });

  it('keeps feeds with different keys apart', async () => {
    const hostA = new SessionSource();
    const s = hostA.host('ex1');
    await process_(hostA, `parley-feed-test-${randomUUID()}`);
    const other = await process_(new SessionSource(), `parley-feed-test-${randomUUID()}`);
    const c = client(other.url);
    await c.connected;
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'not for you')));
    hostA.flushed('ex1');
    await new Promise((r) => setTimeout(r, 250));
    expect(c.snapshots).toEqual([]);
    expect(c.updates).toEqual([]);
    expect(c.metrics).toEqual([]);
  });

  it('fails to start with a clear message when Redis cannot be reached', async () => {
    const { server } = await listen();
    cleanup.push(() => closeServer(server));
    const attempt = attachLiveFeed(server, {
      source: new SessionSource(),
      authorize: authorize(),
      logger: quietLogger(),
      redisUrl: 'redis://user:hunter2@127.0.0.1:1',
      redisTimeoutMs: 300,
    });
    await expect(attempt).rejects.toThrow(
      /^Live feed: cannot reach Redis at redis:\/\/\*\*\*@127\.0\.0\.1:1 .*REDIS_URL/,
    );
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });
});
