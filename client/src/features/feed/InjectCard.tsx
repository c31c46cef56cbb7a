import type { Delivery } from '@parley/shared/engine/types.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { usePartyName, useText } from '../shell/useText.ts';
import './feed.css';

/** One inject: channel, time, title, sender, body; an intelligence report's confidence; a bulletin's indicators. */
export function InjectCard({
  inject,
  large = false,
  unread = false,
}: {
  readonly inject: Delivery;
  readonly large?: boolean;
  /** Marked as new to this seat. */
  readonly unread?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const classes = ['inject', large ? 'inject--large' : '', unread ? 'inject--unread' : ''].filter(Boolean).join(' ');
  return (
    <article
      className={classes}
      data-testid="feed.item"
      data-channel={inject.channel}
      data-inject={inject.id}
      data-unread={unread}
    >
      <header className="inject__head">
        <span className="inject__tags">
          <span className={`tag tag--${inject.channel}`}>{t(`feed.channel.${inject.channel}`)}</span>
          {unread && (
            <span className="inject__new" data-testid="feed.unread">
              {t('actions.feed.new')}
            </span>
          )}
        </span>
        <time className="inject__time" dir="ltr">
          {formatGameTime(inject.at, i18n.language)}
        </time>
      </header>
      <h3 className="inject__title" dir="auto">
        {text(inject.title)}
      </h3>
      {inject.from && <p className="inject__from">{t('feed.from', { from: party(inject.from) })}</p>}
      <Markdown source={text(inject.body)} className="prose inject__body" />
      {inject.confidence && (
        <p className={`inject__confidence inject__confidence--${inject.confidence}`} data-testid="feed.confidence">
          {t('feed.confidence', { level: t(`feed.level.${inject.confidence}`) })}
        </p>
      )}
      {inject.indicators.length > 0 && (
        <details className="inject__indicators" data-testid="feed.indicators">
          <summary>
            {t('feed.indicators')} ({inject.indicators.length})
          </summary>
          <ul className="iocs" dir="ltr">
            {inject.indicators.map((ioc) => (
              <li key={`${ioc.type}:${ioc.value}`}>
                <span className="iocs__type">{ioc.type}</span>
                <code className="iocs__value">{ioc.value}</code>
                {ioc.note && (
                  <span className="iocs__note" dir="auto">
                    {ioc.note}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
