/**
 * Evaluator observations (`observation.record`): who may record one and about what (evaluators about the delegations
 * they watch or in general, the facilitator about anything), how it enters the state and the control timeline, and
 * which observations a role may see.
 */
import type { EvaluatorCommand } from '../protocol/commands.ts';
import type { Sender } from '../protocol/roles.ts';
import type { CompiledScenario } from './compile.ts';
import { append, listFilter, listForEach } from './persist.ts';
import type { ExerciseState } from './state.ts';
import { record, type Step, toControl } from './step.ts';
import { nameOf } from './text.ts';
import { type CommandEvent, type Observation, type Refusal, refusalOf as refuse } from './types.ts';

type ObservationCommand = Extract<EvaluatorCommand, { type: 'observation.record' }>;

/** The delegations an evaluator watches that the scenario has ('all': every delegation). */
export function watchedBy(c: CompiledScenario, watching: 'all' | readonly string[]): readonly string[] {
  return (watching === 'all' ? c.delegationIds : watching).filter((id) => c.delegations.has(id));
}

/** Whether an inject id is known to the sender: a scenario inject, or an ad hoc inject it may have seen. */
function knowsInject(c: CompiledScenario, state: ExerciseState, id: string, watched: readonly string[] | null) {
  if (c.injects.has(id)) return true;
  let found = false;
  listForEach(state.deliveries, (d) => {
    if (d.id === id && (watched === null || d.public || d.to.some((p) => watched.includes(p)))) found = true;
  });
  return found;
}

/**
 * May `actor` record this observation now? Evaluators and the facilitator only; not before play starts; a delegation
 * named must be one the evaluator watches; objective and inject must exist.
 */
export function checkObservation(
  c: CompiledScenario,
  state: ExerciseState,
  actor: Sender,
  cmd: ObservationCommand,
): Refusal | null {
  if (actor.kind !== 'evaluator' && actor.kind !== 'facilitator')
    return refuse('role', 'Only evaluators and the facilitator can record observations', 'role.observations');
  if (state.status === 'setup') return refuse('status', 'The exercise has not started yet', 'status.notStarted');
  const watched = actor.kind === 'evaluator' ? watchedBy(c, actor.delegations) : null;
  if (cmd.delegation !== undefined) {
    if (!c.delegations.has(cmd.delegation))
      return refuse('unknown', `Unknown delegation "${cmd.delegation}"`, 'unknown.delegation', { id: cmd.delegation });
    if (watched !== null && !watched.includes(cmd.delegation))
      return refuse('not-allowed', `You do not evaluate ${nameOf(c, cmd.delegation)}`, 'observation.notWatched', {
        party: cmd.delegation,
      });
  }
  if (cmd.objective !== undefined && !c.scenario.objectives.some((o) => o.id === cmd.objective))
    return refuse('unknown', `Unknown objective "${cmd.objective}"`, 'unknown.objective', { id: cmd.objective });
  if (cmd.inject !== undefined && !knowsInject(c, state, cmd.inject, watched))
    return refuse('unknown', `Unknown inject "${cmd.inject}"`, 'unknown.inject', { id: cmd.inject });
  return null;
}

export function applyObservation(s: Step, e: Extract<CommandEvent, { type: 'observation.record' }>): void {
  if (e.id === undefined || (e.role.kind !== 'evaluator' && e.role.kind !== 'facilitator')) return;
  const observation: Observation = {
    id: e.id,
    seq: s.seq,
    at: s.at,
    by: e.role.kind,
    text: e.text,
    objective: e.objective ?? null,
    inject: e.inject ?? null,
    delegation: e.delegation ?? null,
    rating: e.rating ?? null,
  };
  s.d.observations = append(s.d.observations, observation);
  const about = observation.delegation === null ? [] : [observation.delegation];
  record(s, 'observation.recorded', toControl(about), { ref: e.id, to: about });
}

/** The observations a role sees: all for control (null), those on watched delegations and general ones otherwise. */
export function observationsFor(state: ExerciseState, watched: readonly string[] | null): Observation[] {
  return listFilter(
    state.observations,
    (o) => watched === null || o.delegation === null || watched.includes(o.delegation),
  );
}
