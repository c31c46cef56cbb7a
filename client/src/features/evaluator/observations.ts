/**
 * The evaluator console's logic, without React: the observation form's draft turned into `observation.record`, the
 * choices it offers (objectives, injects the watched delegations received), and the filters of the list.
 */
import type { Delivery, Observation } from '@parley/shared/engine/types.ts';
import type { EvaluatorView } from '@parley/shared/engine/viewTypes.ts';
import type { Command, ObservationRating } from '@parley/shared/protocol/commands.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';

/** An exercise objective as the evaluator picks it (norm and CBM tags from the scenario). */
export type ObjectiveCard = {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText | null;
  readonly norms?: readonly string[];
  readonly cbms?: readonly number[];
};

/**
 * The scenario's objectives, when the view carries them (`objectives` on the evaluator's view; until the engine
 * projects them an evaluator can still record observations, without an objective).
 */
export function objectivesOf(view: EvaluatorView): readonly ObjectiveCard[] {
  const carried = (view as EvaluatorView & { readonly objectives?: readonly ObjectiveCard[] }).objectives;
  return Array.isArray(carried) ? carried : [];
}

/** What the form holds: '' means "none" for each choice. */
export type ObservationDraft = {
  readonly text: string;
  readonly rating: ObservationRating | '';
  readonly objective: string;
  readonly inject: string;
  readonly delegation: string;
};

export const EMPTY_DRAFT: ObservationDraft = { text: '', rating: '', objective: '', inject: '', delegation: '' };

/** The command the draft records, or null while there is nothing to say. */
export function observationCommand(draft: ObservationDraft): Command | null {
  const text = draft.text.trim();
  if (text === '') return null;
  return {
    type: 'observation.record',
    text,
    rating: draft.rating === '' ? null : draft.rating,
    ...(draft.objective ? { objective: draft.objective } : {}),
    ...(draft.inject ? { inject: draft.inject } : {}),
    ...(draft.delegation ? { delegation: draft.delegation } : {}),
  };
}

/** After recording: the text is cleared and the rating too (each observation earns its own); the rest stays. */
export const afterRecording = (draft: ObservationDraft): ObservationDraft => ({ ...draft, text: '', rating: '' });

/** Every inject the evaluator can tie an observation to: public ones and those its delegations got, newest first. */
export function injectChoices(view: EvaluatorView): Delivery[] {
  const byId = new Map<string, Delivery>();
  for (const d of [...view.injects, ...view.delegations.flatMap((v) => v.injects)]) {
    if (!byId.has(d.id)) byId.set(d.id, d);
  }
  return [...byId.values()].sort((a, b) => b.seq - a.seq);
}

/** The list's filters: '' shows all; `general` (delegation) the observations about no delegation; `none` unrated. */
export type ObservationFilter = {
  readonly delegation: string;
  readonly rating: ObservationRating | 'none' | '';
  readonly objective: string;
};

export const NO_FILTER: ObservationFilter = { delegation: '', rating: '', objective: '' };
export const GENERAL = 'general';

export function filterObservations(list: readonly Observation[], filter: ObservationFilter): Observation[] {
  return list
    .filter((o) => {
      if (filter.delegation === GENERAL && o.delegation !== null) return false;
      if (filter.delegation && filter.delegation !== GENERAL && o.delegation !== filter.delegation) return false;
      if (filter.rating === 'none' && o.rating !== null) return false;
      if (filter.rating && filter.rating !== 'none' && o.rating !== filter.rating) return false;
      if (filter.objective && o.objective !== filter.objective) return false;
      return true;
    })
    .sort((a, b) => b.seq - a.seq);
}

export const isFiltered = (filter: ObservationFilter) =>
  filter.delegation !== '' || filter.rating !== '' || filter.objective !== '';
