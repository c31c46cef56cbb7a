/**
 * Every event of the review in game-time order, with who, to whom, the channel and what happened; filters per
 * delegation and channel; fifty a page (all of them when printed); observations shown beside their moments.
 */
import { filterTimeline } from '@parley/shared/review/timeline.ts';
import type { ReviewEntry, ReviewObservation } from '@parley/shared/review/types.ts';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RatingBadge } from './RatingBadge.tsx';
import { useReview, useReviewFormat } from './ReviewContext.ts';
import { channelsOf, linkTargets, observationsByAnchor, pageOf, pageWith } from './timelineView.ts';
import { usePrinting } from './usePrinting.ts';

const ENTRY = 'review-entry-';

export function TimelineSection() {
  const { t } = useTranslation();
  const { review } = useReview();
  const f = useReviewFormat();
  const printing = usePrinting();
  const ids = useId();
  const [delegation, setDelegation] = useState('');
  const [channel, setChannel] = useState('');
  const [page, setPage] = useState(0);
  const [target, setTarget] = useState<number | null>(null);

  const delegations = review.compliance.byDelegation.map((d) => d.delegation);
  const channels = useMemo(() => channelsOf(review.timeline), [review]);
  const notes = useMemo(() => observationsByAnchor(review.observations), [review]);
  const shown = useMemo(
    () =>
      filterTimeline(review.timeline, {
        delegation: delegation || undefined,
        channel: channel || undefined,
      }),
    [review, delegation, channel],
  );
  const current = pageOf(shown, page);
  const items = printing ? shown : current.items;
  const targets = linkTargets(items, notes);

  // A link to one moment (#review-entry-<seq>), from an observation: clear the filters if they hide it, open its
  // page, and bring it into view.
  useEffect(() => {
    const follow = () => {
      const seq = Number(location.hash.startsWith(`#${ENTRY}`) ? location.hash.slice(ENTRY.length + 1) : Number.NaN);
      if (!Number.isInteger(seq)) return;
      let onPage = pageWith(shown, seq);
      if (onPage < 0) {
        setDelegation('');
        setChannel('');
        onPage = pageWith(review.timeline, seq);
      }
      if (onPage >= 0) {
        setPage(onPage);
        setTarget(seq);
      }
      // Followed: forget the hash, so that later filter changes do not follow it again (and a second click does).
      history.replaceState(history.state, '', location.pathname + location.search);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [shown, review]);

  useEffect(() => {
    if (target === null) return;
    const el = document.getElementById(`${ENTRY}${target}`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      setTarget(null);
    }
  });

  return (
    <section className="report__section" id="review-timeline" aria-labelledby={`${ids}-title`}>
      <div className="report__section-head">
        <h2 className="report__h2" id={`${ids}-title`}>
          {t('review.timeline.title')}
        </h2>
        <p className="muted" data-testid="review.timeline.count" aria-live="polite">
          {t('review.timeline.shown', { shown: f.number(shown.length), total: f.number(review.timeline.length) })}
        </p>
      </div>
      <fieldset className="review-filters">
        <legend className="visually-hidden">{t('review.timeline.filters')}</legend>
        <label className="review-field">
          <span className="review-field__label">{t('review.timeline.delegation')}</span>
          <select
            className="review-select"
            data-testid="review.filter.delegation"
            value={delegation}
            onChange={(e) => {
              setDelegation(e.target.value);
              setPage(0);
            }}
          >
            <option value="">{t('review.timeline.all')}</option>
            {delegations.map((d) => (
              <option key={d} value={d}>
                {f.name(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="review-field">
          <span className="review-field__label">{t('review.timeline.channel')}</span>
          <select
            className="review-select"
            data-testid="review.filter.channel"
            value={channel}
            onChange={(e) => {
              setChannel(e.target.value);
              setPage(0);
            }}
          >
            <option value="">{t('review.timeline.all')}</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {c === 'group' ? t('review.channel.group') : f.channel(c)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {shown.length === 0 ? (
        <p className="empty" data-testid="review.timeline.empty">
          {t('review.timeline.empty')}
        </p>
      ) : (
        <ol className="events" data-testid="review.timeline">
          {items.map((e, i) => (
            <EntryRow
              key={`${e.seq}-${e.kind}-${e.text}`}
              entry={e}
              notes={notes.get(e.seq)?.filter((o) => o.anchor?.text === e.text)}
              anchor={targets.has(i)}
            />
          ))}
        </ol>
      )}
      {!printing && current.pages > 1 && (
        <nav className="pager" aria-label={t('review.timeline.pages')}>
          <button
            type="button"
            className="button button--small"
            data-testid="review.page.previous"
            disabled={current.page === 0}
            onClick={() => setPage(current.page - 1)}
          >
            {t('review.timeline.previous')}
          </button>
          <span className="pager__where" data-testid="review.page.where">
            {t('review.timeline.page', { page: f.number(current.page + 1), pages: f.number(current.pages) })}
          </span>
          <button
            type="button"
            className="button button--small"
            data-testid="review.page.next"
            disabled={current.page >= current.pages - 1}
            onClick={() => setPage(current.page + 1)}
          >
            {t('review.timeline.next')}
          </button>
        </nav>
      )}
    </section>
  );
}

function EntryRow({
  entry,
  notes,
  anchor,
}: {
  readonly entry: ReviewEntry;
  readonly notes: readonly ReviewObservation[] | undefined;
  readonly anchor: boolean;
}) {
  const { t } = useTranslation();
  const f = useReviewFormat();
  const who = entry.by !== null ? f.name(entry.by) : whoLabel(entry, t);
  // Injects and actions name their recipients in their text (“→ …”): no need to say it twice.
  const to = entry.text.includes('→') ? [] : entry.to.filter((p) => p !== entry.by).map(f.name);
  return (
    <li
      className={`event event--${entry.kind.split('.')[0]} event--${entry.kind.replace('.', '-')}`}
      id={anchor ? `${ENTRY}${entry.seq}` : undefined}
      tabIndex={anchor ? -1 : undefined}
      data-testid="review.entry"
      data-kind={entry.kind}
      data-seq={entry.seq}
    >
      <span className="event__time" dir="ltr">
        {f.time(entry.at)}
      </span>
      <div className="event__body">
        <p className="event__meta">
          <bdi className="event__who">{who}</bdi>
          {to.length > 0 && (
            <span className="event__to">
              <span className="visually-hidden">{t('review.timeline.to')} </span>
              <span aria-hidden="true">→ </span>
              {to.join(', ')}
            </span>
          )}
          {entry.channel && <span className="tag tag--quiet">{f.channel(entry.channel)}</span>}
        </p>
        <p className="event__text">
          <bdi>{entry.text}</bdi>
        </p>
        {notes?.map((o) => (
          <aside
            key={o.seq}
            className="event__note"
            aria-label={t('review.timeline.observation')}
            data-testid="review.entry.observation"
          >
            <RatingBadge rating={o.rating} />
            <bdi>{o.text}</bdi>
          </aside>
        ))}
      </div>
    </li>
  );
}

function whoLabel(entry: ReviewEntry, t: (key: string) => string): string {
  if (entry.who === 'phase' || entry.who === 'text' || entry.who === 'unknown') return t(`review.actor.${entry.who}`);
  if (entry.actor.role === 'delegation') return t('review.actor.unknown');
  return t(`review.actor.${entry.actor.role}`);
}
