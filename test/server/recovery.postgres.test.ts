/**
 * Kill -9 recovery with PostgreSQL (DATABASE_URL, a fresh database on the local server): the short version of
 * recovery.test.ts. Commands flow from two delegations, the process gets SIGKILL as the 15th is acknowledged; every
 * acknowledged command is in the PostgreSQL log as sent; the restarted process restores the exercise, the same codes
 * rejoin to views equal to the replay of the log, resent commands apply once and play goes on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, type FacilitatorView, type Role, viewFor } from '@parley/shared';
import { docView } from '@parley/shared/sync/flatten.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burst, type CreatedExercise, createExercise, joinAs, Ledger } from './helpers/crash.ts';
import { killAll, ServerProcess } from './helpers/process.ts';
import type { Seat } from './helpers/seat.ts';
import { freshDatabase, readPostgres, replayStored } from './helpers/storedLog.ts';
import { viewDiff } from './helpers/views.ts';

const R = {
  control: { kind: 'facilitator' },
  v: { kind: 'delegation', delegation: 'veldmark', seat: 'cert' },
  g: { kind: 'delegation', delegation: 'rgcc', seat: 'cyber' },
} as const satisfies Record<string, Role>;
type Name = keyof typeof R;
const NAMES = Object.keys(R) as Name[];

let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;
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
const nameOf = (role: Role) => NAMES.find((n) => R[n] === role) as Name;

async function joinAll(): Promise<void> {
  for (const s of seats.values()) await s.leave().catch(() => {});
  seats.clear();
  for (const name of NAMES) seats.set(name, await joinAs(server, exercise, R[name]));
}

beforeAll(async () => {
  database = await freshDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'parley-crash-pg-'));
  env = {
    DATABASE_URL: database.url,
    PARLEY_DATA_DIR: dataDir,
    PARLEY_CLIENT_DIR: join(dataDir, 'no-client'),
    PARLEY_FLUSH_MS: '50',
  };
  server = await ServerProcess.start(env);
  exercise = await createExercise(server.url, { scenarioId: 'gridlock', seed: 5 });
  await joinAll();
}, 20_000);

afterAll(async () => {
  for (const s of seats.values()) await s.leave().catch(() => {});
  await killAll();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGKILL with the PostgreSQL store', () => {
  it('keeps every acknowledged command, restores the exercise on restart and plays on', async () => {
    await ledger.ok(seat('control'), R.control, { type: 'exercise.start' });
    await ledger.ok(seat('control'), R.control, { type: 'clock.jump', minutes: 6 });
    const ping = await ledger.ok(seat('v'), R.v, { type: 'poc.ping', to: 'rgcc', text: 'Are you seeing this?' });
    const next =
      (name: 'v' | 'g', other: string) =>
      (k: number): Command =>
        k % 2 === 0
          ? { type: 'assess', severity: 2, suspect: null, confidence: 'low', note: `pg ${name} ${k}` }
          : { type: 'message.send', channel: { kind: 'bilateral', with: other }, text: `pg ${name} ${k}` };
    await burst(
      server,
      ledger,
      [
        { seat: seat('v'), role: R.v, next: next('v', 'rgcc') },
        { seat: seat('g'), role: R.g, next: next('g', 'veldmark') },
      ],
      { perSeat: 20, killAfter: 15, intervalMs: 60, killDelayMs: 5 },
    );
    const afterCrash = await readPostgres(database?.url ?? '', exercise.id);
    expect(afterCrash.events.map((e) => e.seq)).toEqual(afterCrash.events.map((_, i) => i + 1));
    ledger.expectAckedIn(afterCrash.events);
    expect(ledger.unacked().length).toBeGreaterThan(0);

    server = await ServerProcess.start({ ...env, PORT: String(server.port) });
    await joinAll();
    const { compiled, state } = replayStored(afterCrash);
    expect(viewDiff(seat('control').view<FacilitatorView>(), viewFor(compiled, state, R.control))).toEqual([]);
    expect(viewDiff(seat('g').view(), docView(viewFor(compiled, state, R.g)))).toEqual([]);

    const acked = ledger.acked.filter((a) => a.role !== R.control).at(-1);
    if (!acked) throw new Error('nothing acknowledged');
    expect(await seat(nameOf(acked.role)).send(acked.command, acked.id)).toMatchObject({
      type: 'ack',
      seqs: acked.seqs,
    });
    for (const s of ledger.unacked()) expect((await seat(nameOf(s.role)).send(s.command, s.id)).type).toBe('ack');
    await ledger.ok(seat('g'), R.g, { type: 'poc.ack', ping: `ping-${ping.seqs[0]}`, text: 'Yes.' });

    expect((await server.stop('SIGTERM')).code).toBe(0);
    const final = await readPostgres(database?.url ?? '', exercise.id);
    expect(final.events.slice(0, afterCrash.events.length)).toEqual(afterCrash.events);
    for (const s of ledger.sent) expect(ledger.countIn(final.events, s), `${s.id} (${s.command.type})`).toBe(1);
    ledger.expectAckedIn(final.events);
  }, 30_000);
});
