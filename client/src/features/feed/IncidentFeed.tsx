import type { Delivery } from '@parley/shared/engine/types.ts';
import { INJECT_CHANNELS } from '@parley/shared/scenario/vocabulary.ts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { InjectCard } from './InjectCard.tsx';
import { usePageVisible, useReading } from './useReading.ts';

/** Unread tracking for a seat: where what it saw is kept, and whether the feed is in front of the reader now. */
export type FeedReading = { readonly key: string; readonly active: boolean };

const NONE: ReadonlySet<string> = new Set();

/** The channels present, in the vocabulary's order, with how many injects (and unread ones) each has. */
function channelCounts(injects: readonly Delivery[], isNew: (id: string) => boolean) {
  return INJECT_CHANNELS.flatMap((channel) => {
    const of = injects.filter((i) => i.channel === channel);
    return of.length === 0 ? [] : [{ channel, count: of.length, unread: of.filter((i) => isNew(i.id)).length }];
  });
}

/**
 * Injects newest first, filterable by channel (the filter is local UI state in the store). With `reading`, injects
 * this seat has not seen are marked new: shown while the feed is in front of the reader, they count as seen, and stay
 * marked until the reader leaves the feed.
 */
export function IncidentFeed({
  injects,
  reading,
}: {
  readonly injects: readonly Delivery[];
  readonly reading?: FeedReading;
}) {
  const { t } = useTranslation();
  const channel = useSession((s) => s.ui.feedChannel);
  const setChannel = useSession((s) => s.setFeedChannel);
  const visible = usePageVisible();
  const { seen, markSeen } = useReading(reading?.key ?? null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(NONE);
  const tracking = reading !== undefined;
  const active = reading?.active ?? false;
  const isNew = (id: string) => tracking && (fresh.has(id) || !seen.has(id));
  const counts = channelCounts(injects, isNew);
  const shown = useMemo(
    () => injects.filter((i) => channel === 'all' || i.channel === channel).sort((a, b) => b.seq - a.seq),
    [injects, channel],
  );

  useEffect(() => {
    if (!tracking) return;
    if (!active) {
      setFresh(NONE);
      return;
    }
    if (!visible) return;
    const newly = shown.filter((i) => !seen.has(i.id)).map((i) => i.id);
    if (newly.length === 0) return;
    setFresh((previous) => new Set([...previous, ...newly]));
    markSeen(newly);
  }, [tracking, active, visible, shown, seen, markSeen]);

  const newCount = shown.filter((i) => isNew(i.id)).length;

  return (
    <section className="panel" aria-labelledby="feed-title" data-testid="panel.feed">
      <header className="panel__head">
        <h2 id="feed-title" className="panel__title">
          {t('feed.title')}
          {newCount > 0 && (
            <span className="feed__new" data-testid="feed.newCount">
              {t('actions.feed.newCount', { count: newCount })}
            </span>
          )}
        </h2>
        {counts.length > 1 && (
          <fieldset className="filters">
            <legend className="visually-hidden">{t('actions.feed.filter')}</legend>
            <button
              type="button"
              className="chip"
              aria-pressed={channel === 'all'}
              onClick={() => setChannel('all')}
              data-testid="feed.filter.all"
            >
              {t('feed.all')} <span className="chip__count">{injects.length}</span>
            </button>
            {counts.map((c) => (
              <button
                key={c.channel}
                type="button"
                className="chip"
                aria-pressed={channel === c.channel}
                onClick={() => setChannel(c.channel)}
                data-testid={`feed.filter.${c.channel}`}
              >
                {t(`feed.channel.${c.channel}`)} <span className="chip__count">{c.count}</span>
                {c.unread > 0 && channel !== c.channel && channel !== 'all' && (
                  <span className="chip__dot">
                    <span className="visually-hidden">{t('actions.feed.newCount', { count: c.unread })}</span>
                  </span>
                )}
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
            <InjectCard key={inject.id} inject={inject} unread={isNew(inject.id)} />
          ))}
        </div>
      )}
    </section>
  );
}
