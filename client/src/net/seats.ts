/**
 * What this browser tab keeps about its seat in an exercise, in sessionStorage (per tab, so two tabs can hold two
 * seats): how to join (a join code or the facilitator token), the display name, and once joined the reconnection
 * token and the welcome, so that a reload takes the same seat back without asking again.
 */
import type { Welcome } from '@parley/shared/protocol/room.ts';

export type Credentials = { readonly code: string } | { readonly facilitatorToken: string };

export type SeatRecord = {
  readonly credentials: Credentials;
  readonly name: string;
  readonly reconnectionToken?: string;
  readonly welcome?: Welcome;
};

const key = (exerciseId: string) => `parley.seat.${exerciseId}`;

function read(exerciseId: string): SeatRecord | null {
  try {
    const raw = sessionStorage.getItem(key(exerciseId));
    return raw ? (JSON.parse(raw) as SeatRecord) : null;
  } catch {
    return null;
  }
}

function write(exerciseId: string, record: SeatRecord): void {
  try {
    sessionStorage.setItem(key(exerciseId), JSON.stringify(record));
  } catch {
    // Storage full or disabled: the seat lasts for this page only.
  }
}

export const loadSeat = read;

/** A new seat (a fresh join): forgets any previous reconnection token. */
export function saveSeat(exerciseId: string, credentials: Credentials, name: string): void {
  write(exerciseId, { credentials, name });
}

export function rememberConnection(exerciseId: string, reconnectionToken: string, welcome: Welcome | undefined): void {
  const seat = read(exerciseId);
  if (seat) write(exerciseId, { ...seat, reconnectionToken, ...(welcome ? { welcome } : {}) });
}

export function forgetConnection(exerciseId: string): void {
  const seat = read(exerciseId);
  if (seat) write(exerciseId, { credentials: seat.credentials, name: seat.name });
}
