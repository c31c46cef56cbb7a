/** Escalation, trust and the other world variables over game time, with the phases as bands. */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { phaseBands } from './chart.ts';
import { LineChart } from './LineChart.tsx';
import { useReview } from './ReviewContext.ts';
import { phaseTitle } from './replay.ts';

/** Escalation first, then trust, then the rest in the scenario's order. */
const rank = (id: string) => (id === 'escalation' ? 0 : id === 'trust' ? 1 : 2);

export function ChartsSection() {
  const { t } = useTranslation();
  const { review } = useReview();
  const ids = useId();
  const { start, end, bands, series } = useMemo(() => {
    const { summary, timeline } = review;
    const first = timeline[0]?.at ?? 0;
    const start = summary.startedAt ?? first;
    const end = Math.max(start + summary.durationMs, timeline.at(-1)?.at ?? start, start + 60_000);
    const phases = timeline.filter((e) => e.kind === 'phase.entered').map((e) => ({ at: e.at, label: phaseTitle(e) }));
    const series = [...review.series].sort((a, b) => rank(a.id) - rank(b.id));
    return { start, end, bands: phaseBands(phases, start, end), series };
  }, [review]);

  return (
    <section className="report__section report__section--break" id="review-charts" aria-labelledby={`${ids}-title`}>
      <div className="report__section-head">
        <h2 className="report__h2" id={`${ids}-title`}>
          {t('review.charts.title')}
        </h2>
      </div>
      <p className="report__intro">{t('review.charts.intro')}</p>
      {series.length === 0 ? (
        <p className="empty">{t('review.charts.empty')}</p>
      ) : (
        <div className="charts">
          {series.map((s) => (
            <LineChart key={s.id} series={s} start={start} end={end} bands={bands} />
          ))}
        </div>
      )}
    </section>
  );
}
