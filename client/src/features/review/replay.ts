/**
 * The replay scrubber over the review: the exercise as a role saw it right after any event (its phase, the game
 * clock, whether play ran, the entries of the timeline that reached it, and for control the world variables), and
 * the stops the step buttons and "play" move between (the events that left a line in the timeline).
 */
import type { Review, ReviewEntry } from '@parley/shared/review/types.ts';
import { valueAt } from './chart.ts';

/** Whose eyes: control (everything in this review), one delegation, or the public (observers, projector). */
export type ReplayRole =
  | { readonly kind: 'control' }
  | { readonly kind: 'delegation'; readonly delegation: string }
  | { readonly kind: 'observer' };

export type ReplayStatus = 'setup' | 'running' | 'paused' | 'ended';

export type ReplayFrame = {
  readonly seq: number;
  readonly at: number;
  readonly status: ReplayStatus;
  readonly phase: string | null;
  /** The entries this role had seen by then, newest first. */
  readonly seen: readonly ReviewEntry[];
  /** The entry of this very event, when this role saw it. */
  readonly current: ReviewEntry | null;
  /** Control only: each variable's value then (world value or overall value of a per-pair one). */
  readonly variables: readonly { readonly id: string; readonly label: string; readonly value: number | null }[] | null;
};

/** Whether a timeline entry reached the role (control sees every entry of the review). */
export function seenBy(entry: ReviewEntry, role: ReplayRole): boolean {
  const a = entry.audience;
  if (role.kind === 'control' || a.kind === 'public') return true;
  return role.kind === 'delegation' && a.kind === 'parties' && a.parties.includes(role.delegation);
}

/** The title a phase entry names (“…”), else its id. */
export function phaseTitle(entry: ReviewEntry): string {
  return /“(.+)”/.exec(entry.text)?.[1] ?? entry.ref ?? entry.text;
}

const STATUS_OF: Partial<Record<ReviewEntry['kind'], ReplayStatus>> = {
  'exercise.started': 'running',
  'exercise.paused': 'paused',
  'exercise.resumed': 'running',
  'exercise.ended': 'ended',
};

/** The number of timeline entries with seq ≤ `seq` (the timeline is in seq order). */
export function countUpTo(timeline: readonly ReviewEntry[], seq: number): number {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timeline[mid] as ReviewEntry).seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function frameAt(review: Review, role: ReplayRole, seq: number): ReplayFrame {
  const upTo = review.timeline.slice(0, countUpTo(review.timeline, seq));
  let status: ReplayStatus = 'setup';
  let phase: string | null = null;
  for (const e of upTo) {
    status = STATUS_OF[e.kind] ?? status;
    if (e.kind === 'phase.entered') phase = phaseTitle(e);
  }
  const last = upTo.at(-1);
  const seen = upTo.filter((e) => seenBy(e, role)).reverse();
  const current = seen[0]?.seq === seq ? (seen[0] as ReviewEntry) : null;
  const variables =
    role.kind === 'control'
      ? review.series.map((v) => ({ id: v.id, label: v.label, value: valueAt(v.overall, seq) }))
      : null;
  return { seq, at: last?.at ?? review.summary.startedAt ?? 0, status, phase, seen, current, variables };
}

/** The events a role can step between: those that left a line it saw, and 0 (before anything happened). */
export function stopsFor(review: Review, role: ReplayRole): number[] {
  const stops = new Set<number>([0]);
  for (const e of review.timeline) if (seenBy(e, role)) stops.add(e.seq);
  return [...stops].sort((a, b) => a - b);
}

/** The next stop after `seq` (dir 1) or the one before it (dir -1); `seq` itself when there is none. */
export function step(stops: readonly number[], seq: number, dir: 1 | -1): number {
  if (dir === 1) return stops.find((s) => s > seq) ?? seq;
  for (let i = stops.length - 1; i >= 0; i--) if ((stops[i] as number) < seq) return stops[i] as number;
  return seq;
}
