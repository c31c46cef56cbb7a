/**
 * The review's line charts, as pure geometry: linear scales, round ticks for values and game time, step paths (a
 * variable keeps its value until the next change), phase bands, and the value of a series at a moment.
 */
import type { SeriesPoint } from '@parley/shared/review/types.ts';

export type Scale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Round value ticks between min and max (inclusive), about `count` of them, on steps of 1, 2 or 5 × 10ⁿ. */
export function valueTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

const MINUTE = 60_000;
const TIME_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240].map((m) => m * MINUTE);

/** Game-time ticks between t0 and t1 on whole minutes (1, 2, 5, 10, 15… min), at most about `count`. */
export function timeTicks(t0: number, t1: number, count = 6): number[] {
  if (!(t1 > t0)) return [t0];
  const raw = (t1 - t0) / Math.max(1, count);
  const step = TIME_STEPS.find((s) => s >= raw) ?? Math.ceil(raw / (60 * MINUTE)) * 60 * MINUTE;
  const out: number[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) out.push(t);
  return out;
}

/**
 * A step path through the points (held until the next change, then to `end`): `M x y H x V y … H xEnd`. Points
 * before `start` are clipped to it.
 */
export function stepPath(points: readonly SeriesPoint[], x: Scale, y: Scale, start: number, end: number): string {
  if (points.length === 0) return '';
  const r = (n: number) => Math.round(n * 10) / 10;
  let d = '';
  for (const p of points) {
    const px = r(x(Math.max(start, Math.min(end, p.at))));
    const py = r(y(p.value));
    d += d === '' ? `M${px} ${py}` : `H${px}V${py}`;
  }
  return `${d}H${r(x(end))}`;
}

/** The value of a series right after event `seq` (its last point at or before it), or null before its first. */
export function valueAt(points: readonly SeriesPoint[], seq: number): number | null {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as SeriesPoint).seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : (points[lo - 1] as SeriesPoint).value;
}

export type Band = { readonly from: number; readonly to: number; readonly label: string };

/** Phase bands: each phase from its entry to the next one's (the last to `end`), inside [start, end]. */
export function phaseBands(
  entries: readonly { readonly at: number; readonly label: string }[],
  start: number,
  end: number,
): Band[] {
  const sorted = [...entries].sort((a, b) => a.at - b.at);
  const bands: Band[] = [];
  sorted.forEach((e, i) => {
    const from = Math.max(start, e.at);
    const to = Math.min(end, sorted[i + 1]?.at ?? end);
    if (to > from) bands.push({ from, to, label: e.label });
  });
  return bands;
}

/** Whether a series ever changed (more than its starting point). */
export const changes = (points: readonly SeriesPoint[]): number => Math.max(0, points.length - 1);
