/** What every section of the report shares: the review, names for parties and channels, and game times in words. */
import type { Review } from '@parley/shared/review/types.ts';
import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import type { ReviewAuth, ReviewMeta } from './reviewApi.ts';
import { groupTitles, namesFromTimeline } from './timelineView.ts';

export type ReviewData = {
  readonly exerciseId: string;
  readonly auth: ReviewAuth;
  readonly review: Review;
  readonly status: string;
  readonly meta: ReviewMeta;
};

export const ReviewContext = createContext<ReviewData | null>(null);

export function useReview(): ReviewData {
  const data = useContext(ReviewContext);
  if (!data) throw new Error('useReview outside a ReviewContext');
  return data;
}

const INJECT_CHANNELS = new Set(['intel', 'cert', 'news', 'social', 'poc', 'email', 'phone']);

/** Formatters for the report: game time, a party's name, a channel's name, a number. */
export function useReviewFormat() {
  const { t, i18n } = useTranslation();
  const { review, meta } = useReview();
  const language = i18n.language;
  const { fromTimeline, groups } = useMemo(
    () => ({ fromTimeline: namesFromTimeline(review.timeline), groups: groupTitles(review.timeline) }),
    [review],
  );
  const number = useMemo(() => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }), [language]);
  return {
    time: (at: number) => formatGameTime(at, language),
    name: (id: string | null) => (id === null ? '' : (meta.delegations.get(id) ?? fromTimeline.get(id) ?? id)),
    channel: (channel: string): string => {
      if (INJECT_CHANNELS.has(channel)) return t(`feed.channel.${channel}`);
      if (channel.startsWith('group:')) return groups.get(channel.slice(6)) ?? t('review.channel.group');
      return t(`review.channel.${channel}`, { defaultValue: channel });
    },
    number: (n: number) => number.format(n),
  };
}
