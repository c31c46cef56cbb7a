/**
 * Which text the draft's current parse is of. `validate()` and `load()` set `parsed` from the text of that moment,
 * so the text seen when `parsed` changes is the one parsed: callers skip a parse of the same text again (a parse of
 * a large scenario takes a tenth of a second or more on a weak laptop) and lint exactly the text parsed.
 */
import { draft } from '../draft.ts';

let parsedFor: string | null = draft.getState().parsed === null ? null : draft.getState().source;

draft.subscribe((state, previous) => {
  if (state.parsed !== previous.parsed) parsedFor = state.parsed === null ? null : state.source;
});

/** The text `draft.parsed` was computed from (null before any parse). */
export const parsedSource = (): string | null => parsedFor;
