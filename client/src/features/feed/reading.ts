/**
 * What this seat has already seen (injects, messages, team notes), remembered per exercise and seat in localStorage so
 * that "unread" survives a reload. The bookkeeping is pure (a list of ids, oldest first, capped); `readingStore` wraps
 * it with storage and subscribers for `useReading`.
 */

/** At most this many ids are remembered per key (the oldest are forgotten first). */
export const MAX_REMEMBERED = 1000;

/** The storage key of what a delegation seat has seen of one kind of item in one exercise. */
export const readingKey = (exerciseId: string, delegation: string, seat: string | null, what: string): string =>
  `parley.seen.${exerciseId}.${delegation}.${seat ?? '-'}.${what}`;

/** The remembered ids in stored JSON, or none when it is missing or not a list of strings. */
export function parseSeen(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** `seen` with `ids` added (each once, in order), keeping the newest `max`. The same list when nothing is new. */
export function withSeen(seen: readonly string[], ids: readonly string[], max = MAX_REMEMBERED): readonly string[] {
  const known = new Set(seen);
  const added = ids.filter((id) => {
    if (known.has(id)) return false;
    known.add(id);
    return true;
  });
  if (added.length === 0) return seen;
  const next = [...seen, ...added];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** The ids of `items` not seen yet. */
export function unreadIds(items: readonly { readonly id: string }[], seen: ReadonlySet<string>): ReadonlySet<string> {
  return new Set(items.filter((i) => !seen.has(i.id)).map((i) => i.id));
}

type Entry = { list: readonly string[]; set: ReadonlySet<string>; listeners: Set<() => void> };

export type ReadingStore = {
  get(key: string): ReadonlySet<string>;
  mark(key: string, ids: readonly string[]): void;
  subscribe(key: string, listener: () => void): () => void;
};

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Seen ids per key, kept in `storage` (writes that fail, e.g. storage full or disabled, last for the page only). */
export function createReadingStore(storage: () => KeyValueStorage | null): ReadingStore {
  const entries = new Map<string, Entry>();
  const entry = (key: string): Entry => {
    let e = entries.get(key);
    if (!e) {
      let raw: string | null = null;
      try {
        raw = storage()?.getItem(key) ?? null;
      } catch {
        raw = null;
      }
      const list = parseSeen(raw);
      e = { list, set: new Set(list), listeners: new Set() };
      entries.set(key, e);
    }
    return e;
  };
  return {
    get: (key) => entry(key).set,
    mark: (key, ids) => {
      const e = entry(key);
      const list = withSeen(e.list, ids);
      if (list === e.list) return;
      e.list = list;
      e.set = new Set(list);
      try {
        storage()?.setItem(key, JSON.stringify(list));
      } catch {
        // Kept for this page only.
      }
      for (const listener of e.listeners) listener();
    },
    subscribe: (key, listener) => {
      const e = entry(key);
      e.listeners.add(listener);
      return () => e.listeners.delete(listener);
    },
  };
}
