/**
 * Nothing unsaved reaches a client: an acknowledgement arrives only once the store has the command's events (and
 * the synced state already shows them), a repeated command id is applied once and answered with the same
 * acknowledgement (also when the retry comes before the first one is saved, or over a new connection), and a failed
 * write refuses the command without keeping anything, so that its retry applies it once.
 */
import type { DelegationView, FacilitatorView } from '@parley/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GREY_TIDE_ROLES as R } from './helpers/commands.ts';
import { nextId, type Seat } from './helpers/seat.ts';
import { startServer, type TestExercise, type TestServer } from './helpers/server.ts';
import { GatedStore } from './helpers/stores.ts';

const store = new GatedStore();
let server: TestServer;
let exercise: TestExercise;
let control: Seat;
let norland: Seat;
let observer: Seat;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const assess = (note: string) => ({ type: 'assess', severity: 2, suspect: null, confidence: 'low', note }) as const;
const countNotes = async (note: string) =>
  (await exercise.log()).filter((e) => e.type === 'assess' && e.note === note).length;

beforeAll(async () => {
  server = await startServer({ store, reconnectSeconds: 10 });
  exercise = await server.createExercise();
  control = await exercise.join(R.facilitator);
  norland = await exercise.join(R.norland, { autoReconnect: false });
  observer = await exercise.join(R.observer);
  await control.ok({ type: 'exercise.start' });
});

afterAll(async () => {
  store.release();
  await server?.close();
});

beforeEach(() => {
  store.release();
  store.failNext = 0;
});

describe('acknowledgements', () => {
  it('come only after the store has the events, with the synced state already showing them', async () => {
    const seenAtAck: { saved: boolean; shown: boolean }[] = [];
    const hook = (type: string, payload: unknown) => {
      if (type !== 'ack') return;
      const { seqs } = payload as { seqs: number[] };
      const shown = norland.view<DelegationView>().assessments.some((a) => a.note === 'HELD-1');
      seenAtAck.push({ saved: store.saved(exercise.id, seqs), shown });
    };
    norland.hooks.add(hook);
    store.hold();
    const reply = norland.send(assess('HELD-1'));
    await pause(150);
    expect(norland.received.some((m) => m.type === 'ack')).toBe(false);
    expect(await countNotes('HELD-1')).toBe(0);
    expect(JSON.stringify(norland.view())).not.toContain('HELD-1');
    expect(JSON.stringify(control.view())).not.toContain('HELD-1');

    store.release();
    const ack = await reply;
    norland.hooks.delete(hook);
    expect(ack.type).toBe('ack');
    expect(seenAtAck).toEqual([{ saved: true, shown: true }]);
    await control.until<FacilitatorView>((v) => v.assessments.some((a) => a.note === 'HELD-1'));
  });

  it('batch the commands of one tick into one write', async () => {
    const seats = [norland, await exercise.join(R.vesteria), await exercise.join(R.kestrel)];
    store.hold();
    const writesBefore = store.batches.length;
    const replies = seats.flatMap((s, i) => [0, 1, 2].map((k) => s.send(assess(`BATCH-${i}-${k}`))));
    await pause(100);
    store.release();
    for (const r of await Promise.all(replies)) expect(r.type).toBe('ack');
    const writes = store.batches.slice(writesBefore);
    expect(writes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(9);
    expect(writes.length).toBeLessThan(9);
  });
});

describe('idempotent command ids', () => {
  it('apply a repeated id once and answer it with the same acknowledgement', async () => {
    const id = nextId();
    const first = await norland.send(assess('TWICE-1'), id);
    const again = await norland.send(assess('TWICE-1'), id);
    expect(first.type).toBe('ack');
    expect(again).toEqual(first);
    expect(await countNotes('TWICE-1')).toBe(1);
  });

  it('make a retry sent before the first is saved wait for the same write', async () => {
    const id = nextId();
    store.hold();
    const first = norland.send(assess('RACE-1'), id);
    await pause(30);
    const second = norland.send(assess('RACE-1'), id);
    await pause(30);
    store.release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.type).toBe('ack');
    expect(b).toEqual(a);
    expect(await countNotes('RACE-1')).toBe(1);
  });

  it('answer a refused command id with the same refusal', async () => {
    const id = nextId();
    const first = await norland.send({ type: 'poc.ack', ping: 'ping-9999' }, id);
    const again = await norland.send({ type: 'poc.ack', ping: 'ping-9999' }, id);
    expect(first.type).toBe('refused');
    expect(again).toEqual(first);
  });

  it('apply a command resent after a dropped connection once', async () => {
    const id = nextId();
    store.hold();
    norland.room.send('command', { id, command: assess('DROPPED-1') });
    await pause(50);
    norland.drop();
    store.release();
    await pause(50);
    await norland.reconnect();
    const reply = await norland.send(assess('DROPPED-1'), id);
    expect(reply.type).toBe('ack');
    expect(await countNotes('DROPPED-1')).toBe(1);
  });
});

describe('a failed write', () => {
  it('refuses the command, keeps nothing, and lets the same id be retried', async () => {
    const before = (await exercise.log()).length;
    store.failNext = 1;
    const id = nextId();
    const refused = await norland.send(assess('FAILED-1'), id);
    expect(refused).toMatchObject({
      type: 'refused',
      code: 'unsaved',
      message: expect.stringMatching(/could not be saved/),
    });
    expect((await exercise.log()).length).toBe(before);
    expect(JSON.stringify(observer.view())).not.toContain('FAILED-1');

    const retry = await norland.send(assess('FAILED-1'), id);
    expect(retry.type).toBe('ack');
    expect(await countNotes('FAILED-1')).toBe(1);
    const log = await exercise.log();
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  });
});
