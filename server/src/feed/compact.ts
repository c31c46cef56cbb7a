/**
 * What goes on the wire, built from the public picture only (pure functions): a snapshot is the observer view; an
 * update the small parts whole plus the list items newer than what was last sent; metrics the host's figures plus
 * clock, phase and the public escalation and trust values.
 */
import type { ExerciseStats, FeedMetrics, FeedSnapshot, FeedUpdate, PublicPictureAt } from './types.ts';

/** True when the view is the observer's projection: the only kind the feed ever sends. */
export const isPublicPicture = (p: PublicPictureAt) => p.view.role === 'observer';

export function snapshotOf(exerciseId: string, p: PublicPictureAt): FeedSnapshot {
  return { exerciseId, seq: p.seq, view: p.view };
}

const newer = <T extends { readonly seq: number }>(items: readonly T[], since: number) =>
  items.filter((item) => item.seq > since);

export function updateOf(exerciseId: string, p: PublicPictureAt, since: number): FeedUpdate {
  const v = p.view;
  return {
    exerciseId,
    since,
    seq: p.seq,
    clock: v.clock,
    phases: v.phases,
    variables: v.variables,
    seats: v.parties.map((party) => ({ id: party.id, seated: party.seated })),
    ending: v.ending,
    injects: newer(v.injects, since),
    messages: newer(v.messages, since),
    actions: newer(v.actions, since),
    rulings: newer(v.rulings, since),
    timeline: newer(v.timeline, since),
  };
}

/** Whether an update shows anything new compared with the previous one (an update nobody could see is not sent). */
export function isVisibleChange(update: FeedUpdate, previous: FeedUpdate | null): boolean {
  if (
    update.injects.length + update.messages.length + update.actions.length + update.rulings.length > 0 ||
    update.timeline.length > 0 ||
    previous === null
  ) {
    return true;
  }
  const shape = (u: FeedUpdate) => JSON.stringify([u.clock, u.phases, u.variables, u.seats, u.ending]);
  return shape(update) !== shape(previous);
}

const overall = (p: PublicPictureAt | null, id: string) => p?.view.variables.find((v) => v.id === id)?.value ?? null;

export function metricsOf(
  exerciseId: string,
  p: PublicPictureAt | null,
  stats: ExerciseStats,
  at: number,
): FeedMetrics {
  const clock = p?.view.clock ?? null;
  return {
    exerciseId,
    at,
    ...stats,
    status: clock?.status ?? null,
    clock: clock ? { now: clock.now, speed: clock.speed } : null,
    phase: p?.view.phases.at(-1)?.id ?? null,
    escalation: overall(p, 'escalation'),
    trust: overall(p, 'trust'),
  };
}
