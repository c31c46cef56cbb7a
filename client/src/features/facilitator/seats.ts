/**
 * The seats panel without React: the exercise's join codes grouped by delegation (then evaluators and observers),
 * each with the people connected through its seat, and the bot policies on offer.
 */

import type { Role } from '@parley/shared/protocol/roles.ts';
import type { Person, PresenceMessage } from '@parley/shared/protocol/room.ts';
import { distinctPeople } from './glance.ts';
import type { JoinCode } from './seatsApi.ts';

/** The bot policies the server knows (shared/src/bots/policies.ts; a unit test keeps the two lists equal). */
export const BOT_POLICIES = ['cooperative', 'hawkish', 'passive', 'random'] as const;
export type BotPolicy = (typeof BOT_POLICIES)[number];

/** The presence tag of a role's seat: `control`, `<delegation>/<seat>`, `evaluator`, `observer`. */
export function seatTag(role: Role): string {
  switch (role.kind) {
    case 'facilitator':
      return 'control';
    case 'delegation':
      return `${role.delegation}/${role.seat}`;
    default:
      return role.kind;
  }
}

export type CodeRow = {
  readonly code: JoinCode;
  readonly tag: string;
  readonly people: readonly Person[];
};

export type SeatGroup = {
  /** A delegation id, or `evaluator` / `observer`. */
  readonly key: string;
  readonly delegation: boolean;
  readonly rows: readonly CodeRow[];
};

/**
 * Codes by delegation in scenario order, then evaluators and observers. Within a group, active codes before withdrawn
 * ones (newest withdrawn last).
 */
export function seatGroups(
  codes: readonly JoinCode[],
  delegations: readonly string[],
  presence: PresenceMessage | null,
): SeatGroup[] {
  const rowOf = (code: JoinCode): CodeRow => {
    const tag = seatTag(code.role);
    return { code, tag, people: distinctPeople((presence?.people ?? []).filter((p) => p.seat === tag)) };
  };
  const order = (a: CodeRow, b: CodeRow) =>
    Number(a.code.status === 'revoked') - Number(b.code.status === 'revoked') || a.code.createdAt - b.code.createdAt;
  const groups: SeatGroup[] = delegations.map((d) => ({
    key: d,
    delegation: true,
    rows: codes
      .filter((c) => c.role.kind === 'delegation' && c.role.delegation === d)
      .map(rowOf)
      .sort(order),
  }));
  for (const kind of ['evaluator', 'observer'] as const) {
    const rows = codes
      .filter((c) => c.role.kind === kind)
      .map(rowOf)
      .sort(order);
    if (rows.length > 0) groups.push({ key: kind, delegation: false, rows });
  }
  return groups;
}

/** Whether a bot may take the delegation's seats: nobody is connected to any of them and no bot plays it yet. */
export const canSeatBot = (delegation: string, presence: PresenceMessage | null): boolean =>
  presence !== null &&
  presence.bots[delegation] === undefined &&
  !presence.people.some((p) => p.seat.startsWith(`${delegation}/`));
