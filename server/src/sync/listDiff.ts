/**
 * Bring a synced list (an `ArraySchema<Entry>`) from its previous entries to the next ones with few operations:
 * an item whose JSON changed gets only its `json` rewritten, new items at the end are appended, and unchanged items
 * send nothing. From the first position where the keys differ (an item removed or inserted in the middle, a
 * reordering: rare, since most lists only grow) the entries are rewritten in place, and the list grows or shrinks
 * at its end.
 *
 * Why only in-place writes and operations at the end: @colyseus/schema 5.0.34 decodes an insertion into an array
 * under a `StateView`-filtered parent (`splice(i, 0, x)`, `unshift`) as an append, so the client would hold another
 * order than the server; field writes, `push` and removal at the end are plain. listDiff.test.ts checks what the
 * client decodes against random edits (and fails with insertions).
 */
import type { ArraySchema } from '@colyseus/schema';
import type { DocEntry } from '@parley/shared/sync/flatten.ts';
import { Entry } from './schema.ts';

/** Items new to the list and items gone from it (by key), and the entries rewritten in place. */
export type ListChanges = { added: number; removed: number; rewritten: number };

const entryOf = (e: DocEntry) => new Entry({ key: e.key, json: e.json });

export function diffList(
  items: ArraySchema<Entry>,
  previous: readonly DocEntry[],
  next: readonly DocEntry[],
  changes: ListChanges,
): void {
  if (sameEntries(previous, next)) return;
  const before = new Set(previous.map((e) => e.key));
  const after = new Set(next.map((e) => e.key));
  for (const key of after) if (!before.has(key)) changes.added++;
  for (const key of before) if (!after.has(key)) changes.removed++;
  const shared = Math.min(previous.length, next.length);
  for (let i = 0; i < shared; i++) {
    const was = previous[i] as DocEntry;
    const wanted = next[i] as DocEntry;
    if (was.key === wanted.key && was.json === wanted.json) continue;
    const entry = items[i] as Entry;
    if (was.key !== wanted.key) entry.key = wanted.key;
    if (was.json !== wanted.json) entry.json = wanted.json;
    changes.rewritten++;
  }
  if (previous.length > next.length) items.splice(next.length, previous.length - next.length);
  else if (next.length > previous.length) items.push(...next.slice(previous.length).map(entryOf));
}

function sameEntries(a: readonly DocEntry[], b: readonly DocEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as DocEntry;
    const y = b[i] as DocEntry;
    if (x.key !== y.key || x.json !== y.json) return false;
  }
  return true;
}
