/**
 * What the MSEL panel decides without React: which entries a facilitator can still act on, their order, and the
 * clock speeds on offer.
 */
import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';

/** The speeds the console offers (the protocol allows 0.25 to 60). */
export const SPEEDS = [0.5, 1, 2, 4] as const;

/** How far "Jump" moves the clock, in game minutes. */
export const JUMP_MINUTES = 5;

/** An inject not yet delivered, skipped or lapsed can still be released or skipped. */
export const isOpen = (entry: MselEntry): boolean => entry.status === 'pending' || entry.status === 'scheduled';

/** Timed entries by due time, then the ones without a time (conditions, phase entries, manual) in scenario order. */
export function mselOrder(msel: readonly MselEntry[]): MselEntry[] {
  const due = (e: MselEntry) => e.dueAt ?? Number.POSITIVE_INFINITY;
  return msel
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => due(a.entry) - due(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}
