import type { Delivery } from '@parley/shared/engine/types.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { usePartyName, useText } from '../shell/useText.ts';

export function InjectCard({ inject, large = false }: { readonly inject: Delivery; readonly large?: boolean }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  return (
    <article
      className={large ? 'inject inject--large' : 'inject'}
      data-testid="feed.item"
      data-channel={inject.channel}
    >
      <header className="inject__head">
        <span className={`tag tag--${inject.channel}`}>{t(`feed.channel.${inject.channel}`)}</span>
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
        <p className="inject__meta">{t('feed.confidence', { level: t(`feed.level.${inject.confidence}`) })}</p>
      )}
      {inject.indicators.length > 0 && (
        <details className="inject__indicators">
          <summary>
            {t('feed.indicators')} ({inject.indicators.length})
          </summary>
          <ul dir="ltr">
            {inject.indicators.map((ioc) => (
              <li key={`${ioc.type}:${ioc.value}`}>
                <code>{ioc.type}</code> {ioc.value}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
