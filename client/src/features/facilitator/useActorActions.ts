import type { CatalogueEntry } from '@parley/shared/engine/viewTypes.ts';
import { useEffect, useRef, useState } from 'react';
import { previewCommand } from '../../net/connection.ts';
import { isNotAllowed } from './actors.ts';

/** Pause between two preview questions, to stay well under the room's message rate limit. */
const PROBE_GAP_MS = 80;

/** Per scenario and party: the action ids it may take (answers do not change during an exercise). */
const known = new Map<string, readonly string[]>();

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The catalogue actions a simulated party may take, asked of the server one preview at a time (the view does not
 * carry the parties' own lists), once play has started. `null` while asking (or not yet asked).
 */
export function useActorActions(
  scenario: string,
  actor: string,
  candidates: readonly CatalogueEntry[],
  enabled: boolean,
): readonly CatalogueEntry[] | null {
  const key = `${scenario}/${actor}`;
  const [allowed, setAllowed] = useState<readonly string[] | null>(() => known.get(key) ?? null);
  // The view (and so the candidates array) is rebuilt on every patch: ask again only when the ids change.
  const ids = candidates.map((a) => a.id).join(' ');
  const latest = useRef(candidates);
  latest.current = candidates;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `ids` stands for the candidates (read from `latest`)
  useEffect(() => {
    const cached = known.get(key);
    if (cached) {
      setAllowed(cached);
      return;
    }
    setAllowed(null);
    if (!enabled) return;
    let live = true;
    void (async () => {
      const yes: string[] = [];
      for (const action of latest.current) {
        if (!live) return;
        const answer = await previewCommand({ type: 'actor.act', actor, action: action.id, targets: [], params: {} });
        // Offline, or play not running: the answer says nothing about the action; ask again later.
        if (answer === null || answer.code === 'status') return;
        if (!isNotAllowed(answer.code)) yes.push(action.id);
        await wait(PROBE_GAP_MS);
      }
      known.set(key, yes);
      if (live) setAllowed(yes);
    })();
    return () => {
      live = false;
    };
  }, [key, actor, ids, enabled]);

  return allowed === null ? null : candidates.filter((a) => allowed.includes(a.id));
}
