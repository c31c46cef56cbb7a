import type { Command, ExerciseEvent, Role } from '@parley/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileExercise } from './compile.ts';
import { ExerciseHost } from './ExerciseHost.ts';
import { exerciseRecord, FakeWall, settle, TestStore } from './testKit.ts';
import type { HostResult } from './types.ts';

const MIN = 60_000;
const FLUSH_MS = 20;
const control: Role = { kind: 'facilitator' };
const norland: Role = { kind: 'delegation', delegation: 'norland', seat: 'mfa' };
const observer: Role = { kind: 'observer' };
const start: Command = { type: 'exercise.start' };
const assess = (severity: number): Command => ({ type: 'assess', severity, suspect: null, confidence: 'low' });

let wall: FakeWall;
let store: TestStore;

async function openHost(record = exerciseRecord()): Promise<ExerciseHost> {
  if (!(await store.getExercise(record.id))) await store.createExercise(record, []);
  const stored = (await store.getExercise(record.id)) ?? record;
  const host = await ExerciseHost.open(stored, compileExercise(stored), { store, flushMs: FLUSH_MS, wall });
  host.activate();
  return host;
}

const saved = async () => store.loadEvents('ex-1');
const fired = (events: readonly ExerciseEvent[], inject: string) =>
  events.filter((e) => e.type === 'timer.fire' && e.timer.kind === 'inject' && e.timer.inject === inject);

function ok(result: HostResult) {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
  return result;
}

beforeEach(() => {
  wall = new FakeWall();
  store = new TestStore();
});

describe('acknowledgements wait for the store', () => {
  it('acknowledges only once the events are saved, and shows nothing unsaved', async () => {
    const host = await openHost();
    store.hold();
    let acked: HostResult | null = null;
    void host.submit(control, 'c1', start).then((r) => {
      acked = r;
    });
    await wall.advance(5 * FLUSH_MS);
    expect(acked).toBeNull();
    expect(await saved()).toEqual([]);
    expect(host.committed.state.status).toBe('setup');
    expect(host.view(observer).clock.status).toBe('setup');

    store.release();
    await wall.advance(0);
    const ack = ok(acked as unknown as HostResult);
    const log = await saved();
    expect(log.map((e) => e.seq)).toEqual(ack.seqs);
    expect(host.view(observer).clock.status).toBe('running');
  });

  it('writes the commands of one tick in one transaction', async () => {
    const host = await openHost();
    ok(await settleAll(host.submit(control, 'c1', start)));
    const before = store.appends.length;
    const results = [1, 2, 3].map((n) => host.submit(norland, `a${n}`, assess(n)));
    await wall.advance(FLUSH_MS);
    for (const r of await Promise.all(results)) ok(r);
    expect(store.appends.length - before).toBe(1);
    expect(store.appends.at(-1)?.filter((e) => e.type === 'assess')).toHaveLength(3);
  });

  it('tells listeners after the flush, with the saved events', async () => {
    const host = await openHost();
    const seen: number[][] = [];
    host.subscribe((u) => seen.push(u.events.map((e) => e.seq)));
    const pending = host.submit(control, 'c1', start);
    expect(seen).toEqual([]);
    const ack = ok(await settleAll(pending));
    expect(seen.flat()).toEqual(expect.arrayContaining([...ack.seqs]));
  });
});

describe('idempotent command ids', () => {
  it('applies a repeated id once and returns the same acknowledgement', async () => {
    const host = await openHost();
    ok(await settleAll(host.submit(control, 'c1', start)));
    const first = ok(await settleAll(host.submit(norland, 'same', assess(2))));
    const again = ok(await settleAll(host.submit(norland, 'same', assess(4))));
    expect(again.seqs).toEqual(first.seqs);
    expect((await saved()).filter((e) => e.type === 'assess')).toHaveLength(1);
  });

  it('makes a retry that arrives before the flush wait for the same flush', async () => {
    const host = await openHost();
    ok(await settleAll(host.submit(control, 'c1', start)));
    store.hold();
    const a = host.submit(norland, 'x', assess(2));
    const b = host.submit(norland, 'x', assess(2));
    await wall.advance(FLUSH_MS);
    store.release();
    await wall.advance(FLUSH_MS);
    expect(ok(await b).seqs).toEqual(ok(await a).seqs);
    expect((await saved()).filter((e) => e.type === 'assess')).toHaveLength(1);
  });

  it('keeps ids apart per seat: the same id from two seats is two commands', async () => {
    const host = await openHost();
    ok(await settleAll(host.submit(control, 'c1', start)));
    const vesteria: Role = { kind: 'delegation', delegation: 'vesteria', seat: 'mfa' };
    const a = ok(await settleAll(host.submit(norland, 'x', assess(2))));
    const b = ok(await settleAll(host.submit(vesteria, 'x', assess(2))));
    expect(a.seqs).not.toEqual(b.seqs);
  });

  it('recognises a repeated id after a restart', async () => {
    const first = await openHost();
    ok(await settleAll(first.submit(control, 'c1', start)));
    const ack = ok(await settleAll(first.submit(norland, 'x', assess(2))));
    await first.close();
    const second = await openHost();
    const again = ok(await settleAll(second.submit(norland, 'x', assess(5))));
    expect(again.seqs).toEqual(ack.seqs);
    expect((await saved()).filter((e) => e.type === 'assess')).toHaveLength(1);
  });
});

describe('a failed flush', () => {
  it('refuses the unsaved commands, reloads from the store, and accepts the retry once', async () => {
    const host = await openHost();
    ok(await settleAll(host.submit(control, 'c1', start)));
    const before = (await saved()).length;
    store.failNext = true;
    const lost = await settleAll(host.submit(norland, 'x', assess(3)));
    expect(lost).toMatchObject({ ok: false, code: 'unsaved' });
    expect(lost.ok ? '' : lost.message).toMatch(/could not be saved/);
    expect(await saved()).toHaveLength(before);
    expect(host.unsaved).toBe(0);

    const retry = ok(await settleAll(host.submit(norland, 'x', assess(3))));
    const log = await saved();
    expect(log.filter((e) => e.type === 'assess').map((e) => e.seq)).toEqual(retry.seqs);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  });
});

describe('the game clock', () => {
  it('fires due timers as logged events while running, at the recorded speed', async () => {
    const host = await openHost();
    ok(await settleAll(host.submit(control, 'c1', start)));
    expect(fired(await saved(), 'blackout')).toHaveLength(0);
    await wall.advance(4 * MIN);
    expect(fired(await saved(), 'blackout')).toHaveLength(0);
    await wall.advance(1 * MIN + FLUSH_MS);
    const [blackout] = fired(await saved(), 'blackout');
    expect(blackout?.at).toBe(5 * MIN);

    ok(await settleAll(host.submit(control, 's', { type: 'clock.speed', speed: 4 })));
    // The customer email is due at game minute 25: 20 game minutes, 5 wall minutes at speed 4.
    await wall.advance(5 * MIN + FLUSH_MS);
    expect(fired(await saved(), 'customer')[0]?.at).toBe(25 * MIN);
  });

  it('stops while paused and resumes where it stopped', async () => {
    const host = await openHost();
    ok(await settleAll(host.submit(control, 'c1', start)));
    await wall.advance(2 * MIN);
    ok(await settleAll(host.submit(control, 'p', { type: 'exercise.pause' })));
    const pausedAt = host.gameNow;
    await wall.advance(30 * MIN);
    expect(host.gameNow).toBe(pausedAt);
    expect(fired(await saved(), 'blackout')).toHaveLength(0);
    ok(await settleAll(host.submit(control, 'r', { type: 'exercise.resume' })));
    await wall.advance(3 * MIN + FLUSH_MS);
    expect(fired(await saved(), 'blackout')[0]?.at).toBe(5 * MIN);
  });

  it('jumps through the session: everything due on the way fires, once', async () => {
    const host = await openHost();
    ok(await settleAll(host.submit(control, 'c1', start)));
    const jump = ok(await settleAll(host.submit(control, 'j', { type: 'clock.jump', minutes: 6 })));
    expect(jump.events.some((e) => e.type === 'timer.fire')).toBe(true);
    expect(fired(await saved(), 'blackout')).toHaveLength(1);
    // 6 game minutes ahead of where the clock was (plus the few milliseconds the flushes took).
    expect(host.gameNow).toBeGreaterThanOrEqual(6 * MIN);
    expect(host.gameNow).toBeLessThan(6 * MIN + 1000);
  });

  it('resumes after a restart from the last logged game time: nothing lost, nothing doubled', async () => {
    const first = await openHost();
    ok(await settleAll(first.submit(control, 'c1', start)));
    await wall.advance(3 * MIN);
    ok(await settleAll(first.submit(norland, 'a', assess(1))));
    const lastAt = (await saved()).at(-1)?.at ?? 0;
    expect(lastAt).toBeGreaterThanOrEqual(3 * MIN);
    await wall.advance(1 * MIN);
    await first.close();

    await wall.advance(60 * MIN); // down for an hour
    const second = await openHost();
    expect(second.gameNow).toBe(lastAt);
    await wall.advance(5 * MIN - lastAt + FLUSH_MS);
    const log = await saved();
    expect(fired(log, 'alert')).toHaveLength(1);
    expect(fired(log, 'blackout')).toHaveLength(1);
    expect(fired(log, 'blackout')[0]?.at).toBe(5 * MIN);
  });
});

describe('refusals and the end of play', () => {
  it('refuses what the engine refuses, with its reason, and saves nothing', async () => {
    const host = await openHost();
    const r = await settleAll(host.submit(observer, 'o', start));
    expect(r).toMatchObject({ ok: false, code: 'role' });
    expect(await saved()).toEqual([]);
  });

  it('marks the exercise ended in the store when play ends', async () => {
    const host = await openHost();
    ok(await settleAll(host.submit(control, 'c1', start)));
    ok(await settleAll(host.submit(control, 'e', { type: 'exercise.end' })));
    await settle();
    expect((await store.getExercise('ex-1'))?.status).toBe('ended');
    expect(host.record.status).toBe('ended');
  });

  it('refuses commands once closed', async () => {
    const host = await openHost();
    await host.close();
    expect(await host.submit(control, 'c1', start)).toMatchObject({ ok: false, code: 'closed' });
  });
});

describe('bots on empty seats', () => {
  it('persist the seat and play through the same command path every two game minutes', async () => {
    const host = await openHost();
    expect(await host.seatBot('kestrel', 'cooperative')).toMatchObject({ ok: true, bots: { kestrel: 'cooperative' } });
    expect((await store.getExercise('ex-1'))?.bots).toEqual({ kestrel: 'cooperative' });
    ok(await settleAll(host.submit(control, 'c1', start)));
    await wall.advance(20 * MIN + FLUSH_MS);
    const bot = (await saved()).filter((e) => e.role.kind === 'delegation' && e.role.delegation === 'kestrel');
    expect(bot.length).toBeGreaterThan(0);
    for (const e of bot) {
      expect(e.commandId).toMatch(/^bot:kestrel:\d+:\d$/);
      expect(e.at % (2 * MIN)).toBe(0);
    }
  });

  it('keep playing after a restart without repeating a turn', async () => {
    const first = await openHost();
    await first.seatBot('norland', 'hawkish');
    ok(await settleAll(first.submit(control, 'c1', start)));
    await wall.advance(9 * MIN + FLUSH_MS);
    await first.close();
    const second = await openHost();
    await wall.advance(20 * MIN + FLUSH_MS);
    await second.close();
    const ids = (await saved()).flatMap((e) => (e.commandId?.startsWith('bot:') ? [e.commandId] : []));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.record.bots).toEqual({ norland: 'hawkish' });
  });

  it('refuse an unknown delegation or policy with a clear message, and can be unseated', async () => {
    const host = await openHost();
    expect(await host.seatBot('atlantis', 'cooperative')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no delegation "atlantis".*norland, vesteria, kestrel/),
    });
    expect(await host.seatBot('norland', 'reckless')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no bot policy "reckless".*cooperative/),
    });
    await host.seatBot('norland', 'passive');
    expect(await host.unseatBot('norland')).toMatchObject({ ok: true, bots: {} });
    expect((await store.getExercise('ex-1'))?.bots).toEqual({});
  });
});

/** Await a host promise while the fake clock runs the flush timer. */
async function settleAll<T>(p: Promise<T>): Promise<T> {
  let done = false;
  void p.then(() => {
    done = true;
  });
  for (let i = 0; i < 50 && !done; i++) await wall.advance(FLUSH_MS);
  return p;
}
