/**
 * The views of exercise control: the facilitator sees everything (every delegation's view, the MSEL with statuses,
 * the rule ledger, all variables and records); an evaluator sees the views of the delegations it watches and their
 * rule ledger, on top of the public picture.
 */
import type { CompiledScenario } from './compile.ts';
import { observationsFor, watchedBy } from './observations.ts';
import { listFilter, mapValues, toArray } from './persist.ts';
import type { ExerciseState } from './state.ts';
import { nextDueAt } from './timers.ts';
import { deadlinesFor, delegationView, pictureFor } from './view.ts';
import type {
  ActorCard,
  EndingCard,
  EvaluatorView,
  FacilitatorView,
  MselEntry,
  ObjectiveCard,
  PhaseOutline,
  RuleCard,
} from './viewTypes.ts';

const objectivesOf = (c: CompiledScenario): ObjectiveCard[] =>
  c.scenario.objectives.map((o) => ({
    id: o.id,
    title: o.title,
    description: o.description ?? null,
    norms: o.norms,
    cbms: o.cbms,
  }));

const rulesOf = (c: CompiledScenario, state: ExerciseState): RuleCard[] =>
  c.scenario.rules.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    mode: state.ruleModes[r.id] ?? r.mode,
    norms: r.norms,
    cbms: r.cbms,
  }));

export function evaluatorView(
  c: CompiledScenario,
  state: ExerciseState,
  watching: 'all' | readonly string[],
  now: number,
): EvaluatorView {
  const ids = watchedBy(c, watching);
  const watched = new Set(ids);
  return {
    role: 'evaluator',
    ...pictureFor(c, state, new Set(), now),
    watching: ids,
    delegations: ids.map((id) => delegationView(c, state, id, null, now)),
    ledger: listFilter(state.ledger, (e) => watched.has(e.party)),
    observations: observationsFor(state, ids),
    objectives: objectivesOf(c),
    rules: rulesOf(c, state),
  };
}

function msel(c: CompiledScenario, state: ExerciseState): MselEntry[] {
  return c.scenario.injects.map((inj) => {
    const st = state.injects[inj.id];
    const trigger = inj.at !== undefined ? 'at' : inj.onEnter !== undefined ? 'onEnter' : inj.when ? 'when' : 'manual';
    return {
      id: inj.id,
      title: st?.edits.title ?? inj.title,
      status: st?.status ?? 'pending',
      trigger,
      dueAt: st?.dueAt ?? null,
      settledAt: st?.settledAt ?? null,
      phase: inj.phase ?? null,
      to: st?.edits.to ?? inj.to,
      edits: st?.edits ?? {},
      expects: inj.expects ?? null,
      objective: inj.objective ?? null,
      notes: inj.notes ?? null,
      body: st?.edits.body ?? inj.body,
    };
  });
}

/** The simulated parties the facilitator plays, each with the catalogue actions it may take. */
function actorsOf(c: CompiledScenario): ActorCard[] {
  return c.scenario.actors.map((a) => ({
    id: a.id,
    actions: a.actions.flatMap((id) => {
      const action = c.actions.get(id);
      return action ? [{ ...action, rules: [] }] : [];
    }),
  }));
}

/** Every phase of the statechart, in document order, with its depth (for adjudication's "move play to"). */
function phasesOf(c: CompiledScenario): PhaseOutline[] {
  return [...c.phases.values()]
    .sort((a, b) => a.order - b.order)
    .map((n) => ({ id: n.phase.id, title: n.phase.title, depth: n.ancestors.length }));
}

const endingsOf = (c: CompiledScenario): EndingCard[] =>
  c.scenario.endings.map((e) => ({ id: e.id, title: e.title, tone: e.tone, default: e.default }));

export function controlView(c: CompiledScenario, state: ExerciseState, now: number): FacilitatorView {
  const bySeq = <T extends { seq: number }>(items: T[]) => items.sort((a, b) => a.seq - b.seq);
  return {
    role: 'facilitator',
    ...pictureFor(c, state, null, now),
    delegations: c.delegationIds.map((id) => delegationView(c, state, id, null, now)),
    msel: msel(c, state),
    actors: actorsOf(c),
    outline: phasesOf(c),
    endings: endingsOf(c),
    objectives: objectivesOf(c),
    rules: rulesOf(c, state),
    ledger: toArray(state.ledger),
    deadlines: deadlinesFor(c, state, null),
    assessments: toArray(state.assessments),
    pings: bySeq(mapValues(state.pings)),
    assistance: bySeq(mapValues(state.assistance)),
    proposals: bySeq(mapValues(state.proposals)),
    ladder: state.ladder,
    ruleModes: state.ruleModes,
    nextTimerAt: nextDueAt(c, state),
    observations: observationsFor(state, null),
  };
}
