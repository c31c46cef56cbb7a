/**
 * Join codes: 8 symbols from a 32-symbol alphabet without look-alikes (no 0/O, no 1/I), so 40 bits each, drawn
 * from `node:crypto`. Stored bare (`ABCDEFGH`), shown in two halves (`ABCD-EFGH`) for reading off a projector, typed
 * in any case with or without spaces and hyphens.
 */
import { randomBytes } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
/** log2(32) × 8. */
export const CODE_BITS = 40;

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

/** `ABCDEFGH` → `ABCD-EFGH`. */
export const formatCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export type ParsedCode =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly message: string };

/** What someone typed → the stored form, or what is wrong with it. */
export function parseCode(input: string): ParsedCode {
  const compact = input.replace(/[\s-]+/g, '').toUpperCase();
  if (compact.length === 0) return { ok: false, message: 'Enter the join code you were given, e.g. ABCD-EFGH.' };
  const wrong = [...compact].filter((c) => !CODE_ALPHABET.includes(c));
  if (wrong.length > 0) {
    const unique = [...new Set(wrong)].map((c) => `"${c}"`).join(', ');
    const hint = wrong.some((c) => '01OI'.includes(c))
      ? ' Codes never use 0, O, 1 or I, so that none can be misread; check the code again.'
      : '';
    return {
      ok: false,
      message: `A join code has only the letters A–Z (without I and O) and the digits 2–9; ${unique} is not one of them.${hint}`,
    };
  }
  if (compact.length !== CODE_LENGTH) {
    return {
      ok: false,
      message: `A join code has ${CODE_LENGTH} characters (like ABCD-EFGH); this one has ${compact.length}.`,
    };
  }
  return { ok: true, code: compact };
}

/** The link that opens the client on the join screen with the code filled in. */
export const joinLink = (publicUrl: string, code: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/join/${formatCode(code)}`;
