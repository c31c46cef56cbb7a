/**
 * Kill -9 recovery with the default store (SQLite in PARLEY_DATA_DIR), on a real server process. An exercise of
 * Gridlock is played mid-way by the facilitator and three delegations over `@colyseus/sdk`; then the delegations
 * keep commands flowing and the process gets SIGKILL the moment the 25th of those is acknowledged, with others in
 * flight. The log read from the SQLite file afterwards holds every acknowledged command, at its seq, as sent. The
 * restarted process restores the exercise: the old connections cannot come back (every session died with the
 * process), the same join codes rejoin, each synced view equals the replay of the log, the clock resumes where the
 * log left it, a command acknowledged before the crash and resent with its id is applied once, commands left
 * unanswered by the crash are applied once when resent, and play goes on. A second SIGKILL while the clock runs at
 * 60x, just after a timed inject fired on its own, loses nothing and fires nothing twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColyseusSDK } from '@colyseus/sdk';
import {
  type Command,
  type DelegationView,
  type ExerciseEvent,
  type FacilitatorView,
  MINUTE,
  type Role,
  viewFor,
} from '@parley/shared';
import { docView } from '@parley/shared/sync/flatten.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Acked, burst, type CreatedExercise, createExercise, joinAs, Ledger } from './helpers/crash.ts';
import { killAll, ServerProcess, within } from './helpers/process.ts';
import type { Seat } from './helpers/seat.ts';
import { readSqlite, replayStored } from './helpers/storedLog.ts';
import { viewDiff } from './helpers/views.ts';

const V = 'veldmark';
const H = 'halvania';
const D = 'dravonia';
const R = {
  control: { kind: 'facilitator' },
  v: { kind: 'delegation', delegation: V, seat: 'mfa' },
  h: { kind: 'delegation', delegation: H, seat: 'mfa' },
  d: { kind: 'delegation', delegation: D, seat: 'cert' },
} as const satisfies Record<string, Role>;
type Name = keyof typeof R;
const NAMES = Object.keys(R) as Name[];

let dataDir: string;
let env: Record<string, string>;
let server: ServerProcess;
let exercise: CreatedExercise;
const ledger = new Ledger();
const seats = new Map<Name, Seat>();
const seat = (name: Name): Seat => {
  const s = seats.get(name);
  if (!s) throw new Error(`${name} is not connected`);
  return s;
};
const ok = (name: Name, command: Command, id?: string): Promise<Acked> => ledger.ok(seat(name), R[name], command, id);

/** The log as the crash left it, and as each restart found it. */
const logs: { afterFirstCrash: ExerciseEvent[]; afterSecondCrash: ExerciseEvent[] } = {
  afterFirstCrash: [],
  afterSecondCrash: [],
};
const figures: string[] = [];
let oldTokens: string[] = [];

async function joinAll(): Promise<void> {
  for (const s of seats.values()) await s.leave().catch(() => {});
  seats.clear();
  for (const name of NAMES) seats.set(name, await joinAs(server, exercise, R[name]));
}

const restart = async (): Promise<void> => {
  const started = performance.now();
  server = await ServerProcess.start({ ...env, PORT: String(server.port) });
  figures.push(`restart to listening: ${Math.round(performance.now() - started)} ms`);
};

const injectFires = (log: readonly ExerciseEvent[]) =>
  log.flatMap((e) => (e.type === 'timer.fire' && e.timer.kind === 'inject' ? [e.timer.inject] : []));

const duplicates = (items: readonly string[]) => items.filter((x, i) => items.indexOf(x) !== i);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
  env = {
    PARLEY_DATA_DIR: dataDir,
    PARLEY_CLIENT_DIR: join(dataDir, 'no-client'),
    PARLEY_RECONNECT_SECONDS: '5',
    PARLEY_FLUSH_MS: '50',
  };
  server = await ServerProcess.start(env);
  exercise = await createExercise(server.url, { scenarioId: 'gridlock', seed: 11 });
  await joinAll();
}, 20_000);

afterAll(async () => {
  for (const s of seats.values()) await s.leave().catch(() => {});
  await killAll();
  rmSync(dataDir, { recursive: true, force: true });
  if (figures.length > 0) console.info(`recovery (SQLite):\n  ${figures.join('\n  ')}`);
});

describe('SIGKILL while commands are being acknowledged', () => {
  it('loses no acknowledged command: each is in the SQLite log once, at its seq, as sent', async () => {
    // Mid-way through the first phase: injects, contacts, assistance, a proposal, facilitator messages.
    await ok('control', { type: 'exercise.start' });
    await ok('control', { type: 'clock.jump', minutes: 12 });
    const ping = await ok('v', { type: 'poc.ping', to: D, text: 'Please confirm receipt.' });
    await ok('d', { type: 'poc.ack', ping: `ping-${ping.seqs[0]}`, text: 'Received.' });
    const request = await ok('h', { type: 'assistance.request', to: V, text: 'Generators for Kessby.' });
    await ok('v', {
      type: 'assistance.offer',
      to: H,
      request: `request-${request.seqs[0]}`,
      text: 'Two are on the way.',
    });
    await ok('h', { type: 'proposal.create', template: 'emergency_assistance', parties: [H, V] });
    await ok('control', {
      type: 'inject.write',
      title: 'Call',
      body: 'The minister calls.',
      channel: 'phone',
      to: [H],
    });
    await ok('control', { type: 'broadcast', to: 'all', text: 'Ten minutes to the next phase.' });

    const other = { v: H, h: D, d: V } as const;
    const next =
      (name: 'v' | 'h' | 'd') =>
      (k: number): Command => {
        const text = `burst ${name} ${k}`;
        switch (k % 3) {
          case 0:
            return { type: 'assess', severity: k % 5, suspect: null, confidence: 'low', note: text };
          case 1:
            return { type: 'message.send', channel: { kind: 'bilateral', with: other[name] }, text };
          default:
            return { type: 'poc.ping', to: other[name], text };
        }
      };
    const before = ledger.acked.length;
    const result = await burst(
      server,
      ledger,
      (['v', 'h', 'd'] as const).map((name) => ({ seat: seat(name), role: R[name], next: next(name) })),
      { perSeat: 30, killAfter: 25, intervalMs: 60, killDelayMs: 5 },
    );
    const exit = await server.exited;
    expect(exit.signal).toBe('SIGKILL');
    oldTokens = [...seats.values()].map((s) => s.room.reconnectionToken);

    const stored = readSqlite(dataDir, exercise.id);
    const log = stored.events;
    logs.afterFirstCrash = log;
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    ledger.expectAckedIn(log);
    const unacked = ledger.unacked();
    const savedUnacked = unacked.filter((s) => ledger.countIn(log, s) === 1).length;
    figures.push(
      `burst: ${result.sent} sent, kill at ack ${result.ackedAtKill}, ${ledger.acked.length - before} acked in all, ` +
        `${unacked.length} unanswered (${savedUnacked} of them saved anyway); log ${log.length} events`,
    );
    expect(ledger.acked.length - before).toBeGreaterThanOrEqual(25);
    expect(unacked.length).toBeGreaterThan(0);
    expect(duplicates(injectFires(log))).toEqual([]);
  }, 30_000);

  it('restores the exercise on restart: old sessions are gone, the same codes rejoin, views equal the replay', async () => {
    await restart();
    // Every session died with the process: the old reconnection tokens are refused, the codes are not.
    const sdk = new ColyseusSDK(server.endpoint);
    for (const token of oldTokens) {
      await expect(within(sdk.reconnect(token), 5_000, () => 'a refused reconnection')).rejects.toThrow(
        /token invalid or expired/,
      );
    }
    await joinAll();

    const stored = readSqlite(dataDir, exercise.id);
    expect(stored.events).toEqual(logs.afterFirstCrash);
    const { compiled, state } = replayStored(stored);
    const facilitator = seat('control').view<FacilitatorView>();
    expect(viewDiff(facilitator, viewFor(compiled, state, R.control))).toEqual([]);
    for (const name of ['v', 'h', 'd'] as const) {
      expect(viewDiff(seat(name).view<DelegationView>(), docView(viewFor(compiled, state, R[name]))), name).toEqual([]);
    }
    // The clock resumes at the last logged event's game time, running, at the logged speed.
    const last = stored.events.at(-1) as ExerciseEvent;
    expect(facilitator.clock).toMatchObject({ now: last.at, status: 'running', speed: 1 });
    const anchor = (seat('control').room.state as { clock: { gameMs: number; running: boolean } }).clock;
    expect(anchor.gameMs).toBe(last.at);
    expect(anchor.running).toBe(true);
  }, 20_000);

  it('applies a command acknowledged before the crash once when it is resent with its id', async () => {
    const log = logs.afterFirstCrash;
    const byType = (type: Command['type']) =>
      ledger.acked.filter((a) => a.command.type === type && a.role.kind !== 'facilitator');
    const again = [byType('poc.ack')[0], byType('assess').at(-1), byType('message.send').at(-1)];
    for (const a of again) {
      if (!a) throw new Error('nothing to resend');
      const name = NAMES.find((n) => R[n] === a.role) as Name;
      const reply = await seat(name).send(a.command, a.id);
      expect(reply).toMatchObject({ type: 'ack', seqs: a.seqs });
    }
    const now = readSqlite(dataDir, exercise.id).events;
    expect(now.length).toBe(log.length);
    for (const a of again) if (a) expect(ledger.countIn(now, a)).toBe(1);
  });

  it('applies each command the crash left unanswered exactly once when it is resent with its id', async () => {
    const unacked = ledger.unacked();
    for (const s of unacked) {
      const name = NAMES.find((n) => R[n] === s.role) as Name;
      const reply = await seat(name).send(s.command, s.id);
      expect(reply.type, `${s.id} resent`).toBe('ack');
    }
    const now = readSqlite(dataDir, exercise.id).events;
    for (const s of ledger.sent) expect(ledger.countIn(now, s), `${s.id} (${s.command.type})`).toBe(1);
  });

  it('plays on: new commands are accepted and due timers fire once, at their game time', async () => {
    const before = seat('control').view<FacilitatorView>().clock.now;
    await ok('h', { type: 'assess', severity: 4, suspect: D, confidence: 'medium', note: 'after the crash' });
    const jump = await ok('control', { type: 'clock.jump', minutes: 10 });
    const log = readSqlite(dataDir, exercise.id).events;
    const fired = log.filter((e) => jump.seqs.includes(e.seq) && e.type === 'timer.fire');
    expect(injectFires(fired)).toEqual(['i15_tap_logs', 'i17_halcert_find']);
    // Pings sent in the burst opened acknowledgement deadlines: they expire now, each once.
    expect(fired.filter((e) => e.type === 'timer.fire' && e.timer.kind === 'deadline').length).toBeGreaterThan(0);
    const view = await seat('control').until<FacilitatorView>((v) => v.clock.now >= before + 10 * MINUTE);
    // The first phase timed out at minute 20: the second began and delivered its opening inject.
    expect(view.phases.map((p) => p.id)).toContain('attribution');
    expect(view.injects.map((i) => i.id)).toContain('i20_c2_trace');
    expect(duplicates(view.injects.map((i) => i.id))).toEqual([]);
    expect(duplicates(injectFires(log))).toEqual([]);
    expect(duplicates(log.flatMap((e) => (e.type === 'timer.fire' ? [JSON.stringify(e.timer) + e.at] : [])))).toEqual(
      [],
    );
  });
});

describe('SIGKILL while the clock runs on its own', () => {
  it('keeps a timed inject that just fired, fires it never again, and fires the next at its game time', async () => {
    await ok('control', { type: 'clock.speed', speed: 60 }); // a game minute per second
    // Kill the moment the facilitator sees i23 (game minute 23) delivered: it fired on the host's own timer.
    const control = seat('control');
    await control.until<FacilitatorView>((v) => {
      const delivered = v.injects.some((i) => i.id === 'i23_opposition');
      if (delivered) server.kill('SIGKILL');
      return delivered;
    }, 'inject i23 to fire on its own');
    expect((await server.stop()).signal).toBe('SIGKILL');
    logs.afterSecondCrash = readSqlite(dataDir, exercise.id).events;
    expect(injectFires(logs.afterSecondCrash)).toContain('i23_opposition');

    await restart();
    await joinAll();
    // The clock resumes at 60x from the last logged game time; i26 fires once, at game minute 26 exactly.
    const view = await seat('control').until<FacilitatorView>(
      (v) => v.injects.some((i) => i.id === 'i26_intel_code'),
      'inject i26 to fire after the restart',
    );
    expect(view.clock.speed).toBe(60);
    expect(duplicates(view.injects.map((i) => i.id))).toEqual([]);
    await ok('control', { type: 'exercise.pause' });
    const log = readSqlite(dataDir, exercise.id).events;
    expect(log.slice(0, logs.afterFirstCrash.length)).toEqual(logs.afterFirstCrash);
    expect(log.slice(0, logs.afterSecondCrash.length)).toEqual(logs.afterSecondCrash);
    expect(duplicates(injectFires(log))).toEqual([]);
    const compiled = replayStored(readSqlite(dataDir, exercise.id)).compiled;
    for (const e of log) {
      if (e.type !== 'timer.fire' || e.timer.kind !== 'inject') continue;
      const at = compiled.injects.get(e.timer.inject)?.at;
      if (at !== undefined) expect(e.at, `${e.timer.inject} fired at its time`).toBe(at * MINUTE);
    }
    const events = log.length;
    expect((await server.stop('SIGTERM')).code).toBe(0);
    expect(readSqlite(dataDir, exercise.id).events.length).toBe(events);
  }, 20_000);
});
