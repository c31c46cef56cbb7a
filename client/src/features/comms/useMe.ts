import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useMemo } from 'react';
import { useSession } from '../../state/store.ts';
import type { Me } from './conversations.ts';

/**
 * This seat: its delegation and its own seat. Every seat of a delegation shares one synced view, so `view.seat` may
 * name another seat; the welcome says which seat this console joined as.
 */
export function useMe(view: Pick<DelegationView, 'delegation' | 'seat'>): Me {
  const role = useSession((s) => s.welcome?.role);
  const seat = role?.kind === 'delegation' && role.delegation === view.delegation ? role.seat : view.seat;
  return useMemo(() => ({ delegation: view.delegation, seat }), [view.delegation, seat]);
}
