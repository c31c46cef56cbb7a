/**
 * Small persistent (immutable, structurally shared) collections for the reducer, so that an event costs the same
 * whether it is the 10th or the 10,000th: an append-only chunked list (logs, timelines) and a keyed map with a fixed
 * two-level hash trie (pings, proposals, deadlines...). Both are plain JSON data (arrays and objects), so states
 * stay serialisable and deep-equal when built by the same sequence of operations.
 */

const CHUNK = 32;

/**
 * An append-only list: a tail of up to 32 items, the current block of up to 32 full chunks, and full blocks of
 * 32 × 32 items. Appending copies at most the tail, now and then a 32-slot block, and once per 1,024 items the list
 * of blocks, so appends stay cheap however long the list grows.
 */
export type AppendList<T> = {
  readonly size: number;
  readonly blocks: readonly (readonly (readonly T[])[])[];
  readonly chunks: readonly (readonly T[])[];
  readonly tail: readonly T[];
};

export function emptyList<T>(): AppendList<T> {
  return { size: 0, blocks: [], chunks: [], tail: [] };
}

export function append<T>(list: AppendList<T>, item: T): AppendList<T> {
  const size = list.size + 1;
  if (list.tail.length < CHUNK) return { size, blocks: list.blocks, chunks: list.chunks, tail: [...list.tail, item] };
  if (list.chunks.length < CHUNK)
    return { size, blocks: list.blocks, chunks: [...list.chunks, list.tail], tail: [item] };
  return { size, blocks: [...list.blocks, list.chunks], chunks: [list.tail], tail: [item] };
}

export function appendAll<T>(list: AppendList<T>, items: readonly T[]): AppendList<T> {
  let out = list;
  for (const item of items) out = append(out, item);
  return out;
}

const BLOCK = CHUNK * CHUNK;

export function listAt<T>(list: AppendList<T>, index: number): T | undefined {
  if (index < 0 || index >= list.size || !Number.isInteger(index)) return undefined;
  const block = Math.floor(index / BLOCK);
  if (block < list.blocks.length) return list.blocks[block]?.[Math.floor((index % BLOCK) / CHUNK)]?.[index % CHUNK];
  const rest = index - list.blocks.length * BLOCK;
  const chunk = Math.floor(rest / CHUNK);
  if (chunk < list.chunks.length) return list.chunks[chunk]?.[rest % CHUNK];
  return list.tail[rest - list.chunks.length * CHUNK];
}

export function listLast<T>(list: AppendList<T>): T | undefined {
  return listAt(list, list.size - 1);
}

/** Visit every item in order. */
export function listForEach<T>(list: AppendList<T>, visit: (item: T) => void): void {
  for (const block of list.blocks) for (const chunk of block) for (const item of chunk) visit(item);
  for (const chunk of list.chunks) for (const item of chunk) visit(item);
  for (const item of list.tail) visit(item);
}

export function toArray<T>(list: AppendList<T>): T[] {
  const out: T[] = [];
  listForEach(list, (item) => out.push(item));
  return out;
}

/** The items that pass `keep`, in order. */
export function listFilter<T>(list: AppendList<T>, keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  listForEach(list, (item) => {
    if (keep(item)) out.push(item);
  });
  return out;
}

// ─── Keyed map ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** A bucket: the few entries whose keys hash to it, in insertion order. */
type Leaf<V> = readonly (readonly [key: string, value: V])[];
type Mid<V> = readonly (Leaf<V> | null)[];

/** A persistent string-keyed map: 32 × 32 buckets; an update copies two 32-slot arrays and one small bucket. */
export type PMap<V> = { readonly size: number; readonly root: readonly (Mid<V> | null)[] };

const EMPTY_SLOTS: readonly null[] = new Array(CHUNK).fill(null);

export function emptyMap<V>(): PMap<V> {
  return { size: 0, root: EMPTY_SLOTS };
}

function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function find<V>(leaf: Leaf<V> | null | undefined, key: string): number {
  if (!leaf) return -1;
  for (let i = 0; i < leaf.length; i++) if (leaf[i]?.[0] === key) return i;
  return -1;
}

export function mapGet<V>(map: PMap<V>, key: string): V | undefined {
  const h = hash(key);
  const leaf = map.root[h & 31]?.[(h >>> 5) & 31];
  const i = find(leaf, key);
  return i < 0 ? undefined : leaf?.[i]?.[1];
}

export function mapHas<V>(map: PMap<V>, key: string): boolean {
  const h = hash(key);
  return find(map.root[h & 31]?.[(h >>> 5) & 31], key) >= 0;
}

export function mapSet<V>(map: PMap<V>, key: string, value: V): PMap<V> {
  const h = hash(key);
  const hi = h & 31;
  const lo = (h >>> 5) & 31;
  const mid = map.root[hi] ?? EMPTY_SLOTS;
  const leaf = mid[lo] ?? null;
  const i = find(leaf, key);
  const nextLeaf = leaf === null ? [] : leaf.slice();
  if (i < 0) nextLeaf.push([key, value]);
  else nextLeaf[i] = [key, value];
  const nextMid = mid.slice();
  nextMid[lo] = nextLeaf;
  const nextRoot = map.root.slice();
  nextRoot[hi] = nextMid;
  return { size: map.size + (i < 0 ? 1 : 0), root: nextRoot };
}

export function mapDelete<V>(map: PMap<V>, key: string): PMap<V> {
  const h = hash(key);
  const hi = h & 31;
  const lo = (h >>> 5) & 31;
  const mid = map.root[hi];
  const leaf = mid?.[lo];
  const i = find(leaf, key);
  if (!mid || !leaf || i < 0) return map;
  const nextMid = mid.slice();
  nextMid[lo] = leaf.length === 1 ? null : leaf.filter((_, j) => j !== i);
  const nextRoot = map.root.slice();
  nextRoot[hi] = nextMid.every((slot) => slot === null) ? null : nextMid;
  return { size: map.size - 1, root: nextRoot };
}

/** Visit every value in the deterministic (hash) order of `mapValues`, without building a list. */
export function mapForEach<V>(map: PMap<V>, visit: (value: V) => void): void {
  if (map.size === 0) return;
  for (const mid of map.root) {
    if (!mid) continue;
    for (const leaf of mid) if (leaf) for (const entry of leaf) visit(entry[1]);
  }
}

/** Every value, in a deterministic (hash) order; sort the result when order matters. */
export function mapValues<V>(map: PMap<V>): V[] {
  const out: V[] = [];
  mapForEach(map, (v) => out.push(v));
  return out;
}
