import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_BITS, formatCode, generateCode, generateId, joinLink, parseCode } from './codes.ts';

describe('join codes', () => {
  it('are 8 symbols from an alphabet of 32 without 0, O, 1 or I: 40 bits', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const c of '01OI') expect(CODE_ALPHABET).not.toContain(c);
    expect(CODE_BITS).toBe(Math.log2(CODE_ALPHABET.length) * 8);
    for (let i = 0; i < 100; i++) expect(generateCode()).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });

  it('use every symbol in every position about equally often (no bias, no stuck bits)', () => {
    const counts = Array.from({ length: 8 }, () => new Map<string, number>());
    const draws = 16_000;
    for (let i = 0; i < draws; i++) {
      [...generateCode()].forEach((c, pos) => {
        counts[pos]?.set(c, (counts[pos]?.get(c) ?? 0) + 1);
      });
    }
    for (const position of counts) {
      expect(position.size).toBe(32);
      for (const n of position.values()) {
        expect(n).toBeGreaterThan(draws / 32 / 2);
        expect(n).toBeLessThan((draws / 32) * 1.5);
      }
    }
    expect(new Set(Array.from({ length: 10_000 }, generateCode)).size).toBe(10_000);
  });

  it('read in two halves and come as a link', () => {
    expect(formatCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(joinLink('https://parley.example.org/', 'ABCDEFGH')).toBe('https://parley.example.org/join/ABCD-EFGH');
  });

  it('are accepted in any case, with or without spaces and hyphens', () => {
    for (const typed of ['ABCD-EFGH', 'abcd-efgh', ' abcd efgh ', 'AbCdEfGh', 'ab-cd-ef-gh']) {
      expect(parseCode(typed)).toEqual({ ok: true, code: 'ABCDEFGH' });
    }
  });

  it('refuse look-alikes, foreign characters and wrong lengths with a message saying what is wrong', () => {
    const o = parseCode('ABCD-EFG0');
    expect(o.ok).toBe(false);
    expect(!o.ok && o.message).toMatch(/"0" is not one of them.*never use 0, O, 1 or I/);
    expect(!parseCode('ABCD-EFGI').ok).toBe(true);
    const star = parseCode('ABCD*EFG');
    expect(!star.ok && star.message).toMatch(/"\*" is not one of them\.$/);
    const short = parseCode('ABC-DEF');
    expect(!short.ok && short.message).toBe('A join code has 8 characters (like ABCD-EFGH); this one has 6.');
    const empty = parseCode(' - ');
    expect(!empty.ok && empty.message).toMatch(/Enter the join code/);
  });

  it('exercise ids are 10 URL-safe lower-case symbols', () => {
    const ids = Array.from({ length: 1000 }, generateId);
    for (const id of ids) expect(id).toMatch(/^[2-9a-hj-np-z]{10}$/);
    expect(new Set(ids).size).toBe(1000);
  });
});
