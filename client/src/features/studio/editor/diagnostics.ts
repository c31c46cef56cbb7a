/**
 * From the validator's diagnostics and lint's findings (line, column, field path, message) to marks in the editor:
 * the span they are about (the word, quoted text, key or flow list at that place) and, where the message suggests
 * a word ("… (did you mean "france"?)"), the quick fix that puts it in place of the wrong one.
 */
import type { Text } from '@codemirror/state';
import type { ParseResult } from '@parley/shared/scenario/parse.ts';
import type { PlacedFinding } from './lintPlace.ts';

export type MarkSeverity = 'error' | 'warning' | 'info';

export type QuickFix = { readonly from: number; readonly to: number; readonly insert: string };

export type EditorMark = {
  readonly from: number;
  readonly to: number;
  readonly severity: MarkSeverity;
  /** The validator's or lint's words. */
  readonly message: string;
  /** The field, e.g. `injects[3].to` (empty for the whole document). */
  readonly field: string;
  readonly source: 'validator' | 'lint';
  readonly line: number;
  readonly column: number;
  readonly fix: QuickFix | null;
};

function closing(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\' && quote === '"') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

function matchingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = closing(text, i) - 1;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** Whether position `at` of a line is inside a flow collection opened earlier on the line. */
function inFlow(text: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = closing(text, i) - 1;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth > 0;
}

/** The span a diagnostic at `line`:`column` (1-based) is about. */
export function markRange(doc: Text, line: number, column: number): { from: number; to: number } {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  const text = l.text;
  const start = Math.min(Math.max(0, column - 1), text.length);
  const rest = text.slice(start);
  if (rest.trim() === '') {
    const first = text.length - text.trimStart().length;
    if (first < text.length) return { from: l.from + first, to: l.from + text.trimEnd().length };
    return { from: l.from + start, to: l.from + start };
  }
  const c = text[start];
  let end: number;
  if (c === '"' || c === "'") end = closing(text, start);
  else if (c === '[' || c === '{') end = matchingBracket(text, start);
  else {
    const flow = inFlow(text, start);
    end = start;
    while (end < text.length) {
      const ch = text[end];
      if (flow && (ch === ',' || ch === ']' || ch === '}')) break;
      if (ch === ':' && (end + 1 === text.length || text[end + 1] === ' ')) break;
      if (ch === '#' && text[end - 1] === ' ') break;
      end++;
    }
    while (end > start && text[end - 1] === ' ') end--;
    if (end === start) end = start + 1;
  }
  return { from: l.from + start, to: l.from + end };
}

const SUGGESTION = /\(did you mean "([^"]+)"\?\)/;
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

function bare(text: string): string {
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.endsWith(text[0]) ? text.slice(1, -1) : text;
}

/**
 * The quick fix a message offers: the word it suggests in place of the wrong one, found at the marked span (or
 * further along the same line).
 */
export function quickFixFor(message: string, doc: Text, from: number, to: number): QuickFix | null {
  const suggestion = SUGGESTION.exec(message);
  if (suggestion === null) return null;
  const replacement = suggestion[1] as string;
  const head = message.slice(0, suggestion.index);
  const words = [...head.matchAll(QUOTED)].map((m) => {
    try {
      return JSON.parse(`"${m[1] as string}"`) as string;
    } catch {
      return m[1] as string;
    }
  });
  if (words.length === 0) return null;
  const marked = doc.sliceString(from, to);
  const plain = bare(marked);
  const offset = marked === plain ? 0 : 1;
  const exact = words.find((w) => w === plain && w !== replacement);
  if (exact !== undefined) return { from: from + offset, to: from + offset + exact.length, insert: replacement };
  // Not at the mark: the nearest whole word on the line from the mark on (the last quoted word is what was given).
  const line = doc.lineAt(from);
  const after = line.text.slice(from - line.from);
  for (const word of [...words].reverse()) {
    if (word === replacement || word === '') continue;
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = new RegExp(`(^|[^A-Za-z0-9_$.-])(${escaped})(?![A-Za-z0-9_$-])`).exec(after);
    if (found !== null) {
      const at = from + found.index + (found[1] as string).length;
      return { from: at, to: at + word.length, insert: replacement };
    }
  }
  return null;
}

function mark(
  doc: Text,
  d: { line: number; column: number; message: string; field: string },
  severity: MarkSeverity,
  source: EditorMark['source'],
): EditorMark {
  const { from, to } = markRange(doc, d.line, d.column);
  return {
    from,
    to,
    severity,
    message: d.message,
    field: d.field,
    source,
    line: d.line,
    column: d.column,
    fix: quickFixFor(d.message, doc, from, to),
  };
}

/** The validator's errors and warnings as marks. */
export function marksFromParse(parsed: ParseResult, doc: Text): EditorMark[] {
  const errors = parsed.ok ? [] : parsed.errors;
  return [
    ...errors.map((d) => mark(doc, { ...d, field: d.path }, 'error', 'validator')),
    ...parsed.warnings.map((d) => mark(doc, { ...d, field: d.path }, 'warning', 'validator')),
  ];
}

/** Lint's findings as marks. */
export function marksFromFindings(findings: readonly PlacedFinding[], doc: Text): EditorMark[] {
  return findings.map((f) => mark(doc, f, f.severity, 'lint'));
}
