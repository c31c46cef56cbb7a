/**
 * A headless run of an exercise: a scripted facilitator and a bot in every seat, under a simulated game clock.
 * The facilitator starts play, releases the scenario's manual injects a few minutes apart and never adjudicates;
 * the clock advances in steps (firing due timers); after each step every bot takes a turn in a deterministic order
 * (rotating, so that no delegation always moves first), from its own view, with its own rng derived from the seed.
 * Play stops at an ending, or at `maxMinutes`, when the facilitator ends it. Same seed and policies, same events.
 */
import type { CompiledScenario } from '../engine/compile.ts';
import { previewCommand } from '../engine/decide.ts';
import { ExerciseSession } from '../engine/session.ts';
import type { Ending, ExerciseState } from '../engine/state.ts';
import { type ExerciseEvent, MINUTE, type Refusal } from '../engine/types.ts';
import type { DelegationView } from '../engine/viewTypes.ts';
import { ParticipantCommand } from '../protocol/commands.ts';
import type { Role } from '../protocol/roles.ts';
import { Rng, seedRng } from '../rng.ts';
import { publicCatalogue } from './catalogue.ts';
import { cycle, DEFAULT_MIX, POLICIES, type PolicyName } from './policies.ts';
import { type BotContext, MAX_COMMANDS_PER_TURN, type Policy } from './types.ts';

export type PolicyChoice = PolicyName | Policy;

export type SimulateOptions = {
  readonly seed: number;
  /** One policy for every seat, or one per delegation id (unlisted delegations get the default mix). */
  readonly policies?: PolicyChoice | Readonly<Record<string, PolicyChoice>> | undefined;
  /** Game minutes between bot turns (default 2). */
  readonly stepMinutes?: number | undefined;
  /** When the facilitator ends play at the latest (default: the time limit + 5, else 1.5 × durationMinutes). */
  readonly maxMinutes?: number | undefined;
};

/** A command a bot sent that the engine (or the protocol schema) refused. */
export type Refused = {
  readonly at: number;
  readonly delegation: string;
  readonly command: unknown;
  readonly refusal: Refusal;
};

export type SimulationResult = {
  readonly events: readonly ExerciseEvent[];
  readonly state: ExerciseState;
  readonly ending: Ending | null;
  /** The policy each delegation played (its name, or "custom"). */
  readonly policies: Readonly<Record<string, string>>;
  /** Commands the bots sent, accepted or not. */
  readonly sent: number;
  readonly refusals: readonly Refused[];
};

export const DEFAULT_STEP_MINUTES = 2;
/** The facilitator releases manual injects from this game minute, one every MANUAL_EVERY minutes. */
export const MANUAL_FROM = 5;
export const MANUAL_EVERY = 5;

export function defaultMaxMinutes(c: CompiledScenario): number {
  return c.timeLimit !== null ? c.timeLimit / MINUTE + 5 : c.scenario.durationMinutes * 1.5;
}

function resolvePolicies(c: CompiledScenario, choice: SimulateOptions['policies']) {
  const mix = cycle(c.delegationIds, DEFAULT_MIX);
  const byId: Record<string, PolicyChoice> =
    choice === undefined ? mix : typeof choice === 'string' || typeof choice === 'function' ? {} : { ...choice };
  const policies: Record<string, Policy> = {};
  const names: Record<string, string> = {};
  for (const id of c.delegationIds) {
    const picked: PolicyChoice =
      typeof choice === 'string' || typeof choice === 'function' ? choice : (byId[id] ?? (mix[id] as PolicyName));
    policies[id] = typeof picked === 'string' ? POLICIES[picked] : picked;
    names[id] = typeof picked === 'string' ? picked : 'custom';
  }
  return { policies, names };
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Each bot's own random source: a function of the run's seed and its delegation id only. */
export const botRng = (seed: number, delegation: string) => seedRng(hashText(`${seed}:${delegation}`));

/** The manual injects the scripted facilitator releases, with the game minute of each release. */
export function manualReleases(c: CompiledScenario): { inject: string; at: number }[] {
  return c.scenario.injects
    .filter((i) => i.manual === true)
    .map((i, k) => ({ inject: i.id, at: (MANUAL_FROM + k * MANUAL_EVERY) * MINUTE }));
}

export function simulate(c: CompiledScenario, options: SimulateOptions): SimulationResult {
  const { policies, names } = resolvePolicies(c, options.policies);
  const step = Math.max(1, Math.round((options.stepMinutes ?? DEFAULT_STEP_MINUTES) * MINUTE));
  const limit = Math.round((options.maxMinutes ?? defaultMaxMinutes(c)) * MINUTE);
  const session = new ExerciseSession(c, { seed: options.seed });
  const control: Role = { kind: 'facilitator' };
  const catalogue = publicCatalogue(c);
  const rngs = new Map(c.delegationIds.map((id) => [id, botRng(options.seed, id)]));
  const releases = manualReleases(c);
  let next = 0;
  const refusals: Refused[] = [];
  let sent = 0;

  const turn = (id: string) => {
    const seat = c.delegations.get(id)?.seats[0]?.id ?? id;
    const role: Role = { kind: 'delegation', delegation: id, seat };
    const rng = new Rng(rngs.get(id) ?? seedRng(options.seed));
    const ctx: BotContext = {
      rng,
      now: session.now,
      catalogue,
      preview: (command) => previewCommand(c, session.state, { actor: role, command, at: session.now }),
    };
    const commands = (policies[id] as Policy)(session.view(role) as DelegationView, ctx).slice(
      0,
      MAX_COMMANDS_PER_TURN,
    );
    rngs.set(id, rng.state);
    for (const command of commands) {
      if (session.state.status !== 'running') return;
      sent++;
      const parsed = ParticipantCommand.safeParse(command);
      const result = parsed.success
        ? session.submit(role, parsed.data)
        : { ok: false as const, refusal: { code: 'invalid' as const, message: parsed.error.message } };
      if (!result.ok) refusals.push({ at: session.now, delegation: id, command, refusal: result.refusal });
    }
  };

  const ended = () => session.state.status === 'ended';
  session.submit(control, { type: 'exercise.start' });
  for (let k = 1; !ended(); k++) {
    const t = Math.min(k * step, limit);
    while (next < releases.length && (releases[next]?.at ?? limit) <= t) {
      const r = releases[next++] as { inject: string; at: number };
      session.advanceTo(r.at);
      const status = session.state.injects[r.inject]?.status;
      if (session.state.status === 'running' && (status === 'pending' || status === 'scheduled'))
        session.submit(control, { type: 'inject.release', inject: r.inject });
    }
    session.advanceTo(t);
    const ids = c.delegationIds;
    for (let i = 0; i < ids.length && session.state.status === 'running'; i++)
      turn(ids[(k + i) % ids.length] as string);
    if (t >= limit) {
      if (!ended()) session.submit(control, { type: 'exercise.end', note: 'The simulation reached its time limit' });
      break;
    }
  }
  const state = session.state;
  return { events: session.events, state, ending: state.ending, policies: names, sent, refusals };
}
