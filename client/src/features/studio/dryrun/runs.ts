/**
 * The dry run's pure parts: the jobs a run or a comparison asks the worker for, one run played and reduced to what
 * the page shows, and a comparison's aggregate (runs per ending, endings no run reached).
 */
import { cycle, DEFAULT_MIX, type PolicyName, simulate } from '@parley/shared/bots/index.ts';
import { endingSummary, type RunSummary, summarize } from '@parley/shared/bots/summary.ts';
import { type TimelineLine, timeline } from '@parley/shared/bots/timeline.ts';
import type { CompiledScenario } from '@parley/shared/engine/compile.ts';
import { MINUTE } from '@parley/shared/engine/types.ts';
import type { Scenario } from '@parley/shared/scenario/schema.ts';
import { lintPolicyAssignments } from '@parley/shared/studio/lint.ts';

/** Policies by delegation id. */
export type Mix = Readonly<Record<string, PolicyName>>;

export type RunJob = { readonly mix: string; readonly policies: Mix; readonly seed: number };

export type RunOutcome = {
  readonly mix: string;
  readonly seed: number;
  /** The ending reached (null: none, the facilitator ended play). */
  readonly ending: string | null;
  readonly how: string | null;
  /** Game minute the run ended. */
  readonly minute: number;
  readonly breaches: number;
  readonly missed: number;
  readonly met: number;
};

export type RunDetail = {
  readonly outcome: RunOutcome;
  readonly timeline: readonly TimelineLine[];
  readonly summary: RunSummary;
  readonly narrative: string;
};

export type WorkerRequest =
  | { readonly kind: 'single'; readonly scenario: Scenario; readonly job: RunJob }
  | { readonly kind: 'compare'; readonly scenario: Scenario; readonly jobs: readonly RunJob[] };

export type WorkerMessage =
  | { readonly kind: 'progress'; readonly done: number; readonly total: number; readonly outcome: RunOutcome }
  | { readonly kind: 'detail'; readonly detail: RunDetail }
  | { readonly kind: 'done' }
  | { readonly kind: 'error'; readonly message: string };

/** The named mixes a comparison tries (as the lint's bot search does), each as explicit policies per delegation. */
export function standardMixes(delegations: readonly string[]): { key: string; policies: Mix }[] {
  return lintPolicyAssignments(delegations).map(([key, choice]) => {
    const policies: Mix =
      choice === undefined
        ? cycle(delegations, DEFAULT_MIX)
        : typeof choice === 'string'
          ? cycle(delegations, [choice as PolicyName])
          : (choice as Mix);
    return { key, policies };
  });
}

const sameMix = (a: Mix, b: Mix) => Object.keys(a).every((k) => a[k] === b[k]);

/** The comparison: the reader's own mix first (unless it is one of the standard ones), then the standard mixes, × seeds. */
export function compareJobs(delegations: readonly string[], own: Mix, seeds: readonly number[]): RunJob[] {
  const standard = standardMixes(delegations);
  const mixes = standard.some((m) => sameMix(m.policies, own))
    ? standard
    : [{ key: 'yours', policies: own }, ...standard];
  return mixes.flatMap((m) => seeds.map((seed) => ({ mix: m.key, policies: m.policies, seed })));
}

/** Seeds 1..n. */
export const seedsUpTo = (n: number): number[] => Array.from({ length: Math.max(1, Math.floor(n)) }, (_, i) => i + 1);

export function playRun(c: CompiledScenario, job: RunJob, detail: true): RunDetail;
export function playRun(c: CompiledScenario, job: RunJob, detail: false): RunOutcome;
export function playRun(c: CompiledScenario, job: RunJob, detail: boolean): RunDetail | RunOutcome {
  const run = simulate(c, { seed: job.seed, policies: job.policies });
  const summary = summarize(c, run.events, run.state, { sent: run.sent, refused: run.refusals.length });
  const outcome: RunOutcome = {
    mix: job.mix,
    seed: job.seed,
    ending: run.ending?.id ?? null,
    how: run.ending?.how ?? null,
    minute: Math.round(((run.ending?.at ?? run.state.now ?? 0) / MINUTE) * 10) / 10,
    breaches: summary.breaches,
    missed: summary.deadlines.missed,
    met: summary.deadlines.met,
  };
  if (!detail) return outcome;
  return {
    outcome,
    timeline: timeline(c, run.events, { seed: job.seed }),
    summary,
    narrative: endingSummary(c, run.state)?.narrative ?? '',
  };
}

export type Aggregate = {
  /** Runs per ending, in the scenario's order of endings, then runs with no ending (id null). */
  readonly counts: readonly { readonly ending: string | null; readonly runs: number }[];
  /** Endings no run reached, in scenario order. */
  readonly unreached: readonly string[];
  /** Runs by mix (in the order first seen), each by seed order. */
  readonly rows: readonly { readonly mix: string; readonly runs: readonly RunOutcome[] }[];
  readonly total: number;
};

export function aggregate(outcomes: readonly RunOutcome[], endings: readonly string[]): Aggregate {
  const count = new Map<string | null, number>();
  for (const o of outcomes) count.set(o.ending, (count.get(o.ending) ?? 0) + 1);
  const counts = [
    ...endings.filter((id) => count.has(id)).map((id) => ({ ending: id, runs: count.get(id) ?? 0 })),
    ...[...count.keys()]
      .filter((id) => id !== null && !endings.includes(id))
      .map((id) => ({ ending: id, runs: count.get(id) ?? 0 })),
    ...(count.has(null) ? [{ ending: null, runs: count.get(null) ?? 0 }] : []),
  ];
  const rows = new Map<string, RunOutcome[]>();
  for (const o of outcomes) rows.set(o.mix, [...(rows.get(o.mix) ?? []), o]);
  return {
    counts,
    unreached: endings.filter((id) => !count.has(id)),
    rows: [...rows].map(([mix, runs]) => ({ mix, runs: [...runs].sort((a, b) => a.seed - b.seed) })),
    total: outcomes.length,
  };
}
