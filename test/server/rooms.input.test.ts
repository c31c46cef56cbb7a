/**
 * Bad input: unknown message types, wrong shapes, oversized payloads and floods are refused with a typed `error`
 * (or, past the hard limits, the connection is closed) without crashing the server or changing the exercise: the
 * log has the same length before and after, and everyone else plays on.
 */
import { LIMITS } from '@parley/shared';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES_PER_SECOND } from '@parley/shared/protocol/room.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GREY_TIDE_ROLES as R } from './helpers/commands.ts';
import { nextId, type Seat, withTimeout } from './helpers/seat.ts';
import { startServer, type TestExercise, type TestServer } from './helpers/server.ts';

let server: TestServer;
let exercise: TestExercise;
let control: Seat;
let norland: Seat;

const logLength = async () => (await exercise.log()).length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const assess = { type: 'assess', severity: 2, suspect: null, confidence: 'low' } as const;

beforeAll(async () => {
  server = await startServer();
  exercise = await server.createExercise();
  control = await exercise.join(R.facilitator);
  norland = await exercise.join(R.norland);
  await control.ok({ type: 'exercise.start' });
});

afterAll(async () => {
  await server?.close();
});

/** Still connected and served: a valid command is acknowledged. */
async function stillServed(seat: Seat) {
  expect((await seat.send(assess)).type).toBe('ack');
}

describe('unknown message types and wrong shapes', () => {
  it('answers an unknown message type with an error and changes nothing', async () => {
    const before = await logLength();
    const error = norland.next('error', (e: { code: string }) => e.code === 'unknown-message');
    norland.raw('exercise.start', { id: 'x' });
    expect(await error).toMatchObject({ message: expect.stringContaining('does not take "exercise.start" messages') });
    expect(await logLength()).toBe(before);
    await stillServed(norland);
  });

  const cases: [string, unknown, RegExp][] = [
    ['no id', { command: assess }, /^Invalid message: id: /],
    ['an empty id', { id: '', command: assess }, /id: must not be empty/],
    ['an id over 64 characters', { id: 'x'.repeat(65), command: assess }, /id: at most 64 characters/],
    ['an extra field', { id: 'a1', command: assess, extra: true }, /Unrecognized key/],
    ['not an object', 'assess', /^Invalid message: /],
    ['nothing at all', undefined, /^Invalid message: /],
    ['a command without a type', { id: 'a2', command: { severity: 2 } }, /command.type: expected a command type/],
    [
      'an unknown command type',
      { id: 'a3', command: { type: 'world.destroy' } },
      /there is no command "world.destroy"/,
    ],
    [
      'a field out of range',
      { id: 'a4', command: { ...assess, severity: 9 } },
      /^Invalid assess command: command.severity: /,
    ],
    [
      'a field the command does not have',
      { id: 'a5', command: { ...assess, secret: 'x' } },
      /^Invalid assess command: .*Unrecognized key/,
    ],
    [
      'a text over the limit',
      { id: 'a6', command: { type: 'poc.ping', to: 'vesteria', text: 'x'.repeat(LIMITS.text + 1) } },
      /command.text: /,
    ],
  ];

  it.each(cases)('refuses a command message with %s, saying what is wrong', async (_what, payload, message) => {
    const before = await logLength();
    const error = norland.next<{ id?: string; code: string; message: string }>('error', (e) => e.code === 'invalid');
    norland.raw('command', payload);
    const e = await error;
    expect(e.message).toMatch(message);
    const id = typeof payload === 'object' && payload !== null ? (payload as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && id.length > 0 && id.length <= 64) expect(e.id).toBe(id);
    expect(await logLength()).toBe(before);
  });

  it('refuses bot seats from anyone but the facilitator', async () => {
    const id = nextId();
    const error = norland.next('error', (e: { id?: string }) => e.id === id);
    norland.raw('seat.bot', { id, delegation: 'kestrel', policy: 'passive' });
    expect(await error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Only the facilitator/) });
    expect((await server.store.getExercise(exercise.id))?.bots).toEqual({});
  });
});

describe('oversized payloads', () => {
  it('refuses a message over the room limit with an error, and keeps the connection', async () => {
    const before = await logLength();
    const id = nextId();
    const error = norland.next('error', (e: { id?: string }) => e.id === id);
    norland.raw('command', {
      id,
      command: { type: 'poc.ping', to: 'vesteria', text: 'x'.repeat(MAX_MESSAGE_CHARS + 10) },
    });
    expect(await error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/too large/) });
    expect(await logLength()).toBe(before);
    await stillServed(norland);
  });

  it('closes a connection that sends a frame over the transport limit, and nothing else is affected', async () => {
    const kestrel = await exercise.join(R.kestrel);
    const before = await logLength();
    const left = withTimeout(new Promise<number>((resolve) => kestrel.room.onLeave((code) => resolve(code))), 'close');
    kestrel.raw('command', {
      id: nextId(),
      command: { type: 'poc.ping', to: 'vesteria', text: 'y'.repeat(2_000_000) },
    });
    expect(await left).toBeGreaterThan(1000);
    expect(await logLength()).toBe(before);
    await stillServed(norland);
  });
});

describe('floods', () => {
  it('answers messages past the rate with rate-limited, then drops a client that keeps going', async () => {
    const flooder = await exercise.join(R.vesteria);
    const before = await logLength();
    const left = withTimeout(new Promise<number>((resolve) => flooder.room.onLeave((code) => resolve(code))), 'drop');
    for (let i = 0; i < 500; i++) flooder.raw('garbage', { i });
    await left;
    expect(
      flooder.received.some((m) => m.type === 'error' && (m.payload as { code: string }).code === 'rate-limited'),
    ).toBe(true);
    expect(await logLength()).toBe(before);
    await stillServed(norland);
    const again = await exercise.join(R.vesteria);
    await stillServed(again);
  });

  it('applies at most the allowed number of commands from a burst', async () => {
    const flooder = await exercise.join(R.norlandCert);
    const before = (await exercise.log()).filter((e) => e.type === 'assess').length;
    for (let i = 0; i < 40; i++) flooder.raw('command', { id: `burst-${i}`, command: assess });
    await pause(500);
    const applied = (await exercise.log()).filter((e) => e.type === 'assess').length - before;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThanOrEqual(MAX_MESSAGES_PER_SECOND);
    const limited = flooder.received.filter(
      (m) => m.type === 'error' && (m.payload as { code: string }).code === 'rate-limited',
    );
    expect(limited.length).toBe(40 - applied);
    await stillServed(norland);
  });
});
