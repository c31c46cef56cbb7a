/**
 * `buildReview(compiled, events, options)`: the after-action review of an exercise from its event log, in one replay:
 * the timeline, the variables' time series, the rule-compliance table, the observations beside the moments they
 * refer to, and a summary. `options.viewer` restricts it to what an evaluator may see (default: control, all).
 */
import type { CompiledScenario } from '../engine/compile.ts';
import { observationsFor, watchedBy } from '../engine/observations.ts';
import { listForEach, mapForEach } from '../engine/persist.ts';
import { applyEvent, initialState } from '../engine/reducer.ts';
import type { ExerciseState } from '../engine/state.ts';
import type { ExerciseEvent } from '../engine/types.ts';
import { text } from '../wording/names.ts';
import { complianceOf } from './compliance.ts';
import { placeObservations } from './observations.ts';
import { SeriesRecorder } from './series.ts';
import { entriesOf, type ReviewLens } from './timeline.ts';
import type { Compliance, Review, ReviewEntry, ReviewOptions, ReviewSummary, ReviewViewer } from './types.ts';

const CONTROL: ReviewViewer = { kind: 'facilitator' };

export function lensOf(c: CompiledScenario, viewer: ReviewViewer): ReviewLens {
  return viewer.kind === 'facilitator' ? null : new Set(watchedBy(c, viewer.delegations));
}

function summaryOf(
  c: CompiledScenario,
  state: ExerciseState,
  events: number,
  timeline: readonly ReviewEntry[],
  compliance: Compliance,
  observations: Review['observations'],
): ReviewSummary {
  const counts: Record<string, number> = {};
  for (const e of timeline) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  let signed = 0;
  mapForEach(state.proposals, (p) => {
    if (p.status === 'signed') signed++;
  });
  const ratings = { met: 0, partially: 0, 'not-met': 0 };
  for (const o of observations) if (o.rating !== null) ratings[o.rating]++;
  const ending = state.ending;
  return {
    scenario: c.scenario.id,
    title: text(c, c.scenario.title),
    status: state.status,
    ending: ending
      ? {
          id: ending.id,
          title: ending.id ? text(c, c.endings.get(ending.id)?.title) || null : null,
          how: ending.how,
          at: ending.at,
        }
      : null,
    startedAt: state.startedAt,
    durationMs: state.startedAt === null ? 0 : Math.max(0, state.now - state.startedAt),
    events,
    counts: {
      ...counts,
      deadlinesMet: compliance.totals.met,
      deadlinesMissed: compliance.totals.missed,
      breaches: compliance.totals.breaches,
      observations: observations.length,
      proposalsSigned: signed,
    },
    ratings,
  };
}

export function buildReview(c: CompiledScenario, events: readonly ExerciseEvent[], options: ReviewOptions): Review {
  const viewer = options.viewer ?? CONTROL;
  const lens = lensOf(c, viewer);
  const series = new SeriesRecorder(c, lens);
  const timeline: ReviewEntry[] = [];
  let state = initialState(c, options);
  series.sample(state);
  for (const e of events) {
    const from = state.journal.size;
    state = applyEvent(c, state, e);
    for (const entry of entriesOf(c, state, e, from, lens)) timeline.push(entry);
    series.sample(state);
  }
  const adhoc = new Map<string, string>();
  listForEach(state.deliveries, (d) => {
    if (d.adhoc) adhoc.set(d.id, text(c, d.title));
  });
  const watched = lens === null ? null : [...lens];
  const observations = placeObservations(c, observationsFor(state, watched), timeline, adhoc);
  const compliance = complianceOf(c, state, lens);
  return {
    viewer,
    timeline,
    series: series.result(),
    compliance,
    observations,
    summary: summaryOf(c, state, events.length, timeline, compliance, observations),
  };
}
