/**
 * Crash tests against a real server process: an exercise created over HTTP, seats joined with `@colyseus/sdk`, and
 * a ledger of every command sent and every acknowledgement received, which checks a stored log against them (an
 * acknowledged command is in the log once, at the acknowledged seq, with the content that was sent). `burst` keeps
 * commands flowing from several seats and kills the process the moment a given number of them are acknowledged.
 */
import { ColyseusSDK } from '@colyseus/sdk';
import { commandKey } from '@parley/server/host/keys.ts';
import type { Command, ExerciseEvent, Role } from '@parley/shared';
import { parseCommand } from '@parley/shared/protocol/room.ts';
import { expect } from 'vitest';
import type { ServerProcess } from './process.ts';
import { nextId, Seat } from './seat.ts';

export type CreatedExercise = {
  readonly id: string;
  readonly facilitatorToken: string;
  readonly codes: readonly { readonly code: string; readonly role: Role }[];
};

/** POST /api/exercises, as a facilitator's browser would. */
export async function createExercise(url: string, body: Record<string, unknown>): Promise<CreatedExercise> {
  const res = await fetch(`${url}/api/exercises`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as {
    exercise: { id: string };
    facilitatorToken: string;
    codes: CreatedExercise['codes'];
  };
  if (res.status !== 201) throw new Error(`could not create the exercise (${res.status}): ${JSON.stringify(json)}`);
  return { id: json.exercise.id, facilitatorToken: json.facilitatorToken, codes: json.codes };
}

export function codeOf(exercise: CreatedExercise, role: Role): string {
  const found = exercise.codes.find((c) => JSON.stringify(c.role) === JSON.stringify(role));
  if (!found) throw new Error(`no join code for ${JSON.stringify(role)}`);
  return found.code;
}

/** Join the exercise on `server` as `role` (with its code; the facilitator with the token), on a new connection. */
export function joinAs(server: ServerProcess, exercise: CreatedExercise, role: Role): Promise<Seat> {
  const options =
    role.kind === 'facilitator'
      ? { facilitatorToken: exercise.facilitatorToken, exerciseId: exercise.id }
      : { code: codeOf(exercise, role) };
  return Seat.join(new ColyseusSDK(server.endpoint), exercise.id, options);
}

export type Sent = { readonly role: Role; readonly id: string; readonly command: Command };
export type Acked = Sent & { readonly seqs: readonly number[] };

/** Stamp fields the host adds to a command's event. */
const STAMP = new Set(['seq', 'at', 'role', 'commandId', 'id']);
const body = (e: ExerciseEvent) => Object.fromEntries(Object.entries(e).filter(([k]) => !STAMP.has(k)));

export class Ledger {
  readonly sent: Sent[] = [];
  readonly acked: Acked[] = [];

  /** Send a command that must be acknowledged, and record it. */
  async ok(seat: Seat, role: Role, command: Command, id = nextId()): Promise<Acked> {
    const parsed = parseCommand(command);
    if (!parsed.ok) throw new Error(parsed.message);
    this.sent.push({ role, id, command: parsed.command });
    const ack = await seat.ok(command, id);
    const acked: Acked = { role, id, command: parsed.command, seqs: ack.seqs };
    this.acked.push(acked);
    return acked;
  }

  /** Commands sent whose acknowledgement never came. */
  unacked(): Sent[] {
    const done = new Set(this.acked.map((a) => commandKey(a.role, a.id)));
    return this.sent.filter((s) => !done.has(commandKey(s.role, s.id)));
  }

  /**
   * Every acknowledged command is in `log` exactly once: its first acknowledged seq holds its event, sent by its
   * role, with the content that was sent; every other acknowledged seq (timers it made due) is in the log too.
   */
  expectAckedIn(log: readonly ExerciseEvent[]): void {
    const bySeq = new Map(log.map((e) => [e.seq, e]));
    for (const a of this.acked) {
      const key = commandKey(a.role, a.id);
      const own = log.filter((e) => e.commandId === key && e.type !== 'timer.fire');
      expect(own.filter((e) => e.type === a.command.type).length, `${key} (${a.command.type}) in the log`).toBe(1);
      const first = own[0] as ExerciseEvent;
      expect(first.seq, `${key}: seq`).toBe(a.seqs[0]);
      expect(first.role, `${key}: role`).toEqual(a.role);
      expect(body(first), `${key}: content`).toEqual(a.command);
      for (const seq of a.seqs) expect(bySeq.has(seq), `${key}: seq ${seq} in the log`).toBe(true);
    }
  }

  /** How many events each command sent produced in `log` (0: lost before it was saved). */
  countIn(log: readonly ExerciseEvent[], sent: Sent): number {
    const key = commandKey(sent.role, sent.id);
    return log.filter((e) => e.commandId === key && e.type === sent.command.type).length;
  }
}

export type BurstSeat = { readonly seat: Seat; readonly role: Role; readonly next: (k: number) => Command };

export type BurstOptions = {
  /** Commands per seat at most. */
  readonly perSeat: number;
  /** Kill once this many burst commands are acknowledged. */
  readonly killAfter: number;
  /** Wall time between two commands of a seat (the room takes at most 20 a second). */
  readonly intervalMs: number;
  /**
   * At the `killAfter`-th acknowledgement every seat sends one more command at once, and the kill follows this
   * many milliseconds later: those commands have reached the server and wait for the next flush (keep it well
   * under PARLEY_FLUSH_MS), so the process dies with received, unsaved, unanswered commands.
   */
  readonly killDelayMs: number;
};

/**
 * Each seat sends a command every `intervalMs` (seats staggered), without waiting for answers, until the
 * `killAfter`-th of them is acknowledged; then the last commands go out and `server` gets SIGKILL. Every
 * acknowledgement that arrives goes into the ledger. Resolves once the process is dead.
 */
export async function burst(
  server: ServerProcess,
  ledger: Ledger,
  seats: readonly BurstSeat[],
  options: BurstOptions,
): Promise<{ sent: number; ackedAtKill: number }> {
  const mine = new Map<string, Sent>();
  let acked = 0;
  let sent = 0;
  let ackedAtKill = -1;
  const counters = seats.map(() => 0);
  const send = (i: number) => {
    const { seat, role, next } = seats[i] as BurstSeat;
    const k = counters[i] ?? 0;
    counters[i] = k + 1;
    const parsed = parseCommand(next(k));
    if (!parsed.ok) throw new Error(parsed.message);
    const entry: Sent = { role, id: nextId(), command: parsed.command };
    mine.set(entry.id, entry);
    ledger.sent.push(entry);
    seat.room.send('command', { id: entry.id, command: entry.command });
    sent++;
  };
  let killed: Promise<void> | null = null;
  const hooks = seats.map(({ seat }) => {
    const hook = (type: string, payload: unknown) => {
      if (type !== 'ack') return;
      const { id, seqs } = payload as { id: string; seqs: number[] };
      const entry = mine.get(id);
      if (!entry) return;
      ledger.acked.push({ ...entry, seqs });
      acked++;
      if (killed !== null || acked < options.killAfter) return;
      ackedAtKill = acked;
      for (let i = 0; i < seats.length; i++) send(i);
      killed = new Promise((resolve) =>
        setTimeout(() => {
          server.kill('SIGKILL');
          resolve();
        }, options.killDelayMs),
      );
    };
    seat.hooks.add(hook);
    return () => seat.hooks.delete(hook);
  });
  try {
    const step = options.intervalMs / seats.length;
    for (let k = 0; k < options.perSeat && killed === null; k++) {
      for (let i = 0; i < seats.length && killed === null; i++) {
        send(i);
        await new Promise((resolve) => setTimeout(resolve, step));
      }
    }
    if (killed === null) throw new Error(`only ${acked} of ${sent} burst commands were acknowledged; no kill`);
    await killed;
    await server.stop('SIGKILL');
    // Frames already on their way when the process died may still arrive; give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    for (const stop of hooks) stop();
  }
  return { sent, ackedAtKill };
}
