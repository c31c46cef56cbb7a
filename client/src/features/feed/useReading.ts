import { useCallback, useSyncExternalStore } from 'react';
import { createReadingStore, type ReadingStore } from './reading.ts';

const EMPTY: ReadonlySet<string> = new Set();

/** The page's reading store, in localStorage. */
export const reading: ReadingStore = createReadingStore(() => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
});

export type Reading = {
  /** The ids already seen under this key (none when the key is null: nothing is tracked). */
  readonly seen: ReadonlySet<string>;
  readonly markSeen: (ids: readonly string[]) => void;
};

/** What this seat has seen under `key` (see reading.ts); null tracks nothing. */
export function useReading(key: string | null): Reading {
  const subscribe = useCallback((listener: () => void) => (key ? reading.subscribe(key, listener) : () => {}), [key]);
  const seen = useSyncExternalStore(subscribe, () => (key ? reading.get(key) : EMPTY));
  const markSeen = useCallback((ids: readonly string[]) => key && reading.mark(key, ids), [key]);
  return { seen, markSeen };
}

/** Whether the page is in front of the reader (a hidden tab reads nothing). */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
    () => document.visibilityState !== 'hidden',
  );
}
