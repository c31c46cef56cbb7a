/** Where the cursor is in a YAML scenario, from the lines alone: the key or value path and the word typed so far. */
import { describe, expect, it } from 'vitest';
import { linesOf, yamlContextAt } from './yamlContext.ts';

/** The context at the `¦` in `text` (the mark is removed). */
function at(text: string) {
  const offset = text.indexOf('¦');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  const before = clean.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length;
  return yamlContextAt(linesOf(clean), line, column);
}

describe('yamlContextAt', () => {
  it('reads a top-level key being typed, with the keys already there', () => {
    const ctx = at('version: 1\nid: drill\nti¦\nlevel: advanced\n');
    expect(ctx).toMatchObject({ kind: 'key', path: [], partial: 'ti', from: 0, to: 2 });
    expect(ctx?.kind === 'key' && ctx.keys).toEqual(['version', 'id', 'level']);
  });

  it('follows list items and nested mappings to the key being typed', () => {
    const text = [
      'injects:',
      '  - id: first',
      '    title: First',
      '  - id: second',
      '    body: |',
      '      Something: looks like a key',
      '    chan¦',
    ].join('\n');
    expect(at(text)).toMatchObject({ kind: 'key', path: ['injects', 1], partial: 'chan', column: 4 });
    const ctx = at(text);
    expect(ctx?.kind === 'key' && ctx.keys).toEqual(['id', 'body']);
  });

  it('reads the value being typed, with its path', () => {
    expect(at('injects:\n  - id: a\n    channel: ne¦\n')).toMatchObject({
      kind: 'value',
      path: ['injects', 0, 'channel'],
      partial: 'ne',
      from: 13,
      flow: false,
    });
  });

  it('counts list items (block style, compact style) and nested lists', () => {
    const text = ['phases:', '- id: one', '- id: two', '  transitions:', '    - to: one', '    - to: ¦'].join('\n');
    expect(at(text)).toMatchObject({ kind: 'value', path: ['phases', 1, 'transitions', 1, 'to'], partial: '' });
  });

  it('reads an item of a flow list on the line', () => {
    expect(at('injects:\n  - id: a\n    to: [norland, su¦]\n')).toMatchObject({
      kind: 'value',
      path: ['injects', 0, 'to', 1],
      partial: 'su',
      flow: true,
    });
  });

  it('reads a key and a value inside a flow mapping', () => {
    expect(at('phases:\n  - id: a\n    onTimeout: { t¦')).toMatchObject({
      kind: 'key',
      path: ['phases', 0, 'onTimeout'],
      partial: 't',
      flow: true,
    });
    expect(at('phases:\n  - id: a\n    onTimeout: { to: res¦')).toMatchObject({
      kind: 'value',
      path: ['phases', 0, 'onTimeout', 'to'],
      partial: 'res',
    });
  });

  it('treats a word after a dash as a new list item', () => {
    const ctx = at('channels:\n  - id: regional\n    members:\n      - norland\n      - su¦\n');
    expect(ctx).toMatchObject({ kind: 'key', path: ['channels', 0, 'members', 1], partial: 'su', item: true });
  });

  it('knows when a colon already follows the word (editing an existing key)', () => {
    const text = 'title: x\nlev¦el: advanced\n';
    const offset = text.indexOf('¦');
    const clean = text.replace('¦', '');
    const ctx = yamlContextAt(linesOf(clean), 2, offset - 'title: x\n'.length);
    expect(ctx).toMatchObject({ kind: 'key', partial: 'lev', to: 5, hasColon: true });
  });

  it('offers nothing inside text blocks and comments', () => {
    expect(at('injects:\n  - id: a\n    body: |\n      some te¦')).toBeNull();
    expect(at('version: 1 # the for¦')).toBeNull();
    expect(at('# a comm¦')).toBeNull();
  });
});
