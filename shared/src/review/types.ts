/**
 * The after-action review's data: the timeline in words, time series of the world variables, the rule-compliance
 * table, the evaluators' observations beside the moments they refer to, and a summary. Plain JSON.
 */

import type { Audience, ExerciseOptions, GameMs, JournalKind, Observation } from '../engine/types.ts';
import type { ObservationRating } from '../protocol/commands.ts';
import type { Role } from '../protocol/roles.ts';

/** Who the review is for: control sees everything, an evaluator what concerns the delegations it watches. */
export type ReviewViewer = { readonly kind: 'facilitator' } | Extract<Role, { kind: 'evaluator' }>;

export type ReviewOptions = ExerciseOptions & { readonly viewer?: ReviewViewer | undefined };

export type ReviewActorKind = 'facilitator' | 'delegation' | 'evaluator' | 'observer' | 'system';

export type ReviewEntry = {
  readonly seq: number;
  readonly at: GameMs;
  readonly kind: JournalKind;
  /** Who sent the event: its role, and the delegation for a delegation's seat (null when hidden: deniable). */
  readonly actor: { readonly role: ReviewActorKind; readonly delegation: string | null };
  /** The party the entry is by (a delegation or simulated party), null for control or when hidden. */
  readonly by: string | null;
  /** A display name for who acted (a party's name, "control", "phase", "text", "world"). */
  readonly who: string;
  readonly to: readonly string[];
  /** Inject channel (intel, news…) or message channel (public, group:<id>, bilateral, team, broadcast); null otherwise. */
  readonly channel: string | null;
  readonly audience: Audience;
  readonly ref: string | null;
  readonly text: string;
};

export type TimelineFilter = { readonly delegation?: string | undefined; readonly channel?: string | undefined };

export type SeriesPoint = { readonly seq: number; readonly at: GameMs; readonly value: number };

export type VariableSeries = {
  readonly id: string;
  readonly label: string;
  readonly scope: 'world' | 'pair';
  readonly min: number;
  readonly max: number;
  /** The world value, or the overall value of a per-pair variable (empty when the viewer may not see it). */
  readonly overall: readonly SeriesPoint[];
  readonly pairs: readonly { readonly between: readonly [string, string]; readonly points: readonly SeriesPoint[] }[];
};

export type ComplianceRow = {
  readonly seq: number;
  readonly at: GameMs;
  readonly kind: 'met' | 'missed' | 'breach' | 'open';
  readonly rule: string;
  readonly ruleTitle: string;
  readonly mode: string;
  readonly party: string;
  readonly against: string | null;
  readonly action: string;
  readonly openedAt: GameMs | null;
  readonly dueAt: GameMs | null;
  /** For a deadline met: how long the answer took. */
  readonly responseMs: GameMs | null;
  readonly norms: readonly string[];
  readonly cbms: readonly number[];
};

export type ComplianceTotals = {
  readonly met: number;
  readonly missed: number;
  readonly open: number;
  readonly breaches: number;
  readonly meanResponseMs: number | null;
};

export type Compliance = {
  readonly rows: readonly ComplianceRow[];
  readonly byDelegation: readonly ({ readonly delegation: string } & ComplianceTotals)[];
  readonly totals: ComplianceTotals;
};

export type ReviewObservation = Observation & {
  readonly objectiveTitle: string | null;
  readonly injectTitle: string | null;
  /** The timeline moment it refers to: the delivery of the inject it names, else the nearest earlier entry. */
  readonly anchor: { readonly seq: number; readonly at: GameMs; readonly text: string } | null;
};

export type ReviewSummary = {
  readonly scenario: string;
  readonly title: string;
  readonly status: string;
  readonly ending: {
    readonly id: string | null;
    readonly title: string | null;
    readonly how: string;
    readonly at: GameMs;
  } | null;
  readonly startedAt: GameMs | null;
  /** From the start of play to the last event (game ms). */
  readonly durationMs: GameMs;
  readonly events: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly ratings: Readonly<Record<ObservationRating, number>>;
};

export type Review = {
  readonly viewer: ReviewViewer;
  readonly timeline: readonly ReviewEntry[];
  readonly series: readonly VariableSeries[];
  readonly compliance: Compliance;
  readonly observations: readonly ReviewObservation[];
  readonly summary: ReviewSummary;
};
