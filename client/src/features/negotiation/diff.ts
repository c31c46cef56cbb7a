/**
 * A word-level comparison of two clause texts (the longest common subsequence of their words), for showing an
 * amendment as struck and inserted words. Whitespace is kept with the word before it, so joining the parts' texts
 * gives back each side.
 */

export type DiffPart = { readonly kind: 'same' | 'added' | 'removed'; readonly text: string };

/** Words with the spaces that follow them. */
const words = (text: string): string[] => text.match(/\S+\s*|\s+/g) ?? [];

/** Past this many words on both sides (a table of ~4 million cells), the whole text is shown as replaced. */
const MAX_CELLS = 4_000_000;

export function diffWords(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  if (a.length * b.length > MAX_CELLS) return merge([...parts(a, 'removed'), ...parts(b, 'added')]);
  const same = (x: string, y: string) => x.trimEnd() === y.trimEnd();
  // lcs[i][j]: the longest common run of a[i..] and b[j..].
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const next = lcs[i + 1] as Uint32Array;
    for (let j = b.length - 1; j >= 0; j--)
      row[j] = same(a[i] as string, b[j] as string)
        ? (next[j + 1] as number) + 1
        : Math.max(next[j] as number, row[j + 1] as number);
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i] as string, b[j] as string)) {
      out.push({ kind: 'same', text: b[j] as string });
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) out.push({ kind: 'removed', text: a[i++] as string });
    else out.push({ kind: 'added', text: b[j++] as string });
  }
  out.push(...parts(a.slice(i), 'removed'), ...parts(b.slice(j), 'added'));
  return merge(out);
}

const parts = (ws: readonly string[], kind: DiffPart['kind']): DiffPart[] => ws.map((text) => ({ kind, text }));

/** Runs of the same kind as one part. */
function merge(input: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of input) {
    const last = out.at(-1);
    if (last && last.kind === p.kind) out[out.length - 1] = { kind: p.kind, text: last.text + p.text };
    else out.push(p);
  }
  return out;
}

/** True when the comparison found any change. */
export const hasChanges = (parts: readonly DiffPart[]): boolean => parts.some((p) => p.kind !== 'same');
