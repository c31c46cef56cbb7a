/**
 * A small language for engine tests: roles, command builders and a session over the test scenario.
 * (Test support only; it has no test framework dependency so it stays pure like the rest of shared/.)
 */
import type { ChannelRef, Command } from '../protocol/commands.ts';
import type { Role } from '../protocol/roles.ts';
import type { Effect } from '../scenario/schema.ts';
import { compileScenario } from './compile.ts';
import { ExerciseSession, type SubmitResult } from './session.ts';
import { testScenario } from './testScenario.ts';
import type { ExerciseEvent, ExerciseOptions, Refusal, RuleFlag } from './types.ts';

export const compiled = compileScenario(testScenario);

export const R = {
  norland: { kind: 'delegation', delegation: 'norland', seat: 'mfa' },
  norlandCert: { kind: 'delegation', delegation: 'norland', seat: 'cert' },
  vesteria: { kind: 'delegation', delegation: 'vesteria', seat: 'mfa' },
  kestrel: { kind: 'delegation', delegation: 'kestrel', seat: 'soc' },
  facilitator: { kind: 'facilitator' },
  observer: { kind: 'observer' },
  evaluator: { kind: 'evaluator', delegations: ['norland'] },
  evaluatorAll: { kind: 'evaluator', delegations: 'all' },
} as const satisfies Record<string, Role>;

export const DELEGATIONS = ['norland', 'vesteria', 'kestrel'] as const;

type Params = Record<string, string | number>;

export const C = {
  assess: (severity: number, suspect: string | null = null, confidence: 'low' | 'medium' | 'high' = 'medium') =>
    ({ type: 'assess', severity, suspect, confidence }) as const satisfies Command,
  act: (action: string, targets: string[] = [], params: Params = {}) =>
    ({ type: 'action.take', action, targets, params }) as const satisfies Command,
  signal: (action: string, targets: string[] = [], params: Params = {}) =>
    ({ type: 'signal.send', action, targets, params }) as const satisfies Command,
  ping: (to: string, text = 'Please confirm receipt') => ({ type: 'poc.ping', to, text }) as const satisfies Command,
  ack: (ping: string, text?: string) => ({ type: 'poc.ack', ping, ...(text ? { text } : {}) }) as Command,
  request: (to: string, text = 'We need help') => ({ type: 'assistance.request', to, text }) as const satisfies Command,
  offer: (to: string, request?: string, text = 'We can help') =>
    ({ type: 'assistance.offer', to, text, ...(request ? { request } : {}) }) as Command,
  decline: (request: string, text?: string) =>
    ({ type: 'assistance.decline', request, ...(text ? { text } : {}) }) as Command,
  say: (channel: ChannelRef, text: string) => ({ type: 'message.send', channel, text }) as const satisfies Command,
  propose: (parties: string[], template = 'restraint', clauses?: { id: string; text: string }[]) =>
    ({ type: 'proposal.create', template, parties, ...(clauses ? { clauses } : {}) }) as Command,
  amend: (proposal: string, clause: string | null, text: string | null) =>
    ({ type: 'proposal.amend', proposal, clause, text }) as const satisfies Command,
  accept: (proposal: string, version: number) =>
    ({ type: 'proposal.accept', proposal, version }) as const satisfies Command,
  reject: (proposal: string, reason?: string) =>
    ({ type: 'proposal.reject', proposal, ...(reason ? { reason } : {}) }) as Command,
  sign: (proposal: string) => ({ type: 'proposal.sign', proposal }) as const satisfies Command,
  start: () => ({ type: 'exercise.start' }) as const satisfies Command,
  pause: () => ({ type: 'exercise.pause' }) as const satisfies Command,
  resume: () => ({ type: 'exercise.resume' }) as const satisfies Command,
  end: (ending?: string, note?: string) =>
    ({ type: 'exercise.end', ...(ending ? { ending } : {}), ...(note ? { note } : {}) }) as Command,
  speed: (speed: number) => ({ type: 'clock.speed', speed }) as const satisfies Command,
  jump: (minutes: number) => ({ type: 'clock.jump', minutes }) as const satisfies Command,
  release: (inject: string) => ({ type: 'inject.release', inject }) as const satisfies Command,
  skip: (inject: string) => ({ type: 'inject.skip', inject }) as const satisfies Command,
  edit: (inject: string, changes: { title?: string; body?: string; to?: 'all' | string[]; at?: number }) =>
    ({ type: 'inject.edit', inject, changes }) as Command,
  write: (to: 'all' | string[], body: string, channel: 'email' | 'news' | 'intel' = 'email', title = 'Ad hoc') =>
    ({ type: 'inject.write', title, body, channel, to }) as Command,
  adjust: (v: string, change: { add?: number; set?: number; pair?: [string, string] }, reason = 'Adjudicated') =>
    ({ type: 'variable.adjust', var: v, ...change, reason }) as Command,
  adjudicate: (ruling: string, effects: Effect[] = [], phase?: string) =>
    ({ type: 'adjudicate', ruling, effects, ...(phase ? { phase } : {}) }) as Command,
  broadcast: (to: 'all' | string[], text: string) => ({ type: 'broadcast', to, text }) as Command,
  actorAct: (actor: string, action: string, targets: string[] = [], params: Params = {}) =>
    ({ type: 'actor.act', actor, action, targets, params }) as const satisfies Command,
  observe: (
    text: string,
    about: { delegation?: string; objective?: string; inject?: string; rating?: 'met' | 'partially' | 'not-met' } = {},
  ) => ({ type: 'observation.record', text, rating: null, ...about }) as Command,
} as const;

/** A session over the test scenario; started (at game time 0) unless `start: false`. */
export function session(options: ExerciseOptions = { seed: 1 }, start = true): ExerciseSession {
  const s = new ExerciseSession(compiled, options);
  if (start) ok(s.submit(R.facilitator, C.start()));
  return s;
}

/** The events of an accepted result (throws with the refusal message otherwise). */
export function ok(result: SubmitResult): readonly ExerciseEvent[] {
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return result.events;
}

export function flagsOf(result: SubmitResult): readonly RuleFlag[] {
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return result.flags;
}

/** The refusal of a refused result (throws if it was accepted). */
export function refusal(result: SubmitResult): Refusal {
  if (result.ok) throw new Error(`accepted: ${result.events.map((e) => e.type).join(', ')}`);
  return result.refusal;
}

/** The id the host generated for the first event of an accepted result. */
export function idOf(result: SubmitResult): string {
  const id = ok(result)[0]?.id;
  if (id === undefined) throw new Error('no generated id');
  return id;
}
