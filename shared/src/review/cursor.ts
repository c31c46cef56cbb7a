/**
 * The replay scrubber: the state after any event of the log and the view any role had at that moment. States are
 * kept every `every` events (cheap: they share structure), so a random jump replays fewer than `every` events from
 * the nearest checkpoint; stepping forward continues from the last position.
 */

import type { CompiledScenario } from '../engine/compile.ts';
import { applyEvent, initialState } from '../engine/reducer.ts';
import type { ExerciseState } from '../engine/state.ts';
import type { ExerciseEvent, ExerciseOptions } from '../engine/types.ts';
import { viewFor } from '../engine/view.ts';
import type { View } from '../engine/viewTypes.ts';
import type { Role } from '../protocol/roles.ts';

export const DEFAULT_CHECKPOINT_EVERY = 128;

export type ReviewCursor = {
  /** The number of events (the largest seq). */
  readonly length: number;
  /** The state right after event `seq` (0: before any event); out-of-range seqs are clamped. */
  stateAt(seq: number): ExerciseState;
  /** What `role` saw right after event `seq`. */
  viewAt(role: Role, seq: number): View;
};

export function reviewCursor(
  c: CompiledScenario,
  events: readonly ExerciseEvent[],
  options: ExerciseOptions & { readonly checkpointEvery?: number | undefined },
): ReviewCursor {
  const every = Math.max(1, Math.floor(options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY));
  const checkpoints: ExerciseState[] = [];
  let state = initialState(c, options);
  checkpoints.push(state);
  for (let i = 0; i < events.length; i++) {
    state = applyEvent(c, state, events[i] as ExerciseEvent);
    if ((i + 1) % every === 0) checkpoints.push(state);
  }
  let last = state;
  const stateAt = (seq: number): ExerciseState => {
    const target = Math.min(events.length, Math.max(0, Math.floor(seq)));
    const checkpoint = checkpoints[Math.floor(target / every)] as ExerciseState;
    let s = last.seq <= target && last.seq >= checkpoint.seq ? last : checkpoint;
    while (s.seq < target) s = applyEvent(c, s, events[s.seq] as ExerciseEvent);
    last = s;
    return s;
  };
  return {
    length: events.length,
    stateAt,
    viewAt: (role, seq) => viewFor(c, stateAt(seq), role),
  };
}
