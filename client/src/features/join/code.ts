/**
 * Join codes as people type them, checked in the browser with the server's own rules (shared/src/protocol/
 * joinCode.ts), so an impossible code is explained before any request is made. Errors are values: a message key and
 * its parameters, translated by the caller.
 */
import { parseJoinCode } from '@parley/shared/protocol/joinCode.ts';

export { CODE_ALPHABET, CODE_LENGTH, formatCode } from '@parley/shared/protocol/joinCode.ts';

export type CodeProblem =
  | { readonly key: 'join.error.empty' }
  | { readonly key: 'join.error.characters'; readonly chars: string; readonly lookalike: boolean }
  | { readonly key: 'join.error.length'; readonly count: number };

export type ParsedCode =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly problem: CodeProblem };

/** The code in its stored form (`ABCDEFGH`), or what is wrong with it. */
export function parseCode(input: string): ParsedCode {
  const parsed = parseJoinCode(input);
  if (parsed.ok) return parsed;
  const p = parsed.problem;
  switch (p.kind) {
    case 'empty':
      return { ok: false, problem: { key: 'join.error.empty' } };
    case 'characters':
      return { ok: false, problem: { key: 'join.error.characters', chars: p.chars.join(' '), lookalike: p.lookalike } };
    case 'length':
      return { ok: false, problem: { key: 'join.error.length', count: p.count } };
  }
}
