/**
 * Join codes: 8 symbols from a 32-symbol alphabet without look-alikes (no 0/O, no 1/I), so 40 bits each, drawn
 * from `node:crypto`. Stored bare (`ABCDEFGH`), shown in two halves (`ABCD-EFGH`) for reading off a projector, typed
 * in any case with or without spaces and hyphens.
 */
import { randomBytes } from 'node:crypto';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  formatCode as formatJoinCode,
  parseJoinCode,
} from '@parley/shared/protocol/joinCode.ts';

export { CODE_ALPHABET, CODE_BITS, CODE_LENGTH, formatCode } from '@parley/shared/protocol/joinCode.ts';

/** `bits` random bits as symbols of a 32-symbol alphabet, 5 bits each (no modulo bias). */
function symbols(count: number, alphabet: string): string {
  const bytes = randomBytes(Math.ceil((count * 5) / 8));
  let out = '';
  for (let i = 0; i < count; i++) {
    const bit = i * 5;
    const byte = bit >> 3;
    const word = ((bytes[byte] ?? 0) << 8) | (bytes[byte + 1] ?? 0);
    out += alphabet[(word >> (11 - (bit & 7))) & 31];
  }
  return out;
}

/** A fresh code in its stored form (`ABCDEFGH`). */
export const generateCode = (): string => symbols(CODE_LENGTH, CODE_ALPHABET);

/** An id for an exercise or a workshop: 10 lower-case symbols (50 bits), URL-safe. */
export const generateId = (): string => symbols(10, CODE_ALPHABET.toLowerCase());

export type ParsedCode =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly message: string };

/** What someone typed → the stored form, or what is wrong with it, in words. */
export function parseCode(input: string): ParsedCode {
  const parsed = parseJoinCode(input);
  if (parsed.ok) return parsed;
  const p = parsed.problem;
  switch (p.kind) {
    case 'empty':
      return { ok: false, message: 'Enter the join code you were given, e.g. ABCD-EFGH.' };
    case 'characters': {
      const hint = p.lookalike
        ? ' Codes never use 0, O, 1 or I, so that none can be misread; check the code again.'
        : '';
      const unique = p.chars.map((c) => `"${c}"`).join(', ');
      return {
        ok: false,
        message: `A join code has only the letters A–Z (without I and O) and the digits 2–9; ${unique} is not one of them.${hint}`,
      };
    }
    case 'length':
      return {
        ok: false,
        message: `A join code has ${CODE_LENGTH} characters (like ABCD-EFGH); this one has ${p.count}.`,
      };
  }
}

/** The link that opens the client on the join screen with the code filled in. */
export const joinLink = (publicUrl: string, code: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/join/${formatJoinCode(code)}`;
