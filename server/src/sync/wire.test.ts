/**
 * The synced state on the wire over a played-out exercise (gridlock, bots in every seat, ~120 events): what each
 * client decodes rebuilds exactly its role's view after every step, no byte sent to one delegation carries another
 * delegation's secrets, and a step sends only what changed.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ExerciseSession, Role } from '@parley/shared';
import { docView } from '@parley/shared/sync/flatten.ts';
import { docRole, roleKey } from '@parley/shared/sync/roleKey.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectionSync } from './projection.ts';
import { createRoomState } from './schema.ts';
import { A, B, MARK, markedScenario, PRIVATE_A, PRIVATE_B, PUBLIC, play } from './testPlay.ts';
import { clientView, decodedState, received, Wire, type WireClient } from './testWire.ts';

const compiled = markedScenario();
/** Bots play gridlock to an ending in ~100 events with this seed. */
const SEED = 8;
const seats = (id: string) => compiled.delegations.get(id)?.seats.map((s) => s.id) ?? [];
const delegation = (id: string, seat = seats(id)[0] ?? id): Role => ({ kind: 'delegation', delegation: id, seat });

const ROLES = {
  facilitator: { kind: 'facilitator' },
  observer: { kind: 'observer' },
  a: delegation(A),
  b: delegation(B),
  b2: delegation(B, seats(B)[1]),
  dravonia: delegation('dravonia'),
  rgcc: delegation('rgcc'),
  evaluatorB: { kind: 'evaluator', delegations: [B] },
  evaluatorA: { kind: 'evaluator', delegations: [A] },
} as const satisfies Record<string, Role>;
type Name = keyof typeof ROLES;
const NAMES = Object.keys(ROLES) as Name[];

type Run = {
  session: ExerciseSession;
  sync: ProjectionSync;
  wire: Wire;
  clients: Record<Name, WireClient>;
  late: WireClient;
  steps: number;
  mismatches: string[];
  removals: number;
  /** The phases the observer's client showed, over the run. */
  phasesSeen: Set<string>;
  /** Patch bytes per client name, one per step. */
  patchBytes: Record<Name, number[]>;
  /** The step that sent A's bilateral message to the RGCC: the JSON it added to A's view, and each patch. */
  dm: { payload: number; bytes: Record<Name, number>; patches: Record<Name, Uint8Array> } | null;
};

const expected = (session: ExerciseSession, role: Role) => docView(session.view(docRole(role)));

function playAndSync(): Run {
  const state = createRoomState({ exerciseId: 'ex-1', scenarioId: compiled.scenario.id });
  const sync = new ProjectionSync(state);
  const wire = new Wire(state);
  let session: ExerciseSession | null = null;
  const project = (role: Role) => (session as ExerciseSession).view(role);
  const clients = {} as Record<Name, WireClient>;
  const patchBytes = Object.fromEntries(NAMES.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
  const mismatches: string[] = [];
  let late: WireClient | null = null;
  let steps = 0;
  let removals = 0;
  let dm: Run['dm'] = null;
  let anchored = { running: false, speed: 1 };
  const phasesSeen = new Set<string>();

  const check = (s: ExerciseSession, name: string, client: WireClient, role: Role) => {
    const docs = decodedState(client).docs;
    if (docs.size !== 1 || docs.get(roleKey(role)) === undefined) mismatches.push(`${name}: docs ${[...docs.keys()]}`);
    else if (!isDeepStrictEqual(clientView(client), expected(s, role))) {
      expect(clientView(client)).toEqual(expected(s, role)); // a readable diff for the first mismatch
      mismatches.push(`${name} at step ${steps}`);
    }
  };

  const onStep = (s: ExerciseSession) => {
    session = s;
    if (steps === 0) {
      for (const name of NAMES) clients[name] = wire.join(roleKey(ROLES[name]), sync.open(ROLES[name], project).doc);
    }
    steps++;
    for (const changes of sync.refresh(project).values()) removals += changes.removed;
    sync.setPublic(s.view({ kind: 'observer' }));
    // The host re-anchors the clients' clock when it starts, stops or changes speed (here, one wall second a step).
    const running = s.state.status === 'running';
    if (anchored.running !== running || anchored.speed !== s.state.speed) {
      anchored = { running, speed: s.state.speed };
      sync.setClock({ gameMs: s.now, wallMs: 1_700_000_000_000 + steps * 1000, speed: s.state.speed, running });
    }
    if (steps === 60) late = wire.join(roleKey(ROLES.a), sync.open(delegation(A, seats(A)[1]), project).doc);
    const patches = wire.patch();
    NAMES.forEach((name, i) => {
      patchBytes[name].push(patches[i]?.length ?? 0);
      check(s, name, clients[name], ROLES[name]);
    });
    const last = s.events.at(-1);
    if (last?.type === 'message.send' && last.text === MARK.dmA) {
      const view = s.view(ROLES.a);
      const added = [...view.messages, ...view.timeline].filter((x) => x.seq === last.seq);
      dm = {
        payload: added.reduce((n, x) => n + JSON.stringify(x).length, 0),
        bytes: Object.fromEntries(NAMES.map((n, i) => [n, patches[i]?.length ?? 0])) as Record<Name, number>,
        patches: Object.fromEntries(NAMES.map((n, i) => [n, patches[i] ?? new Uint8Array()])) as Record<
          Name,
          Uint8Array
        >,
      };
    }
    if (late) check(s, 'late joiner', late, ROLES.a);
    for (const phase of clientView(clients.observer).phases) phasesSeen.add(phase.id);
  };

  const finished = play(compiled, { seed: SEED, events: 1000, onStep });
  return {
    session: finished,
    sync,
    wire,
    clients,
    late: late as unknown as WireClient,
    steps,
    mismatches,
    removals,
    phasesSeen,
    patchBytes,
    dm,
  };
}

const has = (bytes: Buffer, marker: string) => bytes.includes(Buffer.from(marker, 'utf8'));

describe('the synced state over a played-out exercise', () => {
  let run: Run;
  beforeAll(() => {
    run = playAndSync();
  });

  it('plays long enough to matter: ~100 events, to an ending', () => {
    expect(run.session.events.length).toBeGreaterThanOrEqual(95);
    expect(run.session.state.status).toBe('ended');
    expect(run.steps).toBeGreaterThan(60);
  });

  it('rebuilds every role its exact view after every step, late joiners included, with only its own doc', () => {
    expect(run.mismatches).toEqual([]);
    expect(clientView(run.clients.b2)).toEqual(clientView(run.clients.b));
    expect(run.late.patches.length).toBeGreaterThan(0);
  });

  it('keeps the public fields in step with play', () => {
    const state = decodedState(run.clients.observer);
    const view = run.session.view({ kind: 'observer' });
    expect(state.status).toBe(view.clock.status);
    expect(state.phase).toBe(view.phases.map((p) => p.id).join(','));
    expect(state.phase).not.toBe('');
  });

  it('removes what leaves a view (phases that end) and still rebuilds the view', () => {
    expect(run.removals).toBeGreaterThan(0);
    expect(run.phasesSeen.size).toBeGreaterThan(2);
    expect(clientView(run.clients.observer).phases).toEqual(run.session.view(ROLES.observer).phases);
  });

  it("never sends a delegation another delegation's secrets, in the full state or in any patch", () => {
    const a = received(run.clients.a);
    const b = received(run.clients.b);
    for (const marker of PRIVATE_B) expect({ marker, inA: has(a, marker) }).toEqual({ marker, inA: false });
    for (const marker of PRIVATE_A) expect({ marker, inB: has(b, marker) }).toEqual({ marker, inB: false });
    for (const marker of [...PRIVATE_B, ...PUBLIC])
      expect({ marker, inB: has(b, marker) }).toEqual({ marker, inB: true });
    for (const marker of [...PRIVATE_A, ...PUBLIC])
      expect({ marker, inA: has(a, marker) }).toEqual({ marker, inA: true });
    for (const marker of PRIVATE_B) expect(has(received(run.late), marker)).toBe(false);
  });

  it('sends an observer the public picture only, and an evaluator only what the delegations it watches see', () => {
    const observer = received(run.clients.observer);
    for (const marker of [...PRIVATE_A, ...PRIVATE_B])
      expect({ marker, seen: has(observer, marker) }).toEqual({ marker, seen: false });
    for (const marker of PUBLIC) expect(has(observer, marker)).toBe(true);
    const evaluatorA = received(run.clients.evaluatorA);
    for (const marker of PRIVATE_B) expect(has(evaluatorA, marker)).toBe(false);
    const evaluatorB = received(run.clients.evaluatorB);
    for (const marker of PRIVATE_B) expect(has(evaluatorB, marker)).toBe(true);
    const facilitator = received(run.clients.facilitator);
    for (const marker of [...PRIVATE_A, ...PRIVATE_B]) expect(has(facilitator, marker)).toBe(true);
  });

  it('sends one bilateral message to its two parties in a few hundred bytes, and nothing to anyone else', () => {
    const dm = run.dm;
    if (!dm) throw new Error('the scripted bilateral message was not sent');
    for (const name of ['observer', 'b', 'b2', 'dravonia', 'evaluatorB'] as const)
      expect({ name, bytes: dm.bytes[name] }).toEqual({ name, bytes: 0 });
    for (const name of ['a', 'rgcc', 'evaluatorA'] as const) {
      expect(dm.bytes[name]).toBeGreaterThan(dm.payload);
      expect(dm.bytes[name]).toBeLessThan(dm.payload + 150);
      expect(has(Buffer.from(dm.patches[name]), MARK.dmA)).toBe(true);
    }
    const sent = `${dm.bytes.a} B to the sender, ${dm.bytes.rgcc} B to the recipient, ${dm.bytes.facilitator} B to control`;
    console.info(`one bilateral message (${dm.payload} B of JSON in the view): patch ${sent}, 0 B to the 5 others`);
  });

  it('reports the full-state size per role and the mean patch size per event', () => {
    const lines = NAMES.map((name) => {
      const fresh = run.wire.join(roleKey(ROLES[name]), run.sync.open(ROLES[name], (r) => run.session.view(r)).doc);
      run.wire.leave(fresh);
      const total = run.patchBytes[name].reduce((s, n) => s + n, 0);
      const perEvent = Math.round(total / run.session.events.length);
      return { name, full: fresh.full.length, perEvent, total };
    });
    const by = Object.fromEntries(lines.map((l) => [l.name, l]));
    expect(by.observer?.full).toBeLessThan(by.a?.full ?? 0);
    expect(by.a?.full).toBeLessThan(by.facilitator?.full ?? 0);
    expect(by.observer?.perEvent).toBeLessThan(by.facilitator?.perEvent ?? 0);
    // Budgets: a join costs at most a few hundred KB, a step about a kilobyte (nested views are not repeated).
    expect(by.facilitator?.full).toBeLessThan(200_000);
    expect(by.facilitator?.perEvent).toBeLessThan(3_000);
    for (const name of ['a', 'b', 'dravonia', 'rgcc'] as const) expect(by[name]?.perEvent).toBeLessThan(1_500);
    const pad = (n: number, width: number) => String(n).padStart(width);
    const table = lines.map(
      (l) =>
        `${l.name.padEnd(12)} full ${pad(l.full, 7)} B   patches ${pad(l.total, 7)} B   mean ${pad(l.perEvent, 5)} B/event`,
    );
    console.info(`${run.session.events.length} events, ${run.steps} steps\n${table.join('\n')}`);
  });
});
