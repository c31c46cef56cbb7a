/**
 * Number ranges for the satisfiability check: a variable's [min, max] narrowed by comparisons (gt, gte, lt, lte, eq).
 */

export type Comparisons = {
  gt?: number | undefined;
  gte?: number | undefined;
  lt?: number | undefined;
  lte?: number | undefined;
  eq?: number | undefined;
};
export type Interval = { lo: number; loOpen: boolean; hi: number; hiOpen: boolean };

export function closed(lo: number, hi: number): Interval {
  return { lo, loOpen: false, hi, hiOpen: false };
}

function raise(i: Interval, lo: number, open: boolean): Interval {
  if (lo > i.lo || (lo === i.lo && open && !i.loOpen)) return { ...i, lo, loOpen: open };
  return i;
}

function lower(i: Interval, hi: number, open: boolean): Interval {
  if (hi < i.hi || (hi === i.hi && open && !i.hiOpen)) return { ...i, hi, hiOpen: open };
  return i;
}

/** The part of `interval` where every comparison holds. */
export function narrow(interval: Interval, c: Comparisons): Interval {
  let i = interval;
  if (c.gt !== undefined) i = raise(i, c.gt, true);
  if (c.gte !== undefined) i = raise(i, c.gte, false);
  if (c.lt !== undefined) i = lower(i, c.lt, true);
  if (c.lte !== undefined) i = lower(i, c.lte, false);
  if (c.eq !== undefined) i = lower(raise(i, c.eq, false), c.eq, false);
  return i;
}

export function isEmpty(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));
}

/** `gt: 10, lte: 3` */
export function formatComparisons(c: Comparisons): string {
  return (['gt', 'gte', 'lt', 'lte', 'eq'] as const)
    .filter((k) => c[k] !== undefined)
    .map((k) => `${k}: ${c[k]}`)
    .join(', ');
}
