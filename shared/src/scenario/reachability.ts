/**
 * The phase graph: which phases play can reach (from the first top-level phase through transitions, onTimeout and
 * initial sub-phases) and, from the time boxes, the latest game minute at which each phase can still be active.
 * Transitions are assumed possible whenever their phase is active (conditions are not evaluated), so reachability
 * and time bounds err on the side of "possible"; the checks then report only what certainly cannot happen.
 */
import type { Path } from './diagnostics.ts';
import { ancestorsOf, type Index, initialChild } from './ids.ts';
import type { Resolver } from './resolver.ts';

export type PhaseGraph = {
  /** Phases play can enter. */
  reachable: ReadonlySet<string>;
  /** Latest game minute at which a reachable phase can still be active (Infinity: no bound). */
  latestActive: (phase: string) => number;
};

/** The phases entered, in order, when play moves from `from` to `to` (statechart semantics, see below). */
function enteredBy(index: Index, from: string | undefined, to: string): string[] {
  if (!index.phases.has(to)) return [];
  const kept = from === undefined ? new Set<string>() : new Set([from, ...ancestorsOf(index, from)]);
  // Moving to the source itself or to one of its parents re-enters that phase; otherwise the common parents stay.
  if (kept.has(to)) kept.clear();
  const entered: string[] = [];
  for (const id of [to, ...ancestorsOf(index, to)]) {
    if (kept.has(id)) break;
    entered.push(id);
  }
  let phase = index.phases.get(to)?.phase;
  while (phase !== undefined) {
    const child = initialChild(phase);
    phase = phase.phases.find((p) => p.id === child);
    if (phase !== undefined) entered.push(phase.id);
  }
  return entered;
}

function targetsOf(index: Index, id: string): string[] {
  const phase = index.phases.get(id)?.phase;
  if (phase === undefined) return [];
  const targets = phase.transitions.flatMap((t) => (t.to === undefined ? [] : [t.to]));
  if (phase.onTimeout?.to !== undefined) targets.push(phase.onTimeout.to);
  return targets;
}

export function analysePhases(index: Index): PhaseGraph {
  const cap = index.scenario.timeLimit ?? Number.POSITIVE_INFINITY;
  const entry = new Map<string, number>();
  const first = index.scenario.phases[0]?.id;
  if (first !== undefined) for (const id of enteredBy(index, undefined, first)) entry.set(id, 0);

  const latestActive = (id: string): number => {
    let bound = cap;
    for (const q of [id, ...ancestorsOf(index, id)]) {
      const phase = index.phases.get(q)?.phase;
      const entered = entry.get(q);
      if (phase?.onTimeout !== undefined && phase.timebox !== undefined && entered !== undefined) {
        bound = Math.min(bound, entered + phase.timebox);
      }
    }
    return bound;
  };

  // Longest-path relaxation; a phase still getting later after |phases| rounds is on a loop: no bound.
  const n = index.phases.size;
  for (let round = 0; round < 3 * n + 3; round++) {
    let changed = false;
    for (const [source] of [...entry]) {
      const leaving = latestActive(source);
      for (const target of targetsOf(index, source)) {
        for (const id of enteredBy(index, source, target)) {
          const before = entry.get(id) ?? Number.NEGATIVE_INFINITY;
          if (leaving > before) {
            entry.set(id, round > n ? Number.POSITIVE_INFINITY : leaving);
            changed = true;
          }
        }
      }
    }
    if (!changed) break;
  }
  return { reachable: new Set(entry.keys()), latestActive };
}

/** Unreachable phases (only the outermost of an unreachable subtree) and injects that would arrive too late. */
export function checkReachability(index: Index, graph: PhaseGraph, r: Resolver): void {
  for (const [id, { path, parent }] of index.phases) {
    if (graph.reachable.has(id) || (parent !== undefined && !graph.reachable.has(parent))) continue;
    const how =
      parent === undefined
        ? 'no transition or onTimeout from a reachable phase leads to it'
        : `it is not the initial sub-phase of "${parent}" and no transition or onTimeout from a reachable phase leads to it`;
    r.error([...path, 'id'], `phase "${id}" can never be entered: ${how}`);
  }
  index.scenario.injects.forEach((inject, i) => {
    const path: Path = ['injects', i];
    const entered = inject.onEnter === undefined ? undefined : index.phases.get(inject.onEnter)?.phase;
    if (entered?.onTimeout !== undefined && entered.timebox !== undefined && inject.delay >= entered.timebox) {
      const timing = `"${entered.id}" times out after ${entered.timebox} minutes, before this inject's delay of ${inject.delay} runs out`;
      if (inject.phase === entered.id) r.error([...path, 'delay'], `${timing}: it would lapse`);
      else if (inject.phase === undefined) {
        r.ctx.report('warning', [...path, 'delay'], `${timing}: it will arrive in a later phase`);
      }
    }
    if (inject.at !== undefined && inject.phase !== undefined && graph.reachable.has(inject.phase)) {
      const latest = graph.latestActive(inject.phase);
      if (inject.at > latest) {
        r.error(
          [...path, 'at'],
          `phase "${inject.phase}" is over by minute ${latest} at the latest, so this inject (minute ${inject.at}) would lapse`,
        );
      }
    }
  });
}
