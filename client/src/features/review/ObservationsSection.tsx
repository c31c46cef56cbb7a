/** The evaluators' observations, each with its rating, what it is about and the moment it refers to. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RatingBadge } from './RatingBadge.tsx';
import { useReview, useReviewFormat } from './ReviewContext.ts';

export function ObservationsSection() {
  const { t } = useTranslation();
  const { review } = useReview();
  const f = useReviewFormat();
  const ids = useId();
  const { observations, summary } = review;

  return (
    <section
      className="report__section report__section--break"
      id="review-observations"
      aria-labelledby={`${ids}-title`}
    >
      <div className="report__section-head">
        <h2 className="report__h2" id={`${ids}-title`}>
          {t('review.observations.title')}
        </h2>
        {observations.length > 0 && (
          <p className="ratings">
            {(['met', 'partially', 'not-met'] as const).map((r) => (
              <span key={r} className="ratings__item">
                <RatingBadge rating={r} /> {f.number(summary.ratings[r])}
              </span>
            ))}
          </p>
        )}
      </div>
      {observations.length === 0 ? (
        <p className="empty">{t('review.observations.empty')}</p>
      ) : (
        <ol className="observations" data-testid="review.observations">
          {observations.map((o) => (
            <li key={o.seq} className="observation" data-testid="review.observation">
              <div className="observation__head">
                <span className="observation__time" dir="ltr">
                  {f.time(o.at)}
                </span>
                <RatingBadge rating={o.rating} />
                <span className="observation__about">
                  {o.delegation ? f.name(o.delegation) : t('review.observations.general')}
                </span>
              </div>
              <p className="observation__text">
                <bdi>{o.text}</bdi>
              </p>
              {(o.objectiveTitle || o.injectTitle) && (
                <dl className="observation__facts">
                  {o.objectiveTitle && (
                    <div>
                      <dt>{t('review.observations.objective')}</dt>
                      <dd>{o.objectiveTitle}</dd>
                    </div>
                  )}
                  {o.injectTitle && (
                    <div>
                      <dt>{t('review.observations.inject')}</dt>
                      <dd>{o.injectTitle}</dd>
                    </div>
                  )}
                </dl>
              )}
              {o.anchor && (
                <p className="observation__anchor">
                  <span className="observation__anchor-label">{t('review.observations.refersTo')}</span>{' '}
                  <span dir="ltr" className="report__mono">
                    {f.time(o.anchor.at)}
                  </span>{' '}
                  <bdi>{o.anchor.text}</bdi>{' '}
                  <a
                    href={`#review-entry-${o.anchor.seq}`}
                    className="observation__link"
                    data-testid="review.observation.link"
                  >
                    {t('review.observations.show')}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
