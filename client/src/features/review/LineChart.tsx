/**
 * One variable over game time as a hand-made SVG step chart: value and time axes with round ticks, phase bands,
 * the overall line and (for a per-pair variable) a line per pair that moved, a legend, a text description for
 * screen readers, and the data as a table.
 */
import type { VariableSeries } from '@parley/shared/review/types.ts';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Band, changes, linearScale, stepPath, timeTicks, valueTicks } from './chart.ts';
import { useReviewFormat } from './ReviewContext.ts';
import { TableScroll } from './TableScroll.tsx';

const H = 230;
const M = { top: 24, right: 12, bottom: 30, left: 36 };
const COLORS = ['#1d4f91', '#b4472a', '#1f6b43', '#6b3fa0', '#8a5a00', '#0e6e7e', '#a3262a', '#4a5568'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 2 1 2', '3 3'];
const MAX_PAIRS = COLORS.length - 1;

type Line = {
  readonly key: string;
  readonly label: string;
  readonly points: VariableSeries['overall'];
  readonly i: number;
};

export function LineChart({
  series,
  start,
  end,
  bands,
}: {
  readonly series: VariableSeries;
  readonly start: number;
  readonly end: number;
  readonly bands: readonly Band[];
}) {
  const { t } = useTranslation();
  const f = useReviewFormat();
  const id = useId();
  const frame = useRef<HTMLDivElement>(null);
  const W = useWidth(frame);
  const x = linearScale([start, end], [M.left, W - M.right]);
  const y = linearScale([series.min, series.max], [H - M.bottom, M.top]);
  const moved = series.pairs.filter((p) => changes(p.points) > 0).sort((a, b) => changes(b.points) - changes(a.points));
  const unchanged = series.pairs.length - moved.length;
  const lines: Line[] = [];
  if (series.overall.length > 0) {
    lines.push({ key: 'overall', label: t('review.charts.overall'), points: series.overall, i: 0 });
  }
  for (const p of moved.slice(0, MAX_PAIRS)) {
    lines.push({
      key: p.between.join('|'),
      label: `${f.name(p.between[0])} – ${f.name(p.between[1])}`,
      points: p.points,
      i: lines.length,
    });
  }
  const main = lines[0]?.points ?? [];
  const first = main[0]?.value;
  const last = main.at(-1)?.value;
  const clockShort = (at: number) => f.time(at).slice(0, -3);
  const description = t('review.charts.summary', {
    label: series.label,
    from: first === undefined ? '–' : f.number(first),
    to: last === undefined ? '–' : f.number(last),
    min: f.number(series.min),
    max: f.number(series.max),
    count: f.number(changes(main)),
  });

  return (
    <figure className="chart" data-testid="review.chart" data-variable={series.id} data-lines={lines.length}>
      <figcaption className="chart__title">{series.label}</figcaption>
      <div ref={frame} className="chart__frame">
        <svg
          className="chart__svg"
          viewBox={`0 0 ${W} ${H}`}
          width={W}
          height={H}
          role="img"
          aria-labelledby={`${id}-t ${id}-d`}
          direction="ltr"
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={`${id}-t`}>{series.label}</title>
          <desc id={`${id}-d`}>{description}</desc>
          {bands.map((b, i) => {
            const bx = x(b.from);
            const bw = Math.max(0, x(b.to) - bx);
            const chars = Math.floor((bw - 8) / 6.4);
            return (
              <g key={`${b.from}-${b.label}`} className="chart__band">
                <rect x={bx} y={M.top} width={bw} height={H - M.top - M.bottom} fill={i % 2 ? '#f4f6f9' : '#e9eef5'} />
                {chars >= 4 && (
                  <text x={bx + 4} y={M.top - 7} className="chart__band-label">
                    {b.label.length > chars ? `${b.label.slice(0, chars - 1)}…` : b.label}
                  </text>
                )}
              </g>
            );
          })}
          {valueTicks(series.min, series.max, 4).map((v) => (
            <g key={`y${v}`}>
              <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="chart__grid" />
              <text x={M.left - 6} y={y(v) + 4} className="chart__tick" textAnchor="end">
                {f.number(v)}
              </text>
            </g>
          ))}
          {timeTicks(start, end, Math.max(2, Math.floor(W / 90))).map((at) => (
            <g key={`x${at}`}>
              <line x1={x(at)} x2={x(at)} y1={H - M.bottom} y2={H - M.bottom + 4} className="chart__axis" />
              <text x={x(at)} y={H - M.bottom + 17} className="chart__tick" textAnchor="middle">
                {clockShort(at)}
              </text>
            </g>
          ))}
          <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="chart__axis" />
          {[...lines].reverse().map((l) => (
            <path
              key={l.key}
              d={stepPath(l.points, x, y, start, end)}
              fill="none"
              stroke={COLORS[l.i]}
              strokeWidth={l.i === 0 ? 3 : 2}
              strokeDasharray={DASHES[l.i] || undefined}
              strokeLinejoin="round"
              data-testid="review.chart.line"
            />
          ))}
        </svg>
      </div>
      <ul className="chart__legend">
        {lines.map((l) => (
          <li key={l.key}>
            <svg width="28" height="10" aria-hidden="true" className="chart__key">
              <line
                x1="1"
                x2="27"
                y1="5"
                y2="5"
                stroke={COLORS[l.i]}
                strokeWidth={l.i === 0 ? 3 : 2}
                strokeDasharray={DASHES[l.i] || undefined}
              />
            </svg>
            {l.label}
          </li>
        ))}
        {unchanged > 0 && <li className="muted">{t('review.charts.unchanged', { count: unchanged })}</li>}
      </ul>
      <details className="chart__data">
        <summary>{t('review.charts.data')}</summary>
        <TableScroll label={series.label}>
          <table className="review-table review-table--compact">
            <caption className="visually-hidden">{series.label}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.charts.time')}</th>
                <th scope="col">{t('review.charts.series')}</th>
                <th scope="col">{t('review.charts.value')}</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...lines.flatMap((l) => l.points.map((p) => ({ ...p, label: l.label }))),
                ...series.pairs
                  .filter((p) => !lines.some((l) => l.key === p.between.join('|')))
                  .flatMap((p) =>
                    p.points.map((pt) => ({ ...pt, label: `${f.name(p.between[0])} – ${f.name(p.between[1])}` })),
                  ),
              ]
                .sort((a, b) => a.seq - b.seq)
                .map((p) => (
                  <tr key={`${p.label}-${p.seq}`}>
                    <td dir="ltr" className="report__mono">
                      {f.time(p.at)}
                    </td>
                    <td>{p.label}</td>
                    <td className="num">{f.number(p.value)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}

/** The chart's width in CSS pixels (drawn at its real size, so that its text stays legible), 480 until measured. */
function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(480);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(Math.max(260, Math.min(1100, w)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
