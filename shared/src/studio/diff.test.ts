import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalScenarioYaml } from '../scenario/fixtures.ts';
import { type DiffLine, diffHunks, diffLines, diffText, formatUnified, splitLines } from './diff.ts';

/** Length of a longest common subsequence, by dynamic programming (small inputs only). */
function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] ?? 0;
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1] ?? 0);
      diag = up;
    }
  }
  return row[b.length] ?? 0;
}

const oldSide = (lines: readonly DiffLine[]) => lines.filter((l) => l.kind !== 'added').map((l) => l.text);
const newSide = (lines: readonly DiffLine[]) => lines.filter((l) => l.kind !== 'removed').map((l) => l.text);
const text = (lines: readonly string[]) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);

/** Applies a unified diff to the old lines (what `patch` does), to check the hunks' numbers. */
function applyUnified(old: readonly string[], unified: string): string[] {
  const out: string[] = [];
  let at = 0;
  const rows = unified.split('\n').slice(2, -1);
  for (const row of rows) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(row);
    if (header) {
      const start = Number(header[1]);
      const count = header[2] === undefined ? 1 : Number(header[2]);
      const upTo = count === 0 ? start : start - 1;
      while (at < upTo) out.push(old[at++] ?? '');
      continue;
    }
    const body = row.slice(1);
    if (row.startsWith(' ')) {
      expect(old[at]).toBe(body);
      out.push(body);
      at++;
    } else if (row.startsWith('-')) {
      expect(old[at]).toBe(body);
      at++;
    } else out.push(body);
  }
  while (at < old.length) out.push(old[at++] ?? '');
  return out;
}

describe('splitLines', () => {
  it('splits on LF and CRLF and does not count a final line break as a line', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a')).toEqual(['a']);
    expect(splitLines('a\n')).toEqual(['a']);
    expect(splitLines('a\r\nb\n\n')).toEqual(['a', 'b', '']);
  });
});

describe('diffLines', () => {
  it('marks an inserted line, a removed line and a changed line with their line numbers', () => {
    const lines = diffLines(
      'id: x\ntitle: Old\nlevel: introductory\n',
      'id: x\ntitle: New\nlevel: introductory\nx: 1\n',
    );
    expect(lines).toEqual([
      { kind: 'same', text: 'id: x', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'title: Old', oldLine: 2, newLine: null },
      { kind: 'added', text: 'title: New', oldLine: null, newLine: 2 },
      { kind: 'same', text: 'level: introductory', oldLine: 3, newLine: 3 },
      { kind: 'added', text: 'x: 1', oldLine: null, newLine: 4 },
    ]);
  });

  it('handles empty texts on either side', () => {
    expect(diffLines('', '')).toEqual([]);
    expect(diffLines('', 'a\nb\n').map((l) => l.kind)).toEqual(['added', 'added']);
    expect(diffLines('a\nb\n', '').map((l) => l.kind)).toEqual(['removed', 'removed']);
  });

  it('finds a shortest edit script: as many unchanged lines as a longest common subsequence', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(line, { maxLength: 40 }), (a, b) => {
        const lines = diffLines(text(a), text(b));
        expect(oldSide(lines)).toEqual(a);
        expect(newSide(lines)).toEqual(b);
        expect(lines.filter((l) => l.kind === 'same').length).toBe(lcs(a, b));
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('stays a correct (if longer) diff when the work budget runs out', () => {
    const a = Array.from({ length: 300 }, (_, i) => `line ${i % 17} ${i % 5}`);
    const b = Array.from({ length: 300 }, (_, i) => `line ${i % 13} ${i % 5}`);
    const coarse = diffText(text(a), text(b), { maxWork: 50 });
    expect(coarse.minimal).toBe(false);
    const exact = diffText(text(a), text(b));
    expect(exact.minimal).toBe(true);
    expect(coarse.added - coarse.removed).toBe(exact.added - exact.removed);
    expect(coarse.added).toBeGreaterThan(exact.added);
    const lines = diffLines(text(a), text(b), { maxWork: 50 });
    expect(oldSide(lines)).toEqual(a);
    expect(newSide(lines)).toEqual(b);
  });
});

describe('hunks and unified diff', () => {
  const base = splitLines(minimalScenarioYaml);

  it('shows each change with three lines of context, merging changes that are close', () => {
    const edited = [...base];
    edited[10] = 'durationMinutes: 45';
    edited[12] = 'level: intermediate';
    edited.splice(100, 1);
    const diff = diffText(text(base), text(edited));
    expect(diff).toMatchObject({ added: 2, removed: 3, minimal: true });
    expect(diff.hunks).toHaveLength(2);
    const [first, second] = diff.hunks;
    expect(first).toMatchObject({ oldStart: 8, oldLines: 9, newStart: 8, newLines: 9 });
    expect(first?.lines.filter((l) => l.kind !== 'same').map((l) => l.text)).toEqual([
      base[10],
      'durationMinutes: 45',
      base[12],
      'level: intermediate',
    ]);
    expect(second).toMatchObject({ oldStart: 98, oldLines: 7, newStart: 98, newLines: 6 });
  });

  it('writes a unified diff that turns the old text into the new one', () => {
    const line = fc.constantFrom('x', 'y', 'z', '  - id: a', 'title: T');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.array(line, { maxLength: 60 }), fc.nat(4), (a, b, context) => {
        const unified = formatUnified(diffText(text(a), text(b), { context }), 'v1', 'v2');
        if (unified === '') {
          expect(a).toEqual(b);
          return;
        }
        expect(unified.startsWith('--- v1\n+++ v2\n@@ ')).toBe(true);
        expect(applyUnified(a, unified)).toEqual(b);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('numbers hunks at the start and the end of a file as diff -u does', () => {
    expect(formatUnified(diffText('', 'a\n'), 'old', 'new')).toBe('--- old\n+++ new\n@@ -0,0 +1 @@\n+a\n');
    expect(formatUnified(diffText('a\nb\n', 'a\n'), 'old', 'new')).toBe('--- old\n+++ new\n@@ -1,2 +1 @@\n a\n-b\n');
    expect(formatUnified(diffText('same\n', 'same\n'), 'old', 'new')).toBe('');
    expect(diffHunks(diffLines('a\n', 'a\n'))).toEqual([]);
  });

  it('diffs two large unrelated files within the budget', () => {
    const a = Array.from({ length: 15_000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 15_000 }, (_, i) => `b${i}`);
    const diff = diffText(text(a), text(b));
    expect(diff.added).toBe(15_000);
    expect(diff.removed).toBe(15_000);
    expect(diff.minimal).toBe(true);
  });
});
