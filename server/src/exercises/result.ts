/**
 * What the exercise service answers: a value, or an error a user caused, with a code the HTTP layer maps to a status
 * and a message a person can act on. Bugs and store failures are thrown, not returned.
 */
export type ServiceErrorCode = 'invalid' | 'unauthorized' | 'not-found' | 'unknown-code' | 'revoked-code' | 'conflict';

export type ServiceError = { readonly code: ServiceErrorCode; readonly message: string };

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ServiceError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ServiceErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
