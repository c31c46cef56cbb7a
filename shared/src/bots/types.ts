/**
 * What a bot is: a policy, a pure function from what its delegation may see (its `DelegationView`) and a small
 * context (a seeded random source, the game time, the scenario's public catalogue, the sender's preview) to the
 * commands it sends this turn. A policy never reads the state or the scenario's secrets: the view is the projection
 * a person in that seat would get, and the catalogue holds only what every player may read (actions, rules,
 * templates, parties). Randomness comes only from `ctx.rng`, whose state the driver threads from turn to turn.
 */

import type { PartyInfo } from '../engine/compile.ts';
import type { Preview } from '../engine/decide.ts';
import type { DelegationView } from '../engine/viewTypes.ts';
import type { ParticipantCommand } from '../protocol/commands.ts';
import type { Rng } from '../rng.ts';
import type { Action, GroupChannel, Rule, Template } from '../scenario/schema.ts';

/** A party as every player knows it: id, kind, name, and whether it has a seat (can be pinged, can sign texts). */
export type PublicParty = PartyInfo;

/** The exercise rulebook every player may read: no briefings, no injects, no endings, no hidden variables. */
export type PublicCatalogue = {
  readonly lang: string;
  readonly actions: ReadonlyMap<string, Action>;
  readonly rules: readonly Rule[];
  readonly templates: readonly Template[];
  readonly parties: readonly PublicParty[];
  readonly groups: readonly GroupChannel[];
};

export type BotContext = {
  /** The bot's own seeded random source (the driver stores its state between turns). */
  readonly rng: Rng;
  /** Game time now (ms). */
  readonly now: number;
  readonly catalogue: PublicCatalogue;
  /**
   * What the sender's screen would say about a command before it is sent: refused or not, and the block/warn rules
   * it would breach. Rules that only record are not shown, exactly as for a person.
   */
  readonly preview: (command: ParticipantCommand) => Preview;
};

/** A bot policy: this turn's commands (0..n, in order). */
export type Policy = (view: DelegationView, ctx: BotContext) => ParticipantCommand[];

/** At most this many commands per bot per turn; the driver drops the rest. */
export const MAX_COMMANDS_PER_TURN = 4;
