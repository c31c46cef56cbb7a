import type { PartyCard } from '@parley/shared/engine/viewTypes.ts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { useText } from '../shell/useText.ts';
import type { Conversation } from './conversations.ts';

type Props = {
  readonly conversations: readonly Conversation[];
  readonly selected: string | null;
  readonly unread: Readonly<Record<string, number>>;
  readonly nameOf: (c: Conversation) => string;
  /** The last message's author and its text shortened, or null when there is none. */
  readonly previewOf: (c: Conversation) => { readonly from: string; readonly text: string } | null;
  /** Every other party: a bilateral conversation can be opened with any of them. */
  readonly parties: readonly PartyCard[];
  readonly onSelect: (key: string) => void;
  readonly onOpenWith: (party: string) => void;
};

/** The conversations (name, last message's time, unread count) and "new conversation with…" any other party. */
export function ConversationList(props: Props) {
  const { conversations, selected, unread, nameOf, previewOf, parties, onSelect, onOpenWith } = props;
  const { t, i18n } = useTranslation();
  const text = useText();
  const [party, setParty] = useState('');
  const id = useId();

  const open = (e: FormEvent) => {
    e.preventDefault();
    if (party) onOpenWith(party);
    setParty('');
  };

  return (
    <nav className="comms-conversations" aria-label={t('comms.channels.list')}>
      <ul className="comms-conversations__list">
        {conversations.map((c) => {
          const last = c.messages.at(-1);
          const count = unread[c.key] ?? 0;
          const preview = previewOf(c);
          return (
            <li key={c.key}>
              <button
                type="button"
                className="comms-conversation-item"
                aria-current={c.key === selected ? 'true' : undefined}
                data-testid="comms.conversation"
                data-key={c.key}
                data-unread={count}
                onClick={() => onSelect(c.key)}
              >
                <span
                  className={`comms-conversation-item__kind comms-conversation-item__kind--${c.kind}`}
                  aria-hidden="true"
                />
                <span className="comms-conversation-item__name">{nameOf(c)}</span>
                {last && (
                  <time className="comms-conversation-item__time" dir="ltr">
                    {formatGameTime(last.at, i18n.language)}
                  </time>
                )}
                <span className="comms-conversation-item__preview">
                  {preview ? (
                    <>
                      {preview.from}: <bdi>{preview.text}</bdi>
                    </>
                  ) : (
                    t('comms.channels.empty')
                  )}
                </span>
                {count > 0 && (
                  <span className="comms-unread">
                    <span aria-hidden="true">{count}</span>
                    <span className="visually-hidden">{t('comms.channels.unread', { count })}</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <form className="comms-conversations__new" onSubmit={open} data-testid="comms.newConversation">
        <label htmlFor={id} className="comms-conversations__new-label">
          {t('comms.channels.newWith')}
        </label>
        <div className="comms-conversations__new-row">
          <select
            id={id}
            className="input comms-select"
            value={party}
            data-testid="comms.newWith"
            onChange={(e) => setParty(e.target.value)}
          >
            <option value="">{t('comms.channels.choose')}</option>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {text(p.name)}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={!party} data-testid="comms.newOpen">
            {t('comms.channels.open')}
          </button>
        </div>
      </form>
    </nav>
  );
}
