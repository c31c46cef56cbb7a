import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { usePartyName, useText } from '../shell/useText.ts';
import type { Conversation } from './conversations.ts';

/** A conversation's name (the channel or the counterpart) and who can read it, in the reader's language. */
export function useConversationName(view: Pick<DelegationView, 'channels'>): {
  readonly nameOf: (c: Conversation) => string;
  readonly audienceOf: (c: Conversation) => string;
} {
  const { t } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const group = (id: string | null) => view.channels.find((g) => g.id === id);
  const nameOf = (c: Conversation) => {
    switch (c.kind) {
      case 'public':
        return t('comms.channels.public');
      case 'control':
        return t('comms.control');
      case 'group': {
        const g = group(c.ref);
        return g ? text(g.title) : (c.ref ?? '');
      }
      case 'bilateral':
        return party(c.ref);
    }
  };
  const audienceOf = (c: Conversation) => {
    switch (c.kind) {
      case 'public':
        return t('comms.channels.publicNote');
      case 'control':
        return t('comms.channels.controlNote');
      case 'group':
        return t('comms.channels.groupNote', { members: (group(c.ref)?.members ?? []).map(party).join(', ') });
      case 'bilateral':
        return t('comms.channels.bilateralNote', { name: party(c.ref) });
    }
  };
  return { nameOf, audienceOf };
}
