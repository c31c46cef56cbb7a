/**
 * Property-based tests: random command sequences (valid and invalid, from every kind of role, with random time
 * advances) must keep the engine's promises: replaying the log gives the live state exactly, a refusal changes
 * nothing, the reducer never mutates its input, and no view ever carries another delegation's secret.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Command,
  EVALUATOR_COMMAND_TYPES,
  FACILITATOR_COMMAND_TYPES,
  PARTICIPANT_COMMAND_TYPES,
} from '../protocol/commands.ts';
import type { Role } from '../protocol/roles.ts';
import { mapValues } from './persist.ts';
import { replay } from './reducer.ts';
import type { ExerciseSession } from './session.ts';
import type { ExerciseState } from './state.ts';
import { C, compiled, DELEGATIONS, R, session } from './testKit.ts';
import { MARKERS } from './testScenario.ts';
import { viewFor } from './view.ts';

const ROLES: Role[] = [
  R.norland,
  R.norlandCert,
  R.vesteria,
  R.vesteria,
  R.kestrel,
  R.kestrel,
  R.facilitator,
  R.facilitator,
  R.observer,
  R.evaluator,
];
const PARTIES = ['norland', 'vesteria', 'kestrel', 'press', 'bear', 'frnace'];
const ACTIONS = [...compiled.actions.keys(), 'nuke'];

// Negotiation needs several parties to agree in a row, so its steps are drawn more often.
const PARTY_KINDS = [
  'assess',
  'act',
  'signal',
  'ping',
  'ack',
  'request',
  'offer',
  'decline',
  'say',
  'propose',
  'propose',
  'amend',
  'accept',
  'accept',
  'accept',
  'accept',
  'reject',
  'sign',
] as const;
const CONTROL_KINDS = [
  'start',
  'pause',
  'resume',
  'end',
  'speed',
  'jump',
  'release',
  'skip',
  'edit',
  'write',
  'adjust',
  'adjudicate',
  'broadcast',
  'actorAct',
] as const;
const KINDS = [...PARTY_KINDS, ...CONTROL_KINDS];
/** Evaluators, when their command suits them, record an observation. */
type Kind = (typeof KINDS)[number] | 'observe';
const KIND_TYPES = [...PARTICIPANT_COMMAND_TYPES, ...FACILITATOR_COMMAND_TYPES, ...EVALUATOR_COMMAND_TYPES];

type Step = {
  role: number;
  /** Most steps send a command that suits the role; the rest anything at all. */
  fits: boolean;
  kind: number;
  a: number;
  b: number;
  c: number;
  advance: number;
};

const stepArb: fc.Arbitrary<Step> = fc.record({
  role: fc.nat(ROLES.length - 1),
  fits: fc.nat(4).map((n) => n > 0),
  kind: fc.nat(KINDS.length - 1),
  a: fc.nat(20),
  b: fc.nat(20),
  c: fc.nat(20),
  advance: fc.oneof(
    { arbitrary: fc.constant(0), weight: 4 },
    { arbitrary: fc.nat(3), weight: 3 },
    { arbitrary: fc.nat(12), weight: 1 },
  ),
});

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

const EVERYONE = '*';

/** Secrets the test itself plants, with the delegations allowed to see each ('*': everyone, observers too). */
type Planted = Map<string, ReadonlySet<string>>;

function secret(planted: Planted, seeing: readonly string[]): string {
  const text = `‹PRIV-${planted.size}›`;
  planted.set(text, new Set(seeing));
  return text;
}

/** Existing ids (or a bogus one) so that many generated commands refer to real pings, requests and proposals. */
function existing(ids: readonly string[], n: number, prefix: string): string {
  return ids.length === 0 || n % 7 === 6 ? `${prefix}-${900 + n}` : pick(ids, n);
}

function kindOf(step: Step, role: Role): Kind {
  if (!step.fits) return pick(KINDS, step.kind);
  if (role.kind === 'evaluator') return 'observe';
  return role.kind === 'facilitator' ? pick(CONTROL_KINDS, step.kind) : pick(PARTY_KINDS, step.kind);
}

/** Mostly a well-formed catalogue command for this party (allowed action, target count, parameters); sometimes not. */
function catalogueCommand(me: string, kind: 'act' | 'signal', a: number, b: number, c: number) {
  const allowed = (compiled.delegations.get(me)?.actions ?? []).filter(
    (id) => compiled.actions.get(id)?.command === kind,
  );
  if (c % 6 === 5 || allowed.length === 0) {
    return { id: pick(ACTIONS, b), targets: a % 4 === 0 ? [] : [pick(PARTIES, a)], params: { tone: 'firm' } };
  }
  const action = compiled.actions.get(pick(allowed, b));
  if (!action) throw new Error('catalogue');
  const others = PARTIES.filter((p) => p !== me && p !== 'frnace');
  const targets = Array.from({ length: action.targets.max === 0 ? 0 : 1 }, (_, i) => pick(others, a + i));
  const params: Record<string, string | number> = {};
  for (const p of action.params) {
    if (p.type === 'number') params[p.id] = p.min ?? 1;
    else if (p.type === 'choice') params[p.id] = pick(p.options ?? ['x'], c);
    else if (p.type === 'confidence') params[p.id] = pick(['low', 'medium', 'high'], c);
    else if (c % 2 === 0) params[p.id] = 'A note';
  }
  return { id: action.id, targets, params };
}

function build(step: Step, state: ExerciseState, planted: Planted): Command {
  const { a, b, c } = step;
  const role = pick(ROLES, step.role);
  const me = role.kind === 'delegation' ? role.delegation : 'norland';
  // Mostly another delegation; sometimes a simulated party, oneself or a misspelt id.
  const other =
    a % 5 === 4
      ? pick(PARTIES, b)
      : pick(
          DELEGATIONS.filter((d) => d !== me),
          a,
        );
  const pings = mapValues(state.pings)
    .filter((p) => p.to === me || c % 4 === 3)
    .map((p) => p.id);
  const requests = mapValues(state.assistance)
    .filter((x) => x.kind === 'request' && (x.to === me || c % 4 === 3))
    .map((x) => x.id);
  const proposals = mapValues(state.proposals).filter((p) => p.parties.includes(me) || c % 4 === 3);
  const proposal = existing(
    proposals.map((p) => p.id),
    b,
    'proposal',
  );
  const version = (proposals.find((p) => p.id === proposal)?.version ?? 1) + (c % 5 === 4 ? 1 : 0);
  switch (kindOf(step, role)) {
    case 'assess':
      return {
        type: 'assess',
        severity: a % 6,
        suspect: a % 3 === 0 ? null : other,
        confidence: 'medium',
        note: secret(planted, [me]),
      };
    case 'act':
    case 'signal': {
      const kind = kindOf(step, role) === 'act' ? 'act' : 'signal';
      const { id, targets, params } = catalogueCommand(me, kind, a, b, c);
      return kind === 'act' ? C.act(id, targets, params) : C.signal(id, targets, params);
    }
    case 'ping':
      return C.ping(other, secret(planted, [me, other]));
    case 'ack':
      return C.ack(existing(pings, a, 'ping'));
    case 'request':
      return C.request(other, secret(planted, [me, other]));
    case 'offer':
      return C.offer(other, b % 2 === 0 ? undefined : existing(requests, b, 'request'), secret(planted, [me, other]));
    case 'decline':
      return C.decline(existing(requests, a, 'request'));
    case 'say': {
      if (a % 3 === 0) return C.say({ kind: 'public' }, secret(planted, [EVERYONE]));
      if (a % 3 === 1) return C.say({ kind: 'group', group: 'nordic' }, secret(planted, ['norland', 'vesteria']));
      return C.say({ kind: 'bilateral', with: other }, secret(planted, [me, other]));
    }
    case 'propose': {
      const parties = [...new Set([me, other, ...(c % 2 ? [pick(DELEGATIONS, b)] : [])])];
      return C.propose(parties, c % 5 === 0 ? 'treaty' : 'restraint', [{ id: 'main', text: secret(planted, parties) }]);
    }
    case 'amend': {
      const p = proposals.find((x) => x.id === proposal);
      return C.amend(
        proposal,
        c % 3 === 0 ? null : (p?.clauses[0]?.id ?? 'main'),
        c % 4 === 3 ? null : secret(planted, p?.parties ?? []),
      );
    }
    case 'accept': {
      // Push texts towards signature: an agreed text gets signed, an open one accepted at its current version.
      const p = proposals.find((x) => x.id === proposal);
      return p?.status === 'agreed' && c % 2 === 0 ? C.sign(proposal) : C.accept(proposal, version);
    }
    case 'reject':
      return C.reject(proposal);
    case 'sign':
      return C.sign(proposal);
    case 'start':
      return C.start();
    case 'pause':
      return a % 3 === 0 ? C.pause() : C.resume();
    case 'resume':
      return C.resume();
    case 'end':
      return a % 9 === 0 ? C.end() : C.resume();
    case 'speed':
      return C.speed(1 + (a % 4));
    case 'jump':
      return C.jump(1 + (a % 10));
    case 'release':
      return C.release(pick([...compiled.injects.keys(), 'nope'], a));
    case 'skip':
      return C.skip(pick([...compiled.injects.keys()], a));
    case 'edit':
      return C.edit(
        pick([...compiled.injects.keys()], a),
        b % 2 ? { at: b } : { body: 'Edited', to: [pick(PARTIES, c)] },
      );
    case 'write':
      return C.write(
        a % 2 ? 'all' : [pick(PARTIES, b)],
        secret(planted, a % 2 ? [...DELEGATIONS] : [pick(PARTIES, b)]),
      );
    case 'adjust':
      return C.adjust(pick(['escalation', 'trust', 'impact', 'morale'], a), {
        add: (b % 5) - 2,
        ...(c % 2 ? { pair: [pick(PARTIES, b), pick(PARTIES, c)] as [string, string] } : {}),
      });
    case 'adjudicate':
      return C.adjudicate(
        'Ruling',
        [{ var: 'pressure', add: (b % 3) - 1 }],
        a % 3 === 0 ? pick([...compiled.phases.keys()], b) : undefined,
      );
    case 'broadcast':
      return C.broadcast([pick(PARTIES, a)], secret(planted, [pick(PARTIES, a)]));
    case 'actorAct':
      return C.actorAct(pick(['press', 'bear', 'norland'], a), pick(ACTIONS, b), [other], {});
    case 'observe': {
      // Observations reach control and the evaluators of their delegation (every evaluator when general).
      const about = a % 3 === 0 ? undefined : pick(DELEGATIONS, b);
      const text = secret(planted, [about === undefined ? 'evaluators' : `evaluators of ${about}`]);
      return C.observe(text, { ...(about ? { delegation: about } : {}), ...(c % 2 ? { objective: 'poc' } : {}) });
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function run(steps: readonly Step[], seed: number): { s: ExerciseSession; planted: Planted; accepted: string[] } {
  const s = session({ seed }, seed % 10 !== 0);
  const planted: Planted = new Map();
  const accepted: string[] = [];
  for (const step of steps) {
    const before = deepFreeze(s.state);
    const result = s.submit(pick(ROLES, step.role), build(step, before, planted));
    if (result.ok) accepted.push(...result.events.map((e) => e.type));
    else {
      expect(s.state).toBe(before);
    }
    s.advanceBy(step.advance);
  }
  return { s, planted, accepted };
}

const SCENARIO_SECRETS: [string, readonly string[]][] = [
  [MARKERS.norlandBriefing, ['norland']],
  [MARKERS.vesteriaBriefing, ['vesteria']],
  [MARKERS.kestrelBriefing, ['kestrel']],
  [MARKERS.norlandIntel, ['norland']],
  [MARKERS.vesteriaCall, ['vesteria']],
];

describe('engine properties', () => {
  it('replaying the log gives the live state; refusals change nothing; the input is never mutated', () => {
    const acceptedTypes = new Set<string>();
    let total = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' }), fc.nat(1000), (steps, seed) => {
        const { s, accepted } = run(steps, seed);
        for (const type of accepted) acceptedTypes.add(type);
        total += accepted.length;
        expect(replay(compiled, s.events, { seed })).toEqual(s.state);
      }),
      { numRuns: 150, seed: 20240611 },
    );
    // The generator must exercise the engine, not only its refusals: every command type and timers get through.
    expect([...acceptedTypes].sort()).toEqual([...KIND_TYPES, 'timer.fire'].sort());
    expect(total).toBeGreaterThan(1000);
  });

  it('no view carries a secret its role may not see', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' }), fc.nat(1000), (steps, seed) => {
        const { s, planted } = run(steps, seed);
        const secrets: [string, ReadonlySet<string>][] = [
          ...planted.entries(),
          ...SCENARIO_SECRETS.map(([m, who]) => [m, new Set(who)] as [string, ReadonlySet<string>]),
        ];
        const views: [Role, ReadonlySet<string>][] = [
          [R.observer, new Set()],
          [R.norland, new Set(['norland'])],
          [R.vesteria, new Set(['vesteria'])],
          [R.kestrel, new Set(['kestrel'])],
          [R.evaluator, new Set(['norland', 'evaluators', 'evaluators of norland'])],
        ];
        for (const [role, allowed] of views) {
          const text = JSON.stringify(viewFor(compiled, s.state, role));
          for (const [marker, seeing] of secrets) {
            if (seeing.has(EVERYONE) || [...seeing].some((p) => allowed.has(p))) continue;
            expect(text, `${role.kind} saw ${marker}`).not.toContain(marker);
          }
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
