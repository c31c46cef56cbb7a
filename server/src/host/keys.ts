/**
 * Command ids as the log stores them. A client generates its own ids; the host prefixes them with the sender's seat
 * so that two clients can never collide (or read each other's results) by picking the same id, and a bot's ids are
 * a function of its delegation, turn and position, so a turn replayed after a restart is applied once.
 */
import type { Role } from '@parley/shared';

/** Client command ids: 1 to 64 characters. */
export const COMMAND_ID_MAX = 64;

export function roleTag(role: Role): string {
  switch (role.kind) {
    case 'facilitator':
      return 'control';
    case 'delegation':
      return `${role.delegation}/${role.seat}`;
    case 'evaluator':
      return 'evaluator';
    case 'observer':
      return 'observer';
  }
}

/** The logged command id of a client's command. */
export const commandKey = (role: Role, id: string): string => `${roleTag(role)}:${id}`;

/** The logged command id of a bot's `index`-th command in its turn at game time `turnAt`. */
export const botCommandKey = (delegation: string, turnAt: number, index: number): string =>
  `bot:${delegation}:${turnAt}:${index}`;
