/**
 * "Did you mean ...?": the nearest candidate by edit distance (Levenshtein with adjacent transpositions, so
 * "frnace" is one edit from "france"), offered only when it is close enough to be a plausible typo.
 */

/** Optimal-string-alignment distance between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** How many edits still count as a typo: 1 for short words, up to 3 for long ones. */
function tolerance(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

/** The closest candidate within typo distance (case-insensitive), or undefined (also when `word` is a candidate). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const list = [...candidates];
  if (list.includes(word)) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of list) {
    if (Math.abs(candidate.length - word.length) > tolerance(candidate)) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance && distance <= tolerance(candidate)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "france"?)`, or an empty string when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
