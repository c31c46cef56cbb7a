import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, lists and quotes as a briefing writes them', () => {
    const blocks = parseMarkdown(
      '### Your interests\n- Restore **fast**\n- Election soon\n\nA paragraph\nwith two lines.\n\n> quoted',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'list', 'paragraph', 'quote']);
    expect(blocks[1]).toEqual({
      kind: 'list',
      items: [
        [
          { kind: 'text', text: 'Restore ' },
          { kind: 'strong', text: 'fast' },
        ],
        [{ kind: 'text', text: 'Election soon' }],
      ],
    });
    expect(blocks[2]).toEqual({ kind: 'paragraph', lines: [[{ kind: 'text', text: 'A paragraph with two lines.' }]] });
  });

  it('flows source lines together, so emphasis may span them, and breaks only where asked', () => {
    const [p] = parseMarkdown('invites the question: *why were you\nunprotected?* Then  \nnext line.');
    expect(p).toEqual({
      kind: 'paragraph',
      lines: [
        [
          { kind: 'text', text: 'invites the question: ' },
          { kind: 'em', text: 'why were you unprotected?' },
          { kind: 'text', text: ' Then' },
        ],
        [{ kind: 'text', text: 'next line.' }],
      ],
    });
    const [list] = parseMarkdown('- a long item\n  that wraps\n- second');
    expect(list).toEqual({
      kind: 'list',
      items: [[{ kind: 'text', text: 'a long item that wraps' }], [{ kind: 'text', text: 'second' }]],
    });
  });

  it('reads numbered lists, keeping their first number', () => {
    expect(parseMarkdown('Steps:\n\n3. Call the CERT\n   at once\n4) Brief the minister')).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Steps:' }]] },
      {
        kind: 'list',
        start: 3,
        items: [[{ kind: 'text', text: 'Call the CERT at once' }], [{ kind: 'text', text: 'Brief the minister' }]],
      },
    ]);
    expect(parseMarkdown('2026 was calm.')[0]?.kind).toBe('paragraph');
  });

  it('keeps markup out: tags stay text', () => {
    expect(parseInline('<img src=x onerror=alert(1)> *ship*')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> ' },
      { kind: 'em', text: 'ship' },
    ]);
  });
});
