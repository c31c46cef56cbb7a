import { describe, expect, it } from 'vitest';
import { formatCode, parseCode } from './code.ts';

describe('parseCode', () => {
  it('accepts a code in any case, with or without the hyphen or spaces', () => {
    for (const typed of ['7KQM-3XWD', '7kqm3xwd', ' 7kqm 3xwd ', '7KQ-M3X-WD'])
      expect(parseCode(typed)).toEqual({ ok: true, code: '7KQM3XWD' });
  });

  it('says when nothing was typed', () => {
    expect(parseCode(' - ')).toEqual({ ok: false, problem: { key: 'join.error.empty' } });
  });

  it('names the impossible characters and flags look-alikes (0, O, 1, I)', () => {
    expect(parseCode('7KQM-3XW0')).toEqual({
      ok: false,
      problem: { key: 'join.error.characters', chars: '0', lookalike: true },
    });
    expect(parseCode('ABCD-EFG!')).toEqual({
      ok: false,
      problem: { key: 'join.error.characters', chars: '!', lookalike: false },
    });
  });

  it('says how many characters a code has when the length is wrong', () => {
    expect(parseCode('ABCD-EFG')).toEqual({ ok: false, problem: { key: 'join.error.length', count: 7 } });
  });
});

describe('formatCode', () => {
  it('shows codes in two halves while typing', () => {
    expect(formatCode('abcdefgh')).toBe('ABCD-EFGH');
    expect(formatCode('abc')).toBe('ABC');
    expect(formatCode('ABCD-E')).toBe('ABCD-E');
  });
});
