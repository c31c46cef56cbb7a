/**
 * The client's side of the synced doc (see `flatten.ts`): parse the sections, parse each list's entries in order,
 * and put the nested delegation views back together, resolving their references (`=`: the outer section or entry of
 * the same name and key; `=<id>`: that of nested view <id>). It reads plain records, arrays, Maps and the decoded
 * Colyseus collections alike, so the web client can pass its decoded `ViewDoc` as is. Pure: no Colyseus here.
 *
 * `createViewAssembler()` is for a client that rebuilds its view after every patch: an entry or section whose JSON
 * did not change comes back as the very same object, so a store keeps identity where nothing changed (and does not
 * parse it again).
 */
import type { View } from '../engine/viewTypes.ts';
import { NESTED_FIELD, PATH_SEPARATOR, SAME } from './flatten.ts';

export type EntryLike = { readonly key: string; readonly json: string };

/** A map as pairs (a Map, a decoded MapSchema) or as a record. */
export type MapLike<V> = Iterable<readonly [string, V]> | Readonly<Record<string, V>>;

/** A list: its entries (an array, a decoded ArraySchema) or an object holding them in `items` (a decoded ViewList). */
export type ListLike = Iterable<EntryLike> | { readonly items: Iterable<EntryLike> };

export type DocLike = { readonly sections: MapLike<string>; readonly lists: MapLike<ListLike> };

type Json = Record<string, unknown>;
type Parse = (json: string) => unknown;

const isIterable = (value: unknown): value is Iterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.iterator in value;

function pairs<V>(map: MapLike<V>): Iterable<readonly [string, V]> {
  return isIterable(map) ? (map as Iterable<readonly [string, V]>) : Object.entries(map);
}

function entries(list: ListLike): Iterable<EntryLike> {
  return isIterable(list) ? list : list.items;
}

/** Where a flattened path goes: a top-level field, or a field of a nested view `delegations/<id>/<field>`. */
function place(path: string): { nested: string | null; field: string } {
  const prefix = `${NESTED_FIELD}${PATH_SEPARATOR}`;
  if (!path.startsWith(prefix)) return { nested: null, field: path };
  const rest = path.slice(prefix.length);
  const cut = rest.indexOf(PATH_SEPARATOR);
  return cut < 0 ? { nested: null, field: path } : { nested: rest.slice(0, cut), field: rest.slice(cut + 1) };
}

/** One view's sections and lists, as JSON (a nested view's may hold references). */
type Parts = {
  sections: Map<string, string>;
  lists: Map<string, EntryLike[]>;
  byKey: Map<string, Map<string, string>>;
};

const emptyParts = (): Parts => ({ sections: new Map(), lists: new Map(), byKey: new Map() });

function entryJson(parts: Parts | undefined, field: string, key: string): string | undefined {
  if (!parts) return undefined;
  let byKey = parts.byKey.get(field);
  if (!byKey) {
    byKey = new Map((parts.lists.get(field) ?? []).map((e) => [e.key, e.json]));
    parts.byKey.set(field, byKey);
  }
  return byKey.get(key);
}

function split(doc: DocLike): { outer: Parts; nested: Map<string, Parts> } {
  const outer = emptyParts();
  const nested = new Map<string, Parts>();
  const partsOf = (id: string | null): Parts => {
    if (id === null) return outer;
    const parts = nested.get(id) ?? emptyParts();
    nested.set(id, parts);
    return parts;
  };
  for (const [path, json] of pairs(doc.sections)) {
    const { nested: id, field } = place(path);
    partsOf(id).sections.set(field, json);
  }
  for (const [path, list] of pairs(doc.lists)) {
    const { nested: id, field } = place(path);
    partsOf(id).lists.set(field, Array.from(entries(list)));
  }
  return { outer, nested };
}

function assembleWith(doc: DocLike, parse: Parse): View {
  const { outer, nested } = split(doc);
  /** The JSON a nested value stands for: itself, or the outer (or an earlier nested) value it refers to. */
  const resolve = (json: string, field: string, key: string | null): string => {
    if (!json.startsWith(SAME)) return json;
    const from = json === SAME ? outer : nested.get(json.slice(SAME.length));
    const target = key === null ? from?.sections.get(field) : entryJson(from, field, key);
    if (target === undefined || target.startsWith(SAME))
      throw new Error(`The synced view refers to a missing ${key === null ? field : `${field} entry ${key}`}`);
    return target;
  };
  const build = (parts: Parts, nestedView: boolean): Json => {
    const out: Json = {};
    const value = (json: string, field: string, key: string | null) =>
      parse(nestedView ? resolve(json, field, key) : json);
    for (const [field, json] of parts.sections) out[field] = value(json, field, null);
    for (const [field, items] of parts.lists) out[field] = items.map((e) => value(e.json, field, e.key));
    return out;
  };
  const view = build(outer, false);
  const ids = view[NESTED_FIELD];
  if (Array.isArray(ids) && ids.every((id) => typeof id === 'string'))
    view[NESTED_FIELD] = ids.map((id) => build(nested.get(id) ?? emptyParts(), true));
  return view as unknown as View;
}

/** Rebuild the view a doc holds. */
export function assembleView(doc: DocLike): View {
  return assembleWith(doc, (json) => JSON.parse(json));
}

/** An assembler that returns the previous objects for every section and entry whose JSON did not change. */
export function createViewAssembler(): (doc: DocLike) => View {
  let previous = new Map<string, unknown>();
  return (doc) => {
    const current = new Map<string, unknown>();
    const view = assembleWith(doc, (json) => {
      if (current.has(json)) return current.get(json);
      const value = previous.has(json) ? previous.get(json) : JSON.parse(json);
      current.set(json, value);
      return value;
    });
    previous = current;
    return view;
  };
}
