/**
 * Give a client's `StateView` its doc. `docs` is a `.view()`-tagged map, so each doc is gated on its own: adding the
 * doc makes the doc and everything under it (sections, lists, entries, and entries added later) visible to that view
 * and nothing else in `docs`; the map itself needs no `add` (the encoder introduces it with the doc).
 */
import type { StateView } from '@colyseus/schema';
import type { ViewDoc } from './schema.ts';

export function grantDoc(view: StateView, doc: ViewDoc): void {
  if (!view.has(doc)) view.add(doc);
}

/** Take a doc back (a client moved to another role): the client receives the doc's removal. */
export function revokeDoc(view: StateView, doc: ViewDoc): void {
  if (view.has(doc)) view.remove(doc);
}
