/**
 * Observations placed beside the timeline: each is anchored to the delivery of the inject it names (the latest one
 * before it), else to the nearest earlier entry about its delegation, else to the nearest earlier entry.
 */
import type { CompiledScenario } from '../engine/compile.ts';
import type { Observation } from '../engine/types.ts';
import { text } from '../wording/names.ts';
import type { ReviewEntry, ReviewObservation } from './types.ts';

const involves = (e: ReviewEntry, d: string) => e.by === d || e.actor.delegation === d || e.to.includes(d);

/** The last entry before `seq` that passes `keep` (the timeline is in seq order: binary search, then walk back). */
function lastBefore(timeline: readonly ReviewEntry[], seq: number, keep: (e: ReviewEntry) => boolean) {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timeline[mid] as ReviewEntry).seq < seq) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const e = timeline[i] as ReviewEntry;
    if (e.kind !== 'observation.recorded' && keep(e)) return e;
  }
  return undefined;
}

export function placeObservations(
  c: CompiledScenario,
  observations: readonly Observation[],
  timeline: readonly ReviewEntry[],
  adhocTitles: ReadonlyMap<string, string>,
): ReviewObservation[] {
  return observations.map((o) => {
    const byInject =
      o.inject === null
        ? undefined
        : lastBefore(timeline, o.seq, (e) => e.kind === 'inject.delivered' && e.ref === o.inject);
    const about = o.delegation;
    const anchor =
      byInject ??
      (about === null ? undefined : lastBefore(timeline, o.seq, (e) => involves(e, about))) ??
      lastBefore(timeline, o.seq, () => true);
    const objective = c.scenario.objectives.find((x) => x.id === o.objective);
    const inject = o.inject === null ? undefined : c.injects.get(o.inject);
    return {
      ...o,
      objectiveTitle: objective ? text(c, objective.title) : null,
      injectTitle: inject ? text(c, inject.title) : o.inject === null ? null : (adhocTitles.get(o.inject) ?? null),
      anchor: anchor ? { seq: anchor.seq, at: anchor.at, text: anchor.text } : null,
    };
  });
}
