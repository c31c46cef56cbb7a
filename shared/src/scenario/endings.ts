/**
 * Endings: exactly one is the default (reached when time runs out, or when the facilitator ends play without naming
 * one), and every ending can be reached in principle: it is the default, or a reachable phase ends with it, or its
 * `when` can hold. Conditions of transitions and injects that can never hold are warnings.
 */
import type { Path } from './diagnostics.ts';
import type { Index } from './ids.ts';
import type { PhaseGraph } from './reachability.ts';
import type { Resolver } from './resolver.ts';
import type { Satisfiability } from './satisfiable.ts';

function endedByPhases(index: Index, graph: PhaseGraph): Set<string> {
  const ended = new Set<string>();
  for (const [id, { phase }] of index.phases) {
    if (!graph.reachable.has(id)) continue;
    for (const t of phase.transitions) if (t.end !== undefined) ended.add(t.end);
    if (phase.onTimeout?.end !== undefined) ended.add(phase.onTimeout.end);
  }
  return ended;
}

export function checkEndings(index: Index, graph: PhaseGraph, sat: Satisfiability, r: Resolver): void {
  const endings = index.scenario.endings;
  const defaults = endings.flatMap((e, i) => (e.default ? [i] : []));
  const [firstDefault] = defaults;
  if (firstDefault === undefined) {
    r.error(['endings'], 'no ending has "default: true": one is needed for when time runs out');
  }
  for (const i of defaults.slice(1)) {
    const where = r.ctx.where(['endings', firstDefault ?? 0, 'default']);
    r.error(
      ['endings', i, 'default'],
      `only one ending can be the default, and "${endings[firstDefault ?? 0]?.id}" already is (${where})`,
    );
  }
  const ended = endedByPhases(index, graph);
  endings.forEach((ending, i) => {
    if (ending.default || ended.has(ending.id)) return;
    const prefix = `ending "${ending.id}" can never be reached`;
    if (ending.when === undefined) {
      r.error(
        ['endings', i, 'id'],
        `${prefix}: it is not the default, has no "when", and no reachable phase ends with it`,
      );
      return;
    }
    const never = sat.whyNever(ending.when, ['endings', i, 'when']);
    if (never !== undefined) r.error(never.path, `${prefix}: ${never.reason}`);
  });
}

/** Warnings for transition and inject conditions that can never hold. */
export function checkDeadConditions(index: Index, graph: PhaseGraph, sat: Satisfiability, r: Resolver): void {
  const warn = (when: Parameters<Satisfiability['whyNever']>[0], path: Path): void => {
    const never = sat.whyNever(when, path);
    if (never !== undefined) r.ctx.report('warning', never.path, `this condition can never hold: ${never.reason}`);
  };
  for (const [id, { phase, path }] of index.phases) {
    if (graph.reachable.has(id))
      phase.transitions.forEach((t, i) => {
        warn(t.when, [...path, 'transitions', i, 'when']);
      });
  }
  index.scenario.injects.forEach((inject, i) => {
    if (inject.when !== undefined) warn(inject.when, ['injects', i, 'when']);
  });
}
