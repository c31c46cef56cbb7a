/**
 * Ending play: which ending the picker starts on (the scenario's default, else none named) and the `exercise.end`
 * command it sends.
 */
import type { EndingCard } from '@parley/shared/engine/viewTypes.ts';
import type { FacilitatorCommand } from '@parley/shared/protocol/commands.ts';

type ExerciseEnd = Extract<FacilitatorCommand, { type: 'exercise.end' }>;

/** The picker's value for "close without naming an ending" (offered only when the scenario has no default). */
export const NO_ENDING = '';

/** The scenario's default ending, or none named when it has no default. */
export const initialEnding = (endings: readonly EndingCard[]): string =>
  endings.find((e) => e.default)?.id ?? NO_ENDING;

/** Whether the picker offers "close without naming an ending": only when no ending is the default. */
export const offersNoEnding = (endings: readonly EndingCard[]): boolean => !endings.some((e) => e.default);

export function endCommand(ending: string, note: string): ExerciseEnd {
  const trimmed = note.trim();
  return {
    type: 'exercise.end',
    ...(ending !== NO_ENDING ? { ending } : {}),
    ...(trimmed !== '' ? { note: trimmed } : {}),
  };
}
