import type { ObservationRating } from '@parley/shared/protocol/commands.ts';
import { useTranslation } from 'react-i18next';

/** An observation's rating as a small coloured label (the word carries the meaning, the colour only helps). */
export function RatingBadge({ rating }: { readonly rating: ObservationRating | null }) {
  const { t } = useTranslation();
  return (
    <span className={`badge rating rating--${rating ?? 'none'}`} data-rating={rating ?? 'none'}>
      {t(`review.observations.rating.${rating ?? 'none'}`)}
    </span>
  );
}
