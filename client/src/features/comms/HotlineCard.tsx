import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { usePartyName } from '../shell/useText.ts';
import { AckForm } from './AckForm.tsx';
import { AnswerRequestForm } from './AnswerRequestForm.tsx';
import type { HotlineItem } from './hotline.ts';
import { StatusLine } from './StatusLine.tsx';

type Props = {
  readonly entry: HotlineItem;
  /** A declined request's reason, if one was given. */
  readonly reason: string | null;
  readonly now: number;
  readonly running: boolean;
};

/** One ping, request or offer: who, when, what, where it stands, and (when it awaits this delegation) the answer. */
export function HotlineCard({ entry, reason, now, running }: Props) {
  const { t, i18n } = useTranslation();
  const party = usePartyName();
  const { item, incoming, status } = entry;
  const other = party(incoming ? item.from : item.to);
  const open = incoming && status !== null && status.kind !== 'answered';
  const state = status?.kind ?? 'info';

  return (
    <li
      className={`comms-hotline-item comms-hotline-item--${state}`}
      data-testid="hotline.item"
      data-kind={entry.kind}
      data-direction={incoming ? 'in' : 'out'}
      data-status={state}
      data-id={item.id}
    >
      <div className="comms-hotline-item__head">
        <span className={`tag comms-tag--${entry.kind}`}>{t(`comms.hotline.kind.${entry.kind}`)}</span>
        <time className="comms-hotline-item__time" dir="ltr">
          {formatGameTime(item.at, i18n.language)}
        </time>
      </div>
      <p className="comms-hotline-item__party">
        {incoming ? t('comms.hotline.from', { name: other }) : t('comms.hotline.to', { name: other })}
      </p>
      <p className="comms-hotline-item__text" dir="auto">
        {item.text}
      </p>
      {entry.kind === 'offer' && entry.item.request !== null && (
        <p className="comms-hotline-item__meta">{t('comms.hotline.inAnswer')}</p>
      )}
      {entry.kind !== 'offer' && entry.status && (
        <StatusLine
          status={entry.status}
          kind={entry.kind}
          incoming={incoming}
          counterpart={other}
          now={now}
          running={running}
        />
      )}
      {entry.kind === 'ping' && entry.item.ackText && (
        <p className="comms-hotline-item__reply" data-testid="hotline.reply">
          <span className="comms-hotline-item__reply-label">{t('comms.hotline.reply')}</span>
          <span dir="auto">{entry.item.ackText}</span>
        </p>
      )}
      {reason && (
        <p className="comms-hotline-item__reply" data-testid="hotline.reason">
          <span className="comms-hotline-item__reply-label">{t('comms.hotline.reason')}</span>
          <span dir="auto">{reason}</span>
        </p>
      )}
      {open && entry.kind === 'ping' && <AckForm ping={item.id} from={other} />}
      {open && entry.kind === 'request' && <AnswerRequestForm request={item.id} from={item.from} />}
    </li>
  );
}
