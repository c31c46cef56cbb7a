/**
 * Join codes as people type them, for the server (which issues and resolves them) and the client (which explains an
 * impossible code before any request): 8 symbols from a 32-symbol alphabet without look-alikes (no 0/O, no 1/I),
 * so 40 bits each; stored bare (`ABCDEFGH`), shown in two halves (`ABCD-EFGH`), typed in any case with or without
 * spaces and hyphens. What is wrong with a code is a value; each side words it for its readers.
 */

export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
/** log2(32) × 8. */
export const CODE_BITS = 40;

export type CodeProblem =
  | { readonly kind: 'empty' }
  /** Characters outside the alphabet (each once); `lookalike` when one of them is 0, 1, O or I. */
  | { readonly kind: 'characters'; readonly chars: readonly string[]; readonly lookalike: boolean }
  | { readonly kind: 'length'; readonly count: number };

export type ParsedJoinCode =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly problem: CodeProblem };

const compact = (input: string): string => input.replace(/[\s-]+/g, '').toUpperCase();

/** What someone typed → the stored form, or what is wrong with it. */
export function parseJoinCode(input: string): ParsedJoinCode {
  const code = compact(input);
  if (code.length === 0) return { ok: false, problem: { kind: 'empty' } };
  const chars = [...new Set([...code].filter((c) => !CODE_ALPHABET.includes(c)))];
  if (chars.length > 0) {
    return { ok: false, problem: { kind: 'characters', chars, lookalike: chars.some((c) => '01OI'.includes(c)) } };
  }
  if (code.length !== CODE_LENGTH) return { ok: false, problem: { kind: 'length', count: code.length } };
  return { ok: true, code };
}

/** `ABCDEFGH` → `ABCD-EFGH`; partial input (while typing) is shown the same way. */
export function formatCode(code: string): string {
  const c = compact(code);
  return c.length > 4 ? `${c.slice(0, 4)}-${c.slice(4)}` : c;
}
