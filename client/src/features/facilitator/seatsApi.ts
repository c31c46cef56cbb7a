/**
 * The facilitator's seat routes over HTTP (authorised by this tab's facilitator token): list the exercise's join
 * codes, withdraw one (whoever joined with it is disconnected) and issue a replacement.
 */
import type { Role } from '@parley/shared/protocol/roles.ts';
import type { Result } from '../../net/api.ts';
import { loadSeat } from '../../net/seats.ts';

export type JoinCode = {
  /** `ABCD-EFGH`. */
  readonly code: string;
  readonly link: string;
  readonly role: Role;
  readonly label: string;
  readonly status: 'active' | 'revoked';
  readonly createdAt: number;
  readonly revokedAt: number | null;
};

/** The facilitator token this tab joined with, or null. */
export function facilitatorToken(exerciseId: string): string | null {
  const credentials = loadSeat(exerciseId)?.credentials;
  return credentials && 'facilitatorToken' in credentials ? credentials.facilitatorToken : null;
}

async function call<T>(exerciseId: string, path: string, method: 'GET' | 'POST'): Promise<Result<T>> {
  const token = facilitatorToken(exerciseId);
  if (token === null) return { ok: false, message: null, status: 401 };
  let res: Response;
  try {
    res = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    return { ok: false, message: null, status: 0 };
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (res.ok && body) return { ok: true, value: body };
  return { ok: false, message: body?.error?.message ?? null, status: res.status };
}

export const listCodes = (exerciseId: string) => call<{ readonly codes: readonly JoinCode[] }>(exerciseId, '', 'GET');

export const revokeCode = (exerciseId: string, code: string) =>
  call<{ readonly code: JoinCode }>(exerciseId, `/codes/${encodeURIComponent(code)}/revoke`, 'POST');

export const reissueCode = (exerciseId: string, code: string) =>
  call<{ readonly code: JoinCode; readonly revoked: JoinCode }>(
    exerciseId,
    `/codes/${encodeURIComponent(code)}/reissue`,
    'POST',
  );
