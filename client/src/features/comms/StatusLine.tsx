import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { useText } from '../shell/useText.ts';
import { formatCountdown, type ItemStatus, urgencyOf } from './hotline.ts';

type Props = {
  readonly status: ItemStatus;
  readonly kind: 'ping' | 'request';
  readonly incoming: boolean;
  /** The other delegation's name. */
  readonly counterpart: string;
  readonly now: number;
  readonly running: boolean;
};

/** Where a ping or request stands, in words: the countdown to its deadline, missed, or answered (and when). */
export function StatusLine({ status, kind, incoming, counterpart, now, running }: Props) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const time = (ms: number) => formatGameTime(ms, i18n.language);

  if (status.kind === 'answered') {
    const key = status.how === 'ack' ? 'acked' : status.how === 'offer' ? 'offered' : 'declined';
    return (
      <p className="comms-item-status comms-item-status--answered" data-testid="hotline.status">
        <span className="comms-item-status__mark" aria-hidden="true" />
        <span>{t(`comms.hotline.status.${key}`, { time: time(status.at) })}</span>{' '}
        {status.late && <span className="badge comms-badge--late">{t('comms.hotline.late')}</span>}
      </p>
    );
  }
  if (status.kind === 'missed') {
    const words = incoming
      ? t('comms.hotline.status.missedMine', { time: time(status.deadline.dueAt) })
      : t('comms.hotline.status.missedTheirs', { name: counterpart, time: time(status.deadline.dueAt) });
    return (
      <p className="comms-item-status comms-item-status--missed" data-testid="hotline.status">
        <span className="comms-item-status__mark" aria-hidden="true" />
        <span>{words}</span>
      </p>
    );
  }
  const { deadline } = status;
  if (!deadline) {
    const key = incoming
      ? kind === 'ping'
        ? 'notAcked'
        : 'notAnswered'
      : kind === 'ping'
        ? 'awaitingAck'
        : 'awaitingAnswer';
    return (
      <p className="comms-item-status comms-item-status--open" data-testid="hotline.status">
        <span className="comms-item-status__mark" aria-hidden="true" />
        <span>{t(`comms.hotline.status.${key}`)}</span>
      </p>
    );
  }
  const label = incoming
    ? t(kind === 'ping' ? 'comms.hotline.status.ackWithin' : 'comms.hotline.status.answerWithin')
    : t('comms.hotline.status.theyWithin', { name: counterpart });
  return (
    <div
      className={`comms-item-status comms-item-status--open comms-item-status--${urgencyOf(deadline, now)}`}
      data-testid="hotline.status"
    >
      <span className="comms-item-status__mark" aria-hidden="true" />
      <span>{label}</span>{' '}
      <span className="comms-countdown" role="timer" dir="ltr" data-testid="hotline.countdown">
        {formatCountdown(deadline.dueAt - now, i18n.language)}
      </span>{' '}
      {!running && <span className="comms-item-status__paused">({t('comms.hotline.status.paused')}) </span>}
      <span className="comms-item-status__rule">{t('comms.hotline.rule', { rule: text(deadline.title) })}</span>
    </div>
  );
}
