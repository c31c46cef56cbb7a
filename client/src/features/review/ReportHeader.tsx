/** The report's head: scenario, exercise, date, duration, ending, and the summary figures. */
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';
import { useReview, useReviewFormat } from './ReviewContext.ts';

export function ReportHeader() {
  const { t, i18n } = useTranslation();
  const text = useText();
  const { review, meta, status } = useReview();
  const f = useReviewFormat();
  const { summary, compliance } = review;
  const title = meta.scenarioTitle ? text(meta.scenarioTitle) : summary.title;
  const when = meta.endedAt ?? meta.createdAt;
  const date =
    when === null ? null : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(when));
  const ending = summary.ending;
  const counts = summary.counts;
  const figures: { key: string; value: string }[] = [
    { key: 'events', value: f.number(summary.events) },
    { key: 'deadlinesMet', value: f.number(counts.deadlinesMet ?? 0) },
    { key: 'deadlinesMissed', value: f.number(counts.deadlinesMissed ?? 0) },
    { key: 'breaches', value: f.number(counts.breaches ?? 0) },
    { key: 'observations', value: f.number(counts.observations ?? 0) },
    { key: 'proposalsSigned', value: f.number(counts.proposalsSigned ?? 0) },
  ];
  if (compliance.totals.meanResponseMs !== null) {
    figures.push({ key: 'meanResponse', value: f.time(compliance.totals.meanResponseMs) });
  }

  return (
    <section className="report__head" id="review-summary" aria-labelledby="review-title">
      <p className="eyebrow">{t('review.title')}</p>
      <h1 className="report__title" id="review-title" data-testid="review.title">
        {title}
      </h1>
      {review.viewer.kind === 'evaluator' && (
        <p className="report__restricted" data-testid="review.restricted">
          {t('review.restricted')}
        </p>
      )}
      <dl className="report__facts">
        {meta.label && (
          <div>
            <dt>{t('review.header.exercise')}</dt>
            <dd data-testid="review.label">{meta.label}</dd>
          </div>
        )}
        {date && (
          <div>
            <dt>{t('review.header.date')}</dt>
            <dd>{date}</dd>
          </div>
        )}
        <div>
          <dt>{t('review.header.duration')}</dt>
          <dd dir="ltr" className="report__mono" data-testid="review.duration">
            {f.time(summary.durationMs)}
          </dd>
        </div>
        <div>
          <dt>{t('review.header.status')}</dt>
          <dd>{t(`shell.status.${status}`, { defaultValue: status })}</dd>
        </div>
        <div className="report__ending">
          <dt>{t('review.header.ending')}</dt>
          <dd data-testid="review.ending">
            {ending ? (
              <>
                {ending.title ?? ending.id ?? t('review.header.noEnding')}{' '}
                <span className="muted">
                  · {t(`review.header.how.${ending.how}`, { defaultValue: ending.how })} ·{' '}
                  <span dir="ltr">{f.time(ending.at)}</span>
                </span>
              </>
            ) : (
              t('review.header.noEnding')
            )}
          </dd>
        </div>
      </dl>
      <h2 className="visually-hidden">{t('review.figures.title')}</h2>
      <dl className="figures report__figures" data-testid="review.figures">
        {figures.map((fig) => (
          <div key={fig.key} data-figure={fig.key}>
            <dt>{t(`review.figures.${fig.key}`)}</dt>
            <dd>{fig.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
