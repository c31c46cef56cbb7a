import type { Delivery } from '@parley/shared/engine/types.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { InjectCard } from './InjectCard.tsx';

/** Injects newest first, filterable by channel (the filter is local UI state in the store). */
export function IncidentFeed({ injects }: { readonly injects: readonly Delivery[] }) {
  const { t } = useTranslation();
  const channel = useSession((s) => s.ui.feedChannel);
  const setChannel = useSession((s) => s.setFeedChannel);
  const channels = useMemo(() => [...new Set(injects.map((i) => i.channel))], [injects]);
  const shown = useMemo(
    () => [...injects].filter((i) => channel === 'all' || i.channel === channel).sort((a, b) => b.seq - a.seq),
    [injects, channel],
  );

  return (
    <section className="panel" aria-labelledby="feed-title" data-testid="panel.feed">
      <header className="panel__head">
        <h2 id="feed-title" className="panel__title">
          {t('feed.title')}
        </h2>
        {channels.length > 1 && (
          <fieldset className="filters">
            <legend className="visually-hidden">{t('feed.title')}</legend>
            {['all', ...channels].map((c) => (
              <button key={c} type="button" className="chip" aria-pressed={channel === c} onClick={() => setChannel(c)}>
                {c === 'all' ? t('feed.all') : t(`feed.channel.${c}`)}
              </button>
            ))}
          </fieldset>
        )}
      </header>
      {shown.length === 0 ? (
        <p className="empty">{t('feed.empty')}</p>
      ) : (
        <div className="feed">
          {shown.map((inject) => (
            <InjectCard key={inject.id} inject={inject} />
          ))}
        </div>
      )}
    </section>
  );
}
