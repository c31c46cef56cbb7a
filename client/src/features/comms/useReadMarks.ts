import type { Message } from '@parley/shared/engine/types.ts';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../state/store.ts';
import { type Me, markSeen, parseMarks, type ReadMarks } from './conversations.ts';

function load(key: string): ReadMarks {
  try {
    return parseMarks(localStorage.getItem(key));
  } catch {
    return {};
  }
}

/**
 * What this seat has read, per conversation, kept in localStorage per exercise and seat (so a reload or a second tab
 * on the same seat keeps the counts), and `see` to mark a conversation read up to its last message.
 */
export function useReadMarks(me: Me): {
  readonly marks: ReadMarks;
  readonly see: (key: string, messages: readonly Message[]) => void;
} {
  const exercise = useSession((s) => s.welcome?.exerciseId ?? '');
  const storageKey = `parley.comms.read.${exercise}.${me.delegation}.${me.seat ?? '-'}`;
  const [state, setState] = useState(() => ({ storageKey, marks: load(storageKey) }));
  const marks = state.storageKey === storageKey ? state.marks : load(storageKey);

  useEffect(() => {
    if (state.storageKey !== storageKey) return;
    try {
      localStorage.setItem(storageKey, JSON.stringify(state.marks));
    } catch {
      // Private browsing or a full store: the counts last for this page only.
    }
  }, [state, storageKey]);

  const see = useCallback(
    (key: string, messages: readonly Message[]) =>
      setState((prev) => {
        const base = prev.storageKey === storageKey ? prev.marks : load(storageKey);
        const next = markSeen(base, key, messages);
        return next === prev.marks && prev.storageKey === storageKey ? prev : { storageKey, marks: next };
      }),
    [storageKey],
  );
  return { marks, see };
}
