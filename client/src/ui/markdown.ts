/**
 * The small Markdown subset scenario texts use (headings, paragraphs, bullet and numbered lists, block quotes, **bold**,
 * *italic*, `code`), parsed into blocks of inline spans. Rendered as React elements, never as HTML, so a scenario
 * can never inject markup.
 */

export type Span = { readonly kind: 'text' | 'strong' | 'em' | 'code'; readonly text: string };
export type Block =
  | { readonly kind: 'heading'; readonly spans: readonly Span[] }
  | { readonly kind: 'paragraph'; readonly lines: readonly (readonly Span[])[] }
  | { readonly kind: 'quote'; readonly lines: readonly (readonly Span[])[] }
  | {
      readonly kind: 'list';
      readonly items: readonly (readonly Span[])[];
      /** A numbered list's first number (`3. …` starts at 3); absent for a bullet list. */
      readonly start?: number;
    };

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*)/g;

export function parseInline(line: string): Span[] {
  const spans: Span[] = [];
  for (const part of line.split(INLINE)) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      spans.push({ kind: 'strong', text: part.slice(2, -2) });
    else if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      spans.push({ kind: 'code', text: part.slice(1, -1) });
    else if (part.startsWith('*') && part.endsWith('*') && part.length > 2)
      spans.push({ kind: 'em', text: part.slice(1, -1) });
    else spans.push({ kind: 'text', text: part });
  }
  return spans;
}

/**
 * Blocks from Markdown source. As in Markdown, the lines of a paragraph, quote or list item flow together (a single
 * line break is a space, so emphasis may span lines); a line ending in two spaces or a backslash breaks the line.
 */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  type Open = { kind: 'paragraph' | 'quote' | 'list' | 'numbered'; entries: string[][]; start?: number };
  let open = null as Open | null;
  /** Each entry is a list of hard-broken segments; the segments of paragraphs and quotes become its lines. */
  const inline = (segments: string[]) => segments.map((segment) => parseInline(segment));
  const close = () => {
    if (!open) return;
    const items = () => open?.entries.map((e) => parseInline(e.join(' '))) ?? [];
    if (open.kind === 'list') blocks.push({ kind: 'list', items: items() });
    else if (open.kind === 'numbered') blocks.push({ kind: 'list', items: items(), start: open.start ?? 1 });
    else blocks.push({ kind: open.kind, lines: inline(open.entries.flat()) });
    open = null;
  };
  /** Adds a source line: a new entry (list item) or a continuation of the current segment. */
  const add = (kind: Open['kind'], text: string, hardBreak: boolean, newEntry: boolean, start?: number) => {
    if (open?.kind !== kind) {
      close();
      open = start === undefined ? { kind, entries: [] } : { kind, entries: [], start };
    }
    const current = open.entries.at(-1);
    if (newEntry || !current) open.entries.push([text]);
    else {
      const last = current.length - 1;
      current[last] = current[last] ? `${current[last]} ${text}` : text;
    }
    if (hardBreak) open.entries.at(-1)?.push('');
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const hardBreak = / {2,}$|\\$/.test(raw);
    const line = raw.trimEnd().replace(/\\$/, '');
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*(\d{1,9})[.)]\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (line.trim() === '') close();
    else if (heading) {
      close();
      blocks.push({ kind: 'heading', spans: parseInline(heading[1] ?? '') });
    } else if (item) add('list', item[1] ?? '', hardBreak, true);
    else if (numbered) add('numbered', numbered[2] ?? '', hardBreak, true, Number(numbered[1]));
    else if (quote) add('quote', quote[1] ?? '', hardBreak, false);
    else if (open?.kind === 'list' || open?.kind === 'numbered') add(open.kind, line.trim(), hardBreak, false);
    else add('paragraph', line.trim(), hardBreak, false);
  }
  close();
  return blocks.map((b) =>
    b.kind === 'paragraph' || b.kind === 'quote' ? { ...b, lines: b.lines.filter((l) => l.length > 0) } : b,
  );
}
