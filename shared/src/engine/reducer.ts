/**
 * The pure reducer: `applyEvent(compiled, state, event)` returns the next state without touching its input (a shallow
 * copy whose fields are replaced; unchanged parts are shared). Breaches, deadlines and tallies are re-derived here
 * from the event, so that replaying the log gives the live state exactly.
 */

import type { RuleMode } from '../scenario/vocabulary.ts';
import {
  applyAck,
  applyAssess,
  applyCatalogueAction,
  applyDecline,
  applyMessage,
  applyOffer,
  applyPing,
  applyRequest,
} from './applyActions.ts';
import {
  applyAdjudicate,
  applyAdjust,
  applyBroadcast,
  applyEdit,
  applyEnd,
  applyJump,
  applySkip,
  applySpeed,
  applyStart,
  applyStatus,
  applyTimer,
  applyWrite,
} from './applyControl.ts';
import type { CompiledScenario } from './compile.ts';
import { PENDING_INJECT, releaseInject } from './injects.ts';
import { acceptProposal, amendProposal, createProposal, rejectProposal, signProposal } from './negotiation.ts';
import { applyObservation } from './observations.ts';
import { aimOf } from './parties.ts';
import { emptyList, emptyMap } from './persist.ts';
import { meetDeadlines, openDeadlines, preconditionBreaches, recordBreaches } from './rules.ts';
import { settle } from './settle.ts';
import type { Draft, ExerciseState } from './state.ts';
import { type Step, tally } from './step.ts';
import type { CommandEvent, ExerciseEvent, ExerciseOptions, InjectState } from './types.ts';
import { initialVars } from './world.ts';

export function initialState(c: CompiledScenario, options: ExerciseOptions): ExerciseState {
  const injects: Record<string, InjectState> = {};
  for (const inject of c.scenario.injects) injects[inject.id] = PENDING_INJECT;
  const ruleModes: Record<string, RuleMode> = {};
  for (const rule of c.rules.values()) {
    const chosen = options.ruleModes?.[rule.id] ?? rule.mode;
    ruleModes[rule.id] = rule.type === 'deadline' && chosen === 'block' ? 'warn' : chosen;
  }
  return {
    seq: 0,
    now: 0,
    status: 'setup',
    startedAt: null,
    speed: 1,
    seed: options.seed,
    ruleModes,
    ending: null,
    phase: { value: null, active: [], enteredAt: {}, timedOut: [] },
    vars: initialVars(c),
    injects,
    deliveries: emptyList(),
    assessments: emptyList(),
    latestAssessment: {},
    pings: emptyMap(),
    assistance: emptyMap(),
    messages: emptyList(),
    actions: emptyList(),
    tallies: c.refs.map(() => null),
    ladder: {},
    proposals: emptyMap(),
    signed: {},
    deadlines: [],
    ledger: emptyList(),
    breaches: {},
    rulings: emptyList(),
    journal: emptyList(),
    observations: emptyList(),
  };
}

type PartyType =
  | 'assess'
  | 'action.take'
  | 'signal.send'
  | 'actor.act'
  | 'poc.ping'
  | 'poc.ack'
  | 'assistance.request'
  | 'assistance.offer'
  | 'assistance.decline'
  | 'message.send'
  | 'proposal.create'
  | 'proposal.amend'
  | 'proposal.accept'
  | 'proposal.reject'
  | 'proposal.sign';
type ControlType = Exclude<CommandEvent['type'], PartyType | 'observation.record'>;
type Handlers<T extends CommandEvent['type'], Args extends unknown[]> = {
  readonly [K in T]: (s: Step, ...args: [...Args, Extract<CommandEvent, { type: K }>]) => void;
};

const PARTY: Handlers<PartyType, [party: string]> = {
  assess: applyAssess,
  'action.take': applyCatalogueAction,
  'signal.send': applyCatalogueAction,
  'actor.act': applyCatalogueAction,
  'poc.ping': applyPing,
  'poc.ack': applyAck,
  'assistance.request': applyRequest,
  'assistance.offer': applyOffer,
  'assistance.decline': applyDecline,
  'message.send': applyMessage,
  'proposal.create': createProposal,
  'proposal.amend': amendProposal,
  'proposal.accept': acceptProposal,
  'proposal.reject': rejectProposal,
  'proposal.sign': signProposal,
};

const CONTROL: Handlers<ControlType, []> = {
  'exercise.start': applyStart,
  'exercise.pause': (s) => applyStatus(s, 'paused'),
  'exercise.resume': (s) => applyStatus(s, 'running'),
  'exercise.end': applyEnd,
  'clock.speed': applySpeed,
  'clock.jump': applyJump,
  'inject.release': (s, e) => releaseInject(s, e.inject, true),
  'inject.skip': applySkip,
  'inject.edit': applyEdit,
  'inject.write': applyWrite,
  'variable.adjust': applyAdjust,
  adjudicate: applyAdjudicate,
  broadcast: applyBroadcast,
};

const isPartyType = (type: string): type is PartyType => type in PARTY;

/**
 * A party's own action (a delegation's command, or the facilitator acting for a simulated party), with the rule
 * bookkeeping around it: breaches are judged on the state before the action, deadlines it answers are met, then it
 * applies, is counted, and opens the deadlines it triggers.
 */
function applyPartyAction(s: Step, before: ExerciseState, party: string, e: CommandEvent, delegation: boolean): void {
  if (!isPartyType(e.type)) return;
  const aim = aimOf(s.c, before, party, e);
  if (aim) {
    if (delegation) recordBreaches(s, preconditionBreaches(s.c, before, party, aim.ref, aim.targets, s.at));
    meetDeadlines(s, party, aim.ref, aim.targets);
  }
  (PARTY[e.type] as (s: Step, party: string, e: CommandEvent) => void)(s, party, e);
  if (!aim) return;
  tally(s, aim.ref, party, aim.targets);
  openDeadlines(s, party, aim.ref, aim.targets);
}

function applyControl(s: Step, e: CommandEvent): void {
  if (isPartyType(e.type) || e.type === 'observation.record') return;
  (CONTROL[e.type] as (s: Step, e: CommandEvent) => void)(s, e);
}

export function applyEvent(c: CompiledScenario, state: ExerciseState, event: ExerciseEvent): ExerciseState {
  if (event.seq !== state.seq + 1) throw new Error(`Event #${event.seq} does not follow #${state.seq}`);
  if (event.at < state.now) throw new Error(`Event #${event.seq} at ${event.at} ms is before ${state.now} ms`);
  const d: Draft = { ...state, seq: event.seq, now: event.at };
  const s: Step = { c, seq: event.seq, at: event.at, d };
  if (event.type === 'timer.fire') applyTimer(s, event);
  else if (event.type === 'observation.record') applyObservation(s, event);
  else if (event.type === 'actor.act') applyPartyAction(s, state, event.actor, event, false);
  else if (event.role.kind === 'delegation') applyPartyAction(s, state, event.role.delegation, event, true);
  else if (event.role.kind === 'facilitator') applyControl(s, event);
  if (d.status === 'running' || d.status === 'paused') settle(s);
  return d;
}

/** Fold a log from the initial state. */
export function replay(c: CompiledScenario, events: readonly ExerciseEvent[], options: ExerciseOptions): ExerciseState {
  let state = initialState(c, options);
  for (const e of events) state = applyEvent(c, state, e);
  return state;
}
