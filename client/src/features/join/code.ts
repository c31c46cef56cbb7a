/**
 * Join codes as people type them: any case, with or without the hyphen or spaces. Mirrors the server's rules
 * (8 symbols from an alphabet without 0/O and 1/I), so an impossible code is explained before any request is made.
 * Errors are values: a message key and its parameters, translated by the caller.
 */

export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

export type CodeProblem =
  | { readonly key: 'join.error.empty' }
  | { readonly key: 'join.error.characters'; readonly chars: string; readonly lookalike: boolean }
  | { readonly key: 'join.error.length'; readonly count: number };

export type ParsedCode =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly problem: CodeProblem };

/** The code in its stored form (`ABCDEFGH`), or what is wrong with it. */
export function parseCode(input: string): ParsedCode {
  const compact = input.replace(/[\s-]+/g, '').toUpperCase();
  if (compact.length === 0) return { ok: false, problem: { key: 'join.error.empty' } };
  const wrong = [...new Set([...compact].filter((c) => !CODE_ALPHABET.includes(c)))];
  if (wrong.length > 0) {
    const lookalike = wrong.some((c) => '01OI'.includes(c));
    return { ok: false, problem: { key: 'join.error.characters', chars: wrong.join(' '), lookalike } };
  }
  if (compact.length !== CODE_LENGTH)
    return { ok: false, problem: { key: 'join.error.length', count: compact.length } };
  return { ok: true, code: compact };
}

/** `ABCDEFGH` → `ABCD-EFGH` (any partial input is shown the same way while typing). */
export function formatCode(code: string): string {
  const compact = code.replace(/[\s-]+/g, '').toUpperCase();
  return compact.length > 4 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}
