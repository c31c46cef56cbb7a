/**
 * The synced form of a view (the "doc"), shared by the server, which diffs it into Colyseus schema, and the client,
 * which rebuilds the view from it (`assembleView`). A view's top-level fields split in two:
 * - `lists`: every array of objects (injects, messages, actions, timeline, pings, proposals, ledger, …), each item
 *   JSON-encoded under a key that stays the same while the item exists (its `id`, else its `seq`, else its position;
 *   a repeated key gets `~1`, `~2`… in order), so a new item is an append and a changed item a replacement;
 * - `sections`: every other field (clock, ending, briefing, ladder, …), JSON-encoded whole.
 * The nested delegation views of the facilitator and evaluator views are flattened under `delegations/<id>/<field>`,
 * and the section `delegations` holds their ids in order. Most of a nested view repeats the outer one (the same
 * injects, messages, timeline lines, clock…) or an earlier nested one (the same catalogue actions, templates, public
 * actions): a nested section or entry equal to the outer one of the same name (and key) is written `=`, and one
 * equal to that of an earlier nested view `=<its delegation id>`, instead of its JSON (which never starts with `=`).
 */
import type { View } from '../engine/viewTypes.ts';

export type DocEntry = { readonly key: string; readonly json: string };

export type FlatDoc = {
  readonly sections: Readonly<Record<string, string>>;
  readonly lists: Readonly<Record<string, readonly DocEntry[]>>;
};

/** The field of a control view that holds nested delegation views, and the property that names each. */
export const NESTED_FIELD = 'delegations';
export const NESTED_ID = 'delegation';
export const PATH_SEPARATOR = '/';
/** Starts a reference: `=` alone, the outer section or entry; `=<id>`, the one of nested view <id>. */
export const SAME = '=';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An array of objects (an empty array too: it assembles back to an empty array either way). */
export const isList = (value: unknown): value is readonly Json[] => Array.isArray(value) && value.every(isRecord);

function baseKey(item: Json, index: number): string {
  if (typeof item.id === 'string') return item.id;
  if (typeof item.seq === 'number') return String(item.seq);
  return `@${index}`;
}

/** The key of each item: its id, else its seq, else `@index`; the n-th repeat of a key gets `~n`. */
export function entryKeys(items: readonly Json[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item, index) => {
    const base = baseKey(item, index);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}~${count}`;
  });
}

function isNestedViews(field: string, value: unknown): value is readonly Json[] {
  return field === NESTED_FIELD && isList(value) && value.every((v) => typeof v[NESTED_ID] === 'string');
}

/** What a nested view may refer to instead of repeating it: the outer view's values, and earlier nested views'. */
type Refs = {
  readonly outer: ReadonlyMap<string, string>;
  /** The first literal JSON each field (and key) had in a nested view, and which view. */
  readonly earlier: Map<string, { readonly id: string; readonly json: string }>;
};

const refKey = (field: string, key: string | null) => (key === null ? field : `${field}\n${key}`);

function compact(refs: Refs | null, id: string, field: string, key: string | null, json: string): string {
  if (refs === null) return json;
  const at = refKey(field, key);
  if (refs.outer.get(at) === json) return SAME;
  const first = refs.earlier.get(at);
  if (first === undefined) refs.earlier.set(at, { id, json });
  else if (first.json === json && json.length > SAME.length + first.id.length) return SAME + first.id;
  return json;
}

function flattenInto(
  view: Json,
  prefix: string,
  refs: Refs | null,
  sections: Record<string, string>,
  lists: Record<string, DocEntry[]>,
): void {
  const nested: Json[] = [];
  const id = String(view[NESTED_ID]);
  for (const [field, value] of Object.entries(view)) {
    if (value === undefined) continue;
    const path = prefix + field;
    if (refs === null && isNestedViews(field, value)) {
      sections[path] = JSON.stringify(value.map((v) => v[NESTED_ID]));
      nested.push(...value);
    } else if (isList(value)) {
      const keys = entryKeys(value);
      lists[path] = value.map((item, i) => {
        const key = keys[i] as string;
        return { key, json: compact(refs, id, field, key, JSON.stringify(item)) };
      });
    } else {
      sections[path] = compact(refs, id, field, null, JSON.stringify(value));
    }
  }
  if (nested.length === 0) return;
  const outer = new Map<string, string>();
  for (const [field, json] of Object.entries(sections)) outer.set(refKey(field, null), json);
  for (const [field, entries] of Object.entries(lists))
    for (const e of entries) outer.set(refKey(field, e.key), e.json);
  const inner: Refs = { outer, earlier: new Map() };
  for (const view of nested) {
    const at = `${prefix}${NESTED_FIELD}${PATH_SEPARATOR}${view[NESTED_ID]}${PATH_SEPARATOR}`;
    flattenInto(view, at, inner, sections, lists);
  }
}

/** A view as sections and keyed lists of JSON strings. */
export function flattenView(view: View): FlatDoc {
  const sections: Record<string, string> = {};
  const lists: Record<string, DocEntry[]> = {};
  flattenInto(view as unknown as Json, '', null, sections, lists);
  return { sections, lists };
}

/**
 * The view a role's doc holds. Every seat of a delegation shares one doc, so a delegation doc's `seat` is null (the
 * client knows its own seat); every other view is unchanged.
 */
export function docView(view: View): View {
  return view.role === 'delegation' && view.seat !== null ? { ...view, seat: null } : view;
}
