/**
 * The live feed end to end on a real HTTP server with socket.io clients: who may listen, that only the public
 * picture ever goes out (raw frames checked against the scenario's private marker strings), that clients cannot
 * send anything, that bursts are throttled yet end on the latest state, metrics, and workshop streams.
 */
import type { Server as HttpServer } from 'node:http';
import { FEED_AUTH_MESSAGES } from '@parley/server/feed/auth.ts';
import { attachLiveFeed, type LiveFeed, type LiveFeedDeps } from '@parley/server/feed/liveFeed.ts';
import { C, ok, R } from '@parley/shared/engine/testKit.ts';
import { MARKERS } from '@parley/shared/engine/testScenario.ts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeServer,
  type FeedClient,
  feedClient,
  listen,
  quietLogger,
  SessionSource,
  sleep,
  tableAuthorize,
  until,
} from './feedKit.ts';

const ACCESS = {
  exercises: { ex1: ['FAC-TOKEN-1', 'OBS-CODE-1', 'EVA-CODE-1'], ex2: ['OBS-CODE-2'] },
  workshops: { w1: { token: 'TRAINER-TOKEN', exercises: ['ex1', 'ex2'] } },
};

type Rig = { source: SessionSource; feed: LiveFeed; server: HttpServer; url: string; clients: FeedClient[] };
let rig: Rig | null = null;

async function setup(overrides: Partial<LiveFeedDeps> = {}): Promise<Rig & { client(auth?: object): FeedClient }> {
  const source = new SessionSource();
  source.host('ex1', 'w1');
  source.host('ex2', 'w1');
  const { server, url } = await listen();
  const feed = await attachLiveFeed(server, {
    source,
    authorize: tableAuthorize(ACCESS),
    logger: quietLogger(),
    metricsIntervalMs: 60_000,
    ...overrides,
  });
  const r: Rig = { source, feed, server, url, clients: [] };
  rig = r;
  return {
    ...r,
    client(auth?: object) {
      const c = feedClient(url, auth as Record<string, unknown> | undefined);
      r.clients.push(c);
      return c;
    },
  };
}

afterEach(async () => {
  if (!rig) return;
  for (const c of rig.clients) c.close();
  await rig.feed.close();
  await closeServer(rig.server);
  rig = null;
});

const errorOf = (c: FeedClient) =>
  c.connected.then(
    () => 'connected',
    (e: Error) => e.message,
  );

describe('live feed: who may listen', () => {
  it('refuses a client without credentials, with a wrong token, or with a code of another exercise', async () => {
    const r = await setup();
    expect(await errorOf(r.client())).toBe(FEED_AUTH_MESSAGES.malformed);
    expect(await errorOf(r.client({ exerciseId: 'ex1' }))).toBe(FEED_AUTH_MESSAGES.malformed);
    expect(await errorOf(r.client({ exerciseId: 'ex1', token: 'guess' }))).toBe(FEED_AUTH_MESSAGES.refused);
    expect(await errorOf(r.client({ exerciseId: 'ex1', token: 'OBS-CODE-2' }))).toBe(FEED_AUTH_MESSAGES.refused);
    expect(await errorOf(r.client({ workshopId: 'w1', token: 'FAC-TOKEN-1' }))).toBe(FEED_AUTH_MESSAGES.refused);
    expect(await errorOf(r.client({ exerciseId: 'ex1/../x', token: 'OBS-CODE-1' }))).toBe(FEED_AUTH_MESSAGES.malformed);
  });

  it('tells the client to retry when access cannot be checked', async () => {
    const r = await setup({
      authorize: async () => {
        throw new Error('database is down');
      },
    });
    expect(await errorOf(r.client({ exerciseId: 'ex1', token: 'OBS-CODE-1' }))).toBe(FEED_AUTH_MESSAGES.unavailable);
  });

  it('lets a facilitator token, an observer code and an evaluator code in, with a welcome and a snapshot', async () => {
    const r = await setup();
    for (const token of ACCESS.exercises.ex1) {
      const c = r.client({ exerciseId: 'ex1', token });
      await c.connected;
      await until(() => c.snapshots.length === 1, 'snapshot');
      expect(c.welcome).toEqual([{ exercises: ['ex1'], workshopId: null }]);
      const seq = r.source.sessions.get('ex1')?.session.state.seq;
      expect(c.snapshots[0]).toMatchObject({ exerciseId: 'ex1', seq, view: { role: 'observer' } });
      expect(c.snapshots[0]?.view.clock.status).toBe('running');
      expect(c.socket.io.engine.transport.name).toBe('websocket');
    }
  });
});

describe('live feed: withdrawn access', () => {
  it('disconnects the clients whose code was revoked when asked to recheck, and only them', async () => {
    const access = { exercises: { ex1: ['OBS-CODE-1', 'OBS-CODE-9'] } };
    const r = await setup({ authorize: tableAuthorize(access) });
    const revoked = r.client({ exerciseId: 'ex1', token: 'OBS-CODE-9' });
    const kept = r.client({ exerciseId: 'ex1', token: 'OBS-CODE-1' });
    await Promise.all([revoked.connected, kept.connected]);
    access.exercises.ex1 = ['OBS-CODE-1'];
    const reason = new Promise<string>((resolve) => revoked.socket.once('disconnect', resolve));
    expect(await r.feed.recheckAccess()).toBe(1);
    expect(await reason).toBe('io server disconnect');
    expect(kept.socket.connected).toBe(true);
    expect(await errorOf(r.client({ exerciseId: 'ex1', token: 'OBS-CODE-9' }))).toBe(FEED_AUTH_MESSAGES.refused);
  });
});

describe('live feed: the public picture only', () => {
  it('sends public events after each flush and never any private material', async () => {
    const r = await setup();
    const c = r.client({ exerciseId: 'ex1', token: 'EVA-CODE-1' });
    await c.connected;
    await until(() => c.snapshots.length === 1, 'snapshot');
    const s = r.source.sessions.get('ex1')?.session;
    if (!s) throw new Error('no session');
    const secrets = [
      ...Object.values(MARKERS),
      'PRIVATE-BILATERAL-3e1',
      'PRIVATE-GROUP-77a',
      'PRIVATE-BROADCAST-0d4',
      'PRIVATE-ADHOC-b52',
    ];
    ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'PRIVATE-BILATERAL-3e1')));
    ok(s.submit(R.vesteria, C.say({ kind: 'group', group: 'nordic' }, 'PRIVATE-GROUP-77a')));
    ok(s.submit(R.facilitator, C.broadcast(['norland'], 'PRIVATE-BROADCAST-0d4')));
    ok(s.submit(R.facilitator, C.write(['kestrel'], 'PRIVATE-ADHOC-b52')));
    r.source.flushed('ex1');
    ok(s.submit(R.facilitator, C.jump(45)));
    r.source.flushed('ex1');
    ok(s.submit(R.kestrel, C.say({ kind: 'public' }, 'PUBLIC-STATEMENT-9c0')));
    r.source.flushed('ex1');
    await until(() => c.updates.at(-1)?.seq === s.state.seq, 'the latest update');
    const received = c.raw.join('\n');
    expect(received).toContain('PUBLIC-STATEMENT-9c0');
    for (const secret of secrets) expect(received, secret).not.toContain(secret);
    const messages = c.updates.flatMap((u) => u.messages.map((m) => m.text));
    expect(messages).toContain('PUBLIC-STATEMENT-9c0');
    expect(c.updates.every((u, i) => i === 0 || u.since === c.updates[i - 1]?.seq)).toBe(true);
  });

  it('does not send a view that is not the observer projection, even if the app hands one over', async () => {
    const r = await setup();
    const c = r.client({ exerciseId: 'ex1', token: 'OBS-CODE-1' });
    await c.connected;
    await until(() => c.snapshots.length === 1, 'snapshot');
    const s = r.source.sessions.get('ex1')?.session;
    if (!s) throw new Error('no session');
    r.source.publicPicture = (id: string) =>
      id === 'ex1' ? { seq: s.state.seq + 1, view: s.view(R.facilitator) as never } : null;
    r.source.flushed('ex1');
    await sleep(300);
    expect(c.updates).toEqual([]);
    expect(c.raw.join('\n')).not.toContain(MARKERS.controlNotes);
  });

  it('sends nothing for a flush that changed nothing public', async () => {
    const r = await setup({ throttleMs: 10 });
    const c = r.client({ exerciseId: 'ex1', token: 'OBS-CODE-1' });
    await c.connected;
    await until(() => c.snapshots.length === 1, 'snapshot');
    const s = r.source.sessions.get('ex1')?.session;
    if (!s) throw new Error('no session');
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'first')));
    r.source.flushed('ex1');
    await until(() => c.updates.length === 1, 'first update');
    ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'quiet')));
    r.source.flushed('ex1');
    await sleep(100);
    expect(c.updates).toHaveLength(1);
  });
});

describe('live feed: read-only', () => {
  it('disconnects a client that emits anything, without effect on the exercise or other clients', async () => {
    const r = await setup({ throttleMs: 10 });
    const rogue = r.client({ exerciseId: 'ex1', token: 'OBS-CODE-1' });
    const other = r.client({ exerciseId: 'ex1', token: 'OBS-CODE-1' });
    await Promise.all([rogue.connected, other.connected]);
    const s = r.source.sessions.get('ex1')?.session;
    if (!s) throw new Error('no session');
    const before = s.state.seq;
    const reason = new Promise<string>((resolve) => rogue.socket.once('disconnect', resolve));
    rogue.socket.emit('command', { type: 'exercise.end' });
    rogue.socket.emit('update', { exerciseId: 'ex1', messages: [{ text: 'forged' }] });
    expect(await reason).toBe('io server disconnect');
    expect(s.state.seq).toBe(before);
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'still here')));
    r.source.flushed('ex1');
    await until(() => other.updates.length === 1, 'update to the other client');
    expect(other.raw.join('')).not.toContain('forged');
    expect(other.updates[0]?.messages.map((m) => m.text)).toEqual(['still here']);
  });
});

describe('live feed: throttling', () => {
  it('collapses a burst into few updates that end on the latest state and miss nothing', async () => {
    const r = await setup({ throttleMs: 100 });
    const c = r.client({ exerciseId: 'ex1', token: 'OBS-CODE-1' });
    await c.connected;
    await until(() => c.snapshots.length === 1, 'snapshot');
    const s = r.source.sessions.get('ex1')?.session;
    if (!s) throw new Error('no session');
    const started = performance.now();
    for (let i = 0; i < 40; i++) {
      ok(s.submit(R.norland, C.say({ kind: 'public' }, `burst ${i}`)));
      r.source.flushed('ex1');
      if (i % 4 === 3) await sleep(15);
    }
    const elapsed = performance.now() - started;
    await until(() => c.updates.at(-1)?.seq === s.state.seq, 'the latest state');
    await sleep(250);
    expect(c.updates.at(-1)?.seq).toBe(s.state.seq);
    expect(c.updates.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(c.updates.length).toBeLessThan(40);
    const texts = c.updates.flatMap((u) => u.messages.map((m) => m.text));
    expect(texts).toEqual(Array.from({ length: 40 }, (_, i) => `burst ${i}`));
  });
});

describe('live feed: metrics', () => {
  it('sends live figures with clock, phase and the public escalation, never a hidden variable', async () => {
    const r = await setup({ metricsIntervalMs: 50, now: () => 1_700_000_000_000 });
    const c = r.client({ exerciseId: 'ex1', token: 'OBS-CODE-1' });
    await c.connected;
    await until(() => c.metrics.length >= 2, 'two metrics ticks');
    expect(c.metrics.every((m) => m.exerciseId === 'ex1')).toBe(true);
    expect(c.metrics[0]).toEqual({
      exerciseId: 'ex1',
      at: 1_700_000_000_000,
      clients: { facilitator: 1, delegation: 3, evaluator: 0, observer: 2 },
      commandsPerMinute: 12,
      refusedPerMinute: 1,
      breaches: 2,
      status: 'running',
      clock: { now: 0, speed: 1 },
      phase: 'triage',
      escalation: 2,
      trust: null,
    });
  });
});

describe('live feed: workshops', () => {
  it('streams every exercise of the workshop to the trainer, including one hosted later', async () => {
    const r = await setup({ throttleMs: 10 });
    const trainer = r.client({ workshopId: 'w1', token: 'TRAINER-TOKEN' });
    const observer2 = r.client({ exerciseId: 'ex2', token: 'OBS-CODE-2' });
    await Promise.all([trainer.connected, observer2.connected]);
    await until(() => trainer.snapshots.length === 2, 'two snapshots');
    expect(trainer.welcome).toEqual([{ exercises: ['ex1', 'ex2'], workshopId: 'w1' }]);
    expect(trainer.snapshots.map((s) => s.exerciseId).sort()).toEqual(['ex1', 'ex2']);

    const s1 = r.source.sessions.get('ex1')?.session;
    if (!s1) throw new Error('no session');
    ok(s1.submit(R.norland, C.say({ kind: 'public' }, 'from table one')));
    r.source.flushed('ex1');
    const s3 = r.source.host('ex3', 'w1');
    r.source.flushed('ex3');
    ok(s3.submit(R.norland, C.say({ kind: 'public' }, 'from table three')));
    r.source.flushed('ex3');
    await until(() => trainer.updates.length === 2, 'updates of both tables');
    expect(trainer.snapshots.map((s) => s.exerciseId)).toContain('ex3');
    expect(trainer.updates.map((u) => [u.exerciseId, u.messages.map((m) => m.text)])).toEqual([
      ['ex1', ['from table one']],
      ['ex3', ['from table three']],
    ]);
    await sleep(50);
    expect(observer2.updates).toEqual([]);
    expect(observer2.raw.join('')).not.toContain('from table');
  });
});
