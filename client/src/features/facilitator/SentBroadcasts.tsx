import type { Message } from '@parley/shared/engine/types.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { usePartyName } from '../shell/useText.ts';

/** What exercise control has broadcast, newest first, with its recipients. */
export function SentBroadcasts({ messages }: { readonly messages: readonly Message[] }) {
  const { t, i18n } = useTranslation();
  const party = usePartyName();
  const sent = messages.filter((m) => m.channel.kind === 'broadcast').reverse();
  if (sent.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="sent-title" data-testid="panel.sentBroadcasts">
      <h2 id="sent-title" className="panel__title">
        {t('control.comms.history')}
      </h2>
      <ol className="rows">
        {sent.map((m) => (
          <li key={m.id} className="row" data-testid="broadcast.item">
            <time className="row__time" dir="ltr">
              {formatGameTime(m.at, i18n.language)}
            </time>
            <p className="row__title" dir="auto">
              {m.text}
            </p>
            <span className="muted">
              {m.channel.kind === 'broadcast' && !m.channel.all
                ? m.channel.to.map((id) => party(id)).join(', ')
                : t('control.form.all')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
