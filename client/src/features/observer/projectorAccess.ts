/**
 * How the projector gets into the live feed: an observer code or the facilitator token, from the link's fragment
 * (`#code=ABCD-EFGH` or `#token=…`: a fragment never reaches the server in a request), from what this tab kept for
 * the projector, or from this tab's console seat. The fragment is taken out of the address bar once kept, so a
 * token does not stay on the wall.
 */
import { formatCode, parseJoinCode } from '@parley/shared/protocol/joinCode.ts';
import type { SeatRecord } from '../../net/seats.ts';

export type ProjectorAccess =
  | { readonly kind: 'code'; readonly token: string }
  | { readonly kind: 'facilitator'; readonly token: string };

/** `#code=ABCD-EFGH` (any case, with or without hyphen) or `#token=…`, or null. */
export function accessFromFragment(hash: string): ProjectorAccess | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code');
  if (code) {
    const parsed = parseJoinCode(code);
    return parsed.ok ? { kind: 'code', token: formatCode(parsed.code) } : null;
  }
  const token = params.get('token')?.trim();
  return token ? { kind: 'facilitator', token } : null;
}

export function accessFromSeat(seat: SeatRecord | null): ProjectorAccess | null {
  // A delegation's code does not open the feed (it is for control rooms and projectors).
  if (!seat || seat.welcome?.role.kind === 'delegation') return null;
  const c = seat.credentials;
  return 'code' in c ? { kind: 'code', token: c.code } : { kind: 'facilitator', token: c.facilitatorToken };
}

/** The link that opens the projector with this access (the fragment carries it). */
export function projectorLink(origin: string, exerciseId: string, access: ProjectorAccess): string {
  const key = access.kind === 'code' ? 'code' : 'token';
  return `${origin}/x/${encodeURIComponent(exerciseId)}/projector#${key}=${encodeURIComponent(access.token)}`;
}

const key = (exerciseId: string) => `parley.projector.${exerciseId}`;

export function storedAccess(exerciseId: string): ProjectorAccess | null {
  try {
    const raw = sessionStorage.getItem(key(exerciseId));
    const value = raw ? (JSON.parse(raw) as ProjectorAccess) : null;
    return value && typeof value.token === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function keepAccess(exerciseId: string, access: ProjectorAccess): void {
  try {
    sessionStorage.setItem(key(exerciseId), JSON.stringify(access));
  } catch {
    // Storage disabled: the access lasts for this page only.
  }
}

export function forgetAccess(exerciseId: string): void {
  try {
    sessionStorage.removeItem(key(exerciseId));
  } catch {
    // Nothing kept.
  }
}
