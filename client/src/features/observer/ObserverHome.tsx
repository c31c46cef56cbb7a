import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { useSession } from '../../state/store.ts';
import { InjectCard } from '../feed/InjectCard.tsx';
import { useText } from '../shell/useText.ts';

/** The projector: the public picture in large type. */
export function ObserverHome() {
  const { t, i18n } = useTranslation();
  const text = useText();
  const injects = useSession((s) => s.view?.injects ?? []);
  const variables = useSession((s) => s.view?.variables ?? []);
  const shown = [...injects].filter((i) => i.public).sort((a, b) => b.seq - a.seq);
  const visible = variables.filter((v) => v.value !== null);

  return (
    <div className="layout layout--observer" data-testid="observer.home">
      <h1 className="observer__title">{t('observer.title')}</h1>
      {visible.length > 0 && (
        <section className="panel" aria-labelledby="indicators-title">
          <h2 id="indicators-title" className="panel__title">
            {t('observer.indicators')}
          </h2>
          <dl className="figures figures--large">
            {visible.map((v) => (
              <div key={v.id}>
                <dt>{text(v.label)}</dt>
                <dd>
                  {formatNumber(v.value ?? 0, i18n.language)}{' '}
                  <span className="figures__max">/ {formatNumber(v.max, i18n.language)}</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section className="panel" aria-labelledby="public-title">
        <h2 id="public-title" className="panel__title">
          {t('observer.publicFeed')}
        </h2>
        {shown.length === 0 ? (
          <p className="empty empty--large">{t('observer.empty')}</p>
        ) : (
          <div className="feed">
            {shown.map((inject) => (
              <InjectCard key={inject.id} inject={inject} large />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
