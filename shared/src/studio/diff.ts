/**
 * A line diff between two versions of a scenario, for the studio's history: Myers' O(ND) algorithm in linear space
 * (the middle-snake bisection), after trimming the common head and tail. The result is a shortest edit script as
 * long as the work stays under a budget; past it, the remaining middle of the texts is reported as removed and
 * re-added (still a correct diff, only a longer one, and `minimal` says so), so that two unrelated 500 KiB files
 * cost a bounded time on the server.
 *
 *   const diff = diffText(before, after);           // { added, removed, minimal, hunks }
 *   formatUnified(diff, 'v3', 'v4');                 // `--- v3` / `+++ v4` / `@@ -1,4 +1,5 @@` …
 *
 * Pure: no clock, no randomness.
 */

export type DiffLineKind = 'same' | 'added' | 'removed';

export type DiffLine = {
  readonly kind: DiffLineKind;
  readonly text: string;
  /** 1-based line in the old text; null for an added line. */
  readonly oldLine: number | null;
  /** 1-based line in the new text; null for a removed line. */
  readonly newLine: number | null;
};

/** A stretch of changes with up to `context` unchanged lines around it, as in a unified diff. */
export type DiffHunk = {
  /** First old line of the hunk (1-based; for an empty range, the line before it, as `diff -u` writes it). */
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly lines: readonly DiffLine[];
};

export type TextDiff = {
  /** Lines added and removed. */
  readonly added: number;
  readonly removed: number;
  /** False when the work budget ran out and part of the diff is coarser than a shortest one. */
  readonly minimal: boolean;
  readonly hunks: readonly DiffHunk[];
};

export type DiffOptions = {
  /** Unchanged lines shown around each change. Default 3. */
  readonly context?: number;
  /** Snake steps allowed before falling back to a coarse diff. Default 5 million (a fifth of a second or so). */
  readonly maxWork?: number;
};

export const DEFAULT_CONTEXT = 3;
export const DEFAULT_MAX_WORK = 5_000_000;

/** The lines of a text: `\n` or `\r\n` separated; a final line break does not start another line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

type Op = 0 | 1 | 2; // same, removed, added
const SAME: Op = 0;
const REMOVED: Op = 1;
const ADDED: Op = 2;

class Differ {
  readonly ops: Op[] = [];
  private work = 0;
  exhausted = false;
  /** False when the texts share no line: every line is then removed or added, which is already shortest. */
  search = true;
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly maxWork: number;

  constructor(a: Int32Array, b: Int32Array, maxWork: number) {
    this.a = a;
    this.b = b;
    this.maxWork = maxWork;
  }

  /** Appends the edit script turning a[aLo, aHi) into b[bLo, bHi). Recursion depth is O(log) in practice. */
  diff(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const { a, b } = this;
    let head = 0;
    while (aLo + head < aHi && bLo + head < bHi && a[aLo + head] === b[bLo + head]) head++;
    let tail = 0;
    while (aHi - tail > aLo + head && bHi - tail > bLo + head && a[aHi - tail - 1] === b[bHi - tail - 1]) tail++;
    for (let i = 0; i < head; i++) this.ops.push(SAME);
    const a0 = aLo + head;
    const a1 = aHi - tail;
    const b0 = bLo + head;
    const b1 = bHi - tail;
    if (a0 === a1) {
      for (let j = b0; j < b1; j++) this.ops.push(ADDED);
    } else if (b0 === b1) {
      for (let i = a0; i < a1; i++) this.ops.push(REMOVED);
    } else {
      const split = this.exhausted || !this.search ? null : this.middle(a0, a1, b0, b1);
      if (split === null) {
        for (let i = a0; i < a1; i++) this.ops.push(REMOVED);
        for (let j = b0; j < b1; j++) this.ops.push(ADDED);
      } else {
        this.diff(a0, a0 + split.x, b0, b0 + split.y);
        this.diff(a0 + split.x, a1, b0 + split.y, b1);
      }
    }
    for (let i = 0; i < tail; i++) this.ops.push(SAME);
  }

  /**
   * Where a shortest edit script crosses the middle: searches forward from the start and backward from the end
   * until the two frontiers overlap (Myers 1986, section 4b). Null when the ranges share nothing or work ran out.
   */
  private middle(aLo: number, aHi: number, bLo: number, bHi: number): { x: number; y: number } | null {
    const { a, b } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.ceil((n + m) / 2);
    const offset = maxD;
    const size = 2 * maxD + 2;
    const forward = new Int32Array(size).fill(-1);
    const backward = new Int32Array(size).fill(-1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const delta = n - m;
    const odd = delta % 2 !== 0;
    let k1start = 0;
    let k1end = 0;
    let k2start = 0;
    let k2end = 0;
    for (let d = 0; d < maxD; d++) {
      if (this.work > this.maxWork) {
        this.exhausted = true;
        return null;
      }
      for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        const i1 = offset + k1;
        let x1 =
          k1 === -d || (k1 !== d && (forward[i1 - 1] ?? -1) < (forward[i1 + 1] ?? -1))
            ? (forward[i1 + 1] ?? 0)
            : (forward[i1 - 1] ?? 0) + 1;
        let y1 = x1 - k1;
        const start1 = x1;
        while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
          x1++;
          y1++;
        }
        this.work += 1 + x1 - start1;
        forward[i1] = x1;
        if (x1 > n) k1end += 2;
        else if (y1 > m) k1start += 2;
        else if (odd) {
          const i2 = offset + delta - k1;
          if (i2 >= 0 && i2 < size && (backward[i2] ?? -1) !== -1 && x1 >= n - (backward[i2] ?? 0)) {
            return { x: x1, y: y1 };
          }
        }
      }
      for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        const i2 = offset + k2;
        let x2 =
          k2 === -d || (k2 !== d && (backward[i2 - 1] ?? -1) < (backward[i2 + 1] ?? -1))
            ? (backward[i2 + 1] ?? 0)
            : (backward[i2 - 1] ?? 0) + 1;
        let y2 = x2 - k2;
        const start2 = x2;
        while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
          x2++;
          y2++;
        }
        this.work += 1 + x2 - start2;
        backward[i2] = x2;
        if (x2 > n) k2end += 2;
        else if (y2 > m) k2start += 2;
        else if (!odd) {
          const i1 = offset + delta - k2;
          if (i1 >= 0 && i1 < size && (forward[i1] ?? -1) !== -1) {
            const x1 = forward[i1] ?? 0;
            const y1 = offset + x1 - i1;
            if (x1 >= n - x2) return { x: x1, y: y1 };
          }
        }
      }
    }
    return null;
  }
}

/** Every line of both texts in order, unchanged, removed or added (within a change, removals come first). */
export function diffLines(oldText: string, newText: string, options: Pick<DiffOptions, 'maxWork'> = {}): DiffLine[] {
  return lineDiff(splitLines(oldText), splitLines(newText), options.maxWork ?? DEFAULT_MAX_WORK).lines;
}

function lineDiff(
  oldLines: readonly string[],
  newLines: readonly string[],
  maxWork: number,
): { lines: DiffLine[]; minimal: boolean } {
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]) =>
    Int32Array.from(lines, (line) => {
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      return id;
    });
  const a = intern(oldLines);
  const b = intern(newLines);
  const inOld = new Set(a);
  // Texts without a line in common (another scenario pasted over this one): no search needed.
  const differ = new Differ(a, b, maxWork);
  if (!b.some((id) => inOld.has(id))) differ.search = false;
  differ.diff(0, oldLines.length, 0, newLines.length);

  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  const ops = differ.ops;
  for (let p = 0; p < ops.length; ) {
    if (ops[p] === SAME) {
      lines.push({ kind: 'same', text: oldLines[i] ?? '', oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
      p++;
      continue;
    }
    // A run of changes: all its removals, then all its additions.
    const added: DiffLine[] = [];
    for (; p < ops.length && ops[p] !== SAME; p++) {
      if (ops[p] === REMOVED) {
        lines.push({ kind: 'removed', text: oldLines[i] ?? '', oldLine: i + 1, newLine: null });
        i++;
      } else {
        added.push({ kind: 'added', text: newLines[j] ?? '', oldLine: null, newLine: j + 1 });
        j++;
      }
    }
    lines.push(...added);
  }
  return { lines, minimal: !differ.exhausted };
}

/** Groups changes into hunks with `context` unchanged lines around them; hunks whose context touches merge. */
export function diffHunks(lines: readonly DiffLine[], context = DEFAULT_CONTEXT): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  const changed: number[] = [];
  lines.forEach((line, index) => {
    if (line.kind !== 'same') changed.push(index);
  });
  let k = 0;
  while (k < changed.length) {
    const first = changed[k] ?? 0;
    let last = first;
    while (k + 1 < changed.length && (changed[k + 1] ?? 0) - last <= 2 * context + 1) last = changed[++k] ?? last;
    k++;
    const from = Math.max(0, first - context);
    const to = Math.min(lines.length, last + context + 1);
    const slice = lines.slice(from, to);
    hunks.push({ ...ranges(lines, from, slice), lines: slice });
  }
  return hunks;
}

function ranges(all: readonly DiffLine[], from: number, slice: readonly DiffLine[]) {
  const oldLines = slice.filter((l) => l.kind !== 'added').length;
  const newLines = slice.filter((l) => l.kind !== 'removed').length;
  // The line numbers just before the hunk: how many old and new lines precede it.
  let oldBefore = 0;
  let newBefore = 0;
  for (let i = 0; i < from; i++) {
    if (all[i]?.kind !== 'added') oldBefore++;
    if (all[i]?.kind !== 'removed') newBefore++;
  }
  return {
    oldStart: oldLines === 0 ? oldBefore : oldBefore + 1,
    oldLines,
    newStart: newLines === 0 ? newBefore : newBefore + 1,
    newLines,
  };
}

/** The diff between two texts as counts and hunks. */
export function diffText(oldText: string, newText: string, options: DiffOptions = {}): TextDiff {
  const { lines, minimal } = lineDiff(splitLines(oldText), splitLines(newText), options.maxWork ?? DEFAULT_MAX_WORK);
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'added') added++;
    else if (line.kind === 'removed') removed++;
  }
  return { added, removed, minimal, hunks: diffHunks(lines, options.context ?? DEFAULT_CONTEXT) };
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);

/** The diff as unified-diff text (`diff -u`, `git apply` read it); empty when nothing changed. */
export function formatUnified(diff: Pick<TextDiff, 'hunks'>, oldName: string, newName: string): string {
  if (diff.hunks.length === 0) return '';
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const h of diff.hunks) {
    out.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`);
    for (const line of h.lines)
      out.push(`${line.kind === 'same' ? ' ' : line.kind === 'added' ? '+' : '-'}${line.text}`);
  }
  return `${out.join('\n')}\n`;
}
