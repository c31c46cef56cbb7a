import type { Message } from '@parley/shared/engine/types.ts';
import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { usePartyName, useText } from '../shell/useText.ts';
import type { Me } from './conversations.ts';

/**
 * Who wrote a message, as this seat says it: "You" for its own, the seat's title for the delegation's other seats,
 * "Exercise control" for control, else the party's name.
 */
export function useSenderName(view: Pick<DelegationView, 'delegation' | 'seats'>, me: Me): (m: Message) => string {
  const { t } = useTranslation();
  const text = useText();
  const party = usePartyName();
  return (m) => {
    if (m.from === null) return t('comms.control');
    if (m.from !== view.delegation) return party(m.from);
    if (m.seat === undefined || m.seat === me.seat) return t('comms.you');
    const seat = view.seats.find((s) => s.id === m.seat);
    return seat ? text(seat.title) : party(m.from);
  };
}
