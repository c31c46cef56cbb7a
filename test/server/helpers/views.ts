/**
 * Comparing whole views with a failure message a person can read: a view runs to hundreds of kilobytes, and a deep
 * diff of two of them takes the test runner longer than a test may last. `viewDiff` names each top-level field that
 * differs and shows the text around the first difference; key order does not matter.
 */

/** JSON with object keys sorted at every depth (so that key order does not count as a difference). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const around = (text: string, at: number) => text.slice(Math.max(0, at - 80), at + 160);

/** One line per top-level field that differs: its name and both texts around the first difference. */
export function viewDiff(actual: unknown, expected: unknown): string[] {
  const a = (actual ?? {}) as Record<string, unknown>;
  const b = (expected ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = canonical(a[key]) ?? 'undefined';
    const y = canonical(b[key]) ?? 'undefined';
    if (x === y) continue;
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    out.push(`${key}: got …${around(x, i)}… expected …${around(y, i)}…`);
  }
  return out;
}

export const sameView = (actual: unknown, expected: unknown): boolean => canonical(actual) === canonical(expected);
