/**
 * SIGKILL at varied moments, five times over one exercise (SQLite, real process): each time commands flow from
 * three delegations and the kill lands from 0 to 70 ms after an acknowledgement, so across the runs it falls
 * before, during and after the next flush (PARLEY_FLUSH_MS=50): commands die unsaved, or saved but unanswered. After
 * each restart the clients rejoin with their codes and resend, with the same ids, every command they never heard
 * back about. At the end every command sent is in the log exactly once, and every acknowledged one at its seq.
 * The delays come from a fixed seed: a failure names its cycle and delay and reproduces.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command, Role } from '@parley/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { burst, type CreatedExercise, createExercise, joinAs, Ledger } from './helpers/crash.ts';
import { killAll, ServerProcess } from './helpers/process.ts';
import type { Seat } from './helpers/seat.ts';
import { readSqlite } from './helpers/storedLog.ts';

const R = {
  control: { kind: 'facilitator' },
  a: { kind: 'delegation', delegation: 'veldmark', seat: 'mfa' },
  b: { kind: 'delegation', delegation: 'halvania', seat: 'cert' },
  c: { kind: 'delegation', delegation: 'rgcc', seat: 'director' },
} as const satisfies Record<string, Role>;
type Name = keyof typeof R;
const PLAYERS = ['a', 'b', 'c'] as const;
const OTHER = { a: 'halvania', b: 'rgcc', c: 'veldmark' } as const;
const CYCLES = 5;

/** A small seeded generator (mulberry32): the same delays on every run. */
function delays(seed: number, n: number, max: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * max);
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'parley-crash-random-'));
const env = {
  PARLEY_DATA_DIR: dataDir,
  PARLEY_CLIENT_DIR: join(dataDir, 'no-client'),
  PARLEY_FLUSH_MS: '50',
};
const ledger = new Ledger();
const figures: string[] = [];

afterAll(async () => {
  await killAll();
  rmSync(dataDir, { recursive: true, force: true });
  if (figures.length > 0) console.info(`recovery at varied moments:\n  ${figures.join('\n  ')}`);
});

async function joinAll(server: ServerProcess, exercise: CreatedExercise): Promise<Map<Name, Seat>> {
  const seats = new Map<Name, Seat>();
  for (const name of Object.keys(R) as Name[]) seats.set(name, await joinAs(server, exercise, R[name]));
  return seats;
}

const nameOf = (role: Role) => (Object.keys(R) as Name[]).find((n) => R[n] === role) as Name;

const next =
  (name: (typeof PLAYERS)[number], cycle: number) =>
  (k: number): Command =>
    k % 2 === 0
      ? { type: 'assess', severity: (k + cycle) % 6, suspect: null, confidence: 'low', note: `c${cycle} ${name} ${k}` }
      : { type: 'message.send', channel: { kind: 'bilateral', with: OTHER[name] }, text: `c${cycle} ${name} ${k}` };

describe('SIGKILL at varied moments', () => {
  it('loses no acknowledged command and applies every resent one once, over five crashes', async () => {
    let server = await ServerProcess.start(env);
    const exercise = await createExercise(server.url, { scenarioId: 'gridlock', seed: 3 });
    const plan = delays(20_240_601, CYCLES, 70);
    let seats = await joinAll(server, exercise);
    await ledger.ok(seats.get('control') as Seat, R.control, { type: 'exercise.start' });
    let savedUnanswered = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const killDelayMs = plan[cycle] ?? 0;
      const before = ledger.acked.length;
      const result = await burst(
        server,
        ledger,
        PLAYERS.map((name) => ({ seat: seats.get(name) as Seat, role: R[name], next: next(name, cycle) })),
        { perSeat: 20, killAfter: 8 + cycle, intervalMs: 60, killDelayMs },
      );
      for (const s of seats.values()) await s.leave().catch(() => {});
      const log = readSqlite(dataDir, exercise.id).events;
      const what = `cycle ${cycle} (kill ${killDelayMs} ms after ack ${result.ackedAtKill})`;
      expect(
        log.map((e) => e.seq),
        what,
      ).toEqual(log.map((_, i) => i + 1));
      ledger.expectAckedIn(log);
      const unanswered = ledger.unacked();
      const saved = unanswered.filter((s) => ledger.countIn(log, s) === 1).length;
      savedUnanswered += saved;
      figures.push(
        `${what}: ${result.sent} sent, ${ledger.acked.length - before} acked, ${unanswered.length} unanswered ` +
          `(${saved} saved anyway)`,
      );

      server = await ServerProcess.start({ ...env, PORT: String(server.port) });
      seats = await joinAll(server, exercise);
      for (const s of unanswered) {
        const reply = await (seats.get(nameOf(s.role)) as Seat).send(s.command, s.id);
        expect(reply.type, `${what}: ${s.id} resent`).toBe('ack');
        if (reply.type === 'ack') ledger.acked.push({ ...s, seqs: reply.seqs });
      }
    }
    for (const s of seats.values()) await s.leave().catch(() => {});
    expect((await server.stop('SIGTERM')).code).toBe(0);

    const log = readSqlite(dataDir, exercise.id).events;
    ledger.expectAckedIn(log);
    for (const s of ledger.sent) expect(ledger.countIn(log, s), `${s.id} (${s.command.type})`).toBe(1);
    expect(ledger.unacked()).toEqual([]);
    figures.push(
      `${ledger.sent.length} commands sent in all, log ${log.length} events, ${savedUnanswered} saved but unanswered`,
    );
  }, 40_000);
});
