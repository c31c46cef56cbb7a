/**
 * The protocol's plain constants (no zod), so that a client can size its forms without loading the validators:
 * the bounds of every command's texts and lists, and the observation ratings.
 */

export const LIMITS = {
  text: 4000,
  shortText: 280,
  targets: 12,
  params: 16,
  clauses: 40,
} as const;

/** How an evaluator rates what it observed against an objective (HSEEP: performed, partially, not performed). */
export const OBSERVATION_RATINGS = ['met', 'partially', 'not-met'] as const;
export type ObservationRating = (typeof OBSERVATION_RATINGS)[number];
