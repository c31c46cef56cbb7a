import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import { pathOf } from '../../app/routes.ts';
import { formatGameTime } from '../../state/clock.ts';
import { useSession } from '../../state/store.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { useText } from '../shell/useText.ts';

/** Once play has ended: the ending reached, how and when, and the way into the after-action review (the hot wash). */
export function EndedBanner({ view }: { readonly view: FacilitatorView }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const exerciseId = useSession((s) => s.welcome?.exerciseId ?? '');
  const ending = view.ending;
  if (view.clock.status !== 'ended' || ending === null) return null;
  const review = { name: 'review', exerciseId } as const;
  return (
    <section
      className={`ended ended--${ending.tone ?? 'mixed'}`}
      aria-labelledby="ended-title"
      data-testid="control.ended"
      data-ending={ending.id ?? ''}
    >
      <div className="ended__text">
        <p className="eyebrow">{t('control.end.ended')}</p>
        <h2 id="ended-title" className="ended__title" dir="auto" data-testid="control.endingTitle">
          {ending.title ? text(ending.title) : t('control.end.noEnding')}
        </h2>
        <p className="ended__how">
          {t(`control.end.how.${ending.how}`)} · <time dir="ltr">{formatGameTime(ending.at, i18n.language)}</time>
        </p>
        {ending.narrative && <Markdown source={text(ending.narrative)} className="prose ended__narrative" />}
      </div>
      <div className="ended__next">
        <p>{t('control.end.hotWash')}</p>
        <a
          className="button button--primary ended__review"
          href={pathOf(review)}
          data-testid="control.reviewLink"
          onClick={(e) => {
            e.preventDefault();
            navigate(review);
          }}
        >
          {t('control.end.review')}
        </a>
      </div>
    </section>
  );
}
