import type { Message } from '@parley/shared/engine/types.ts';
import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';
import { Composer } from './Composer.tsx';
import { isOwn, teamNotesOf } from './conversations.ts';
import { MessageList } from './MessageList.tsx';
import { useMe } from './useMe.ts';
import './comms.css';

/** Team notes: shared among the delegation's seats (and seen by exercise control), newest last, with a composer. */
export function TeamNotesPanel({ view }: { readonly view: DelegationView }) {
  const { t } = useTranslation();
  const text = useText();
  const titleId = useId();
  const me = useMe(view);
  const notes = useMemo(() => teamNotesOf(view.messages, view.delegation), [view.messages, view.delegation]);

  const nameOf = (m: Message) => {
    const seat = view.seats.find((s) => s.id === m.seat);
    if (!seat) return m.from === null ? t('comms.control') : t('comms.you');
    const title = text(seat.title);
    return seat.id === me.seat ? t('comms.youSeat', { seat: title }) : title;
  };

  return (
    <section className="panel comms comms--notes" aria-labelledby={titleId} data-testid="comms.notes">
      <h2 id={titleId} className="panel__title">
        {t('comms.notes.title')}
      </h2>
      <p className="comms__privacy" data-testid="notes.privacy">
        <span className="comms__lock" aria-hidden="true" />
        {t('comms.notes.privacy')}
      </p>
      <MessageList
        messages={notes}
        nameOf={nameOf}
        isOwn={(m) => isOwn(m, me)}
        label={t('comms.notes.title')}
        empty={t('comms.notes.empty')}
        testId="notes.list"
        variant="notes"
      />
      <Composer
        channel={{ kind: 'team' }}
        label={t('comms.notes.label')}
        submit={t('comms.notes.add')}
        testId="notes.composer"
      />
    </section>
  );
}
