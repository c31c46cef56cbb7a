import { describe, expect, it } from 'vitest';
import { formatCode, parseJoinCode } from './joinCode.ts';

describe('join codes as people type them', () => {
  it('accepts any case, spaces and hyphens', () => {
    expect(parseJoinCode(' 7kqm-3xwd ')).toEqual({ ok: true, code: '7KQM3XWD' });
    expect(parseJoinCode('7KQM 3XWD')).toEqual({ ok: true, code: '7KQM3XWD' });
  });

  it('names the impossible characters and flags look-alikes', () => {
    expect(parseJoinCode('7KQM-3XW0')).toEqual({
      ok: false,
      problem: { kind: 'characters', chars: ['0'], lookalike: true },
    });
    expect(parseJoinCode('7KQM-3XW#')).toEqual({
      ok: false,
      problem: { kind: 'characters', chars: ['#'], lookalike: false },
    });
  });

  it('says when a code is empty or has the wrong length', () => {
    expect(parseJoinCode(' - ')).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(parseJoinCode('7KQM3XW')).toEqual({ ok: false, problem: { kind: 'length', count: 7 } });
  });

  it('shows codes in two halves, also while typing', () => {
    expect(formatCode('7kqm3xwd')).toBe('7KQM-3XWD');
    expect(formatCode('7kq')).toBe('7KQ');
  });
});
