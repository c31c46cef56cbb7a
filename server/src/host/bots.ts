/**
 * Bots on empty seats. A seated bot plays its delegation with a named policy from `@parley/shared` every couple of
 * game minutes (the same step as `./parley simulate`), at game times on a fixed grid (multiples of the step), and
 * only while play runs. A turn is a pure function of the exercise seed, the delegation, the turn's game time and the
 * delegation's view: its random source is derived from those, so a turn replayed after a restart sends the same
 * commands with the same command ids, and the host applies them once.
 */
import {
  botRng,
  type CompiledScenario,
  DEFAULT_STEP_MINUTES,
  type DelegationView,
  type ExerciseEvent,
  type ExerciseSession,
  type ExerciseState,
  isPolicyName,
  localize,
  MAX_COMMANDS_PER_TURN,
  MINUTE,
  ParticipantCommand,
  POLICIES,
  POLICY_NAMES,
  type PolicyName,
  type PublicCatalogue,
  previewCommand,
  publicCatalogue,
  Rng,
  type Role,
} from '@parley/shared';
import { botCommandKey } from './keys.ts';

export const BOT_STEP_MS = DEFAULT_STEP_MINUTES * MINUTE;

export type BotCommand = { readonly role: Role; readonly command: ParticipantCommand; readonly index: number };

/** What the host lends the bots while catching up: its session, where fired timers go, how commands are sent. */
export type BotTable = {
  readonly session: ExerciseSession;
  readonly timers: (events: readonly ExerciseEvent[]) => void;
  readonly submit: (role: Role, commandId: string, command: ParticipantCommand) => void;
};

/** Why a bot cannot take this seat now, in words a facilitator understands (null when it can). */
export function botSeatRefusal(
  c: CompiledScenario,
  delegation: string,
  policy: string,
  now: { readonly ended: boolean; readonly occupied: boolean },
): { code: 'invalid' | 'status' | 'state'; message: string } | null {
  const problem = botSeatProblem(c, delegation, policy);
  if (problem !== null) return { code: 'invalid', message: problem };
  if (now.ended) return { code: 'status', message: 'Play has ended: bots can no longer take seats.' };
  if (now.occupied) {
    const name = localize(c.parties.get(delegation)?.name ?? delegation, c.lang, c.scenario.fallbackLanguage);
    return { code: 'state', message: `Someone is connected to a seat of ${name}: a bot can only take an empty seat.` };
  }
  return null;
}

/** Why a policy name or seat is not acceptable, in words a facilitator understands (null when fine). */
export function botSeatProblem(c: CompiledScenario, delegation: string, policy: string): string | null {
  if (!c.delegations.has(delegation))
    return `There is no delegation "${delegation}" in this scenario (expected one of ${c.delegationIds.join(', ')}).`;
  if (!isPolicyName(policy)) return `There is no bot policy "${policy}" (expected one of ${POLICY_NAMES.join(', ')}).`;
  return null;
}

export class BotSeats {
  private readonly compiled: CompiledScenario;
  private readonly seed: number;
  private readonly catalogue: PublicCatalogue;
  private readonly seats = new Map<string, { policy: PolicyName; next: number }>();

  constructor(compiled: CompiledScenario, seed: number) {
    this.compiled = compiled;
    this.seed = seed;
    this.catalogue = publicCatalogue(compiled);
  }

  /** Delegation → policy name, in scenario order. */
  get assignments(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const id of this.compiled.delegationIds) {
      const seat = this.seats.get(id);
      if (seat) out[id] = seat.policy;
    }
    return out;
  }

  get size(): number {
    return this.seats.size;
  }

  /** Seat (or re-seat) a bot; its first turn is at the next grid point after `now`. Unknown names are ignored. */
  seat(delegation: string, policy: string, now: number): boolean {
    if (botSeatProblem(this.compiled, delegation, policy) !== null) return false;
    this.seats.set(delegation, { policy: policy as PolicyName, next: gridAfter(now) });
    return true;
  }

  unseat(delegation: string): void {
    this.seats.delete(delegation);
  }

  /** Every bot's next turn at the next grid point after `now` (after a jump, a reload or a restart). */
  resync(now: number): void {
    for (const seat of this.seats.values()) seat.next = gridAfter(now);
  }

  /** When the next bot turn is due (game ms), or null without bots. */
  nextTurnAt(): number | null {
    let best: number | null = null;
    for (const seat of this.seats.values()) if (best === null || seat.next < best) best = seat.next;
    return best;
  }

  /**
   * Catch the session up to game time `target` through every bot turn due on the way, each at its exact game time
   * (timers due before it fire first); after a jump past some turns, the bots play at the next grid point.
   */
  playUntil(target: number, table: BotTable): void {
    const { session } = table;
    while (session.state.status === 'running') {
      const turn = this.nextTurnAt();
      if (turn === null || turn > target) return;
      if (turn < session.now) {
        this.resync(session.now - 1);
        continue;
      }
      table.timers(session.advanceTo(turn));
      const view = (role: Role) => session.view(role) as DelegationView;
      for (const delegation of this.dueAt(turn)) {
        for (const bot of this.turn(delegation, turn, session.state, view)) {
          if (session.state.status !== 'running') return;
          table.submit(bot.role, botCommandKey(delegation, turn, bot.index), bot.command);
        }
      }
    }
  }

  /** The delegations whose bot plays at `at` (in an order rotating from turn to turn); their next turn moves on. */
  dueAt(at: number): string[] {
    const ids = this.compiled.delegationIds.filter((id) => this.seats.get(id)?.next === at);
    const k = Math.round(at / BOT_STEP_MS);
    const out: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[(k + i) % ids.length] as string;
      const seat = this.seats.get(id);
      if (seat) seat.next = at + BOT_STEP_MS;
      out.push(id);
    }
    return out;
  }

  /** One bot's turn at game time `at`: the valid commands its policy sends (at most MAX_COMMANDS_PER_TURN). */
  turn(delegation: string, at: number, state: ExerciseState, view: (role: Role) => DelegationView): BotCommand[] {
    const policy = this.seats.get(delegation)?.policy;
    return policy === undefined ? [] : this.play(delegation, policy, at, state, view);
  }

  private play(
    delegation: string,
    policy: PolicyName,
    at: number,
    state: ExerciseState,
    view: (role: Role) => DelegationView,
  ): BotCommand[] {
    const seat = this.compiled.delegations.get(delegation)?.seats[0]?.id ?? delegation;
    const role: Role = { kind: 'delegation', delegation, seat };
    const rng = new Rng(botRng(this.seed, `${delegation}@${at}`));
    const commands = POLICIES[policy](view(role), {
      rng,
      now: at,
      catalogue: this.catalogue,
      preview: (command) => previewCommand(this.compiled, state, { actor: role, command, at }),
    }).slice(0, MAX_COMMANDS_PER_TURN);
    const out: BotCommand[] = [];
    commands.forEach((raw, index) => {
      const parsed = ParticipantCommand.safeParse(raw);
      if (parsed.success) out.push({ role, command: parsed.data, index });
    });
    return out;
  }
}

const gridAfter = (now: number): number => (Math.floor(now / BOT_STEP_MS) + 1) * BOT_STEP_MS;
