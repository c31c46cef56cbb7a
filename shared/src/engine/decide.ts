/**
 * `decide`: may this role send this command now? Checked in order: role (participant vs facilitator commands;
 * evaluators only record observations, which the facilitator may too; observers send nothing), exercise status, scenario and protocol state, then confidence-building
 * rules (block → refusal; warn → accepted with flags for the sender). Pure: the state is not changed and time is the
 * caller's (`at`, default the state's time). `previewCommand` says what a command would breach before it is sent.
 */
import {
  type Command,
  FACILITATOR_COMMAND_TYPES,
  type FacilitatorCommand,
  type ParticipantCommand,
} from '../protocol/commands.ts';
import type { Sender } from '../protocol/roles.ts';
import type { CompiledScenario } from './compile.ts';
import { checkFacilitatorCommand } from './decideControl.ts';
import { checkParticipantCommand } from './decideParty.ts';
import { checkObservation } from './observations.ts';
import { aimOf } from './parties.ts';
import { preconditionBreaches } from './rules.ts';
import type { ExerciseState } from './state.ts';
import { nameOf } from './text.ts';
import { type Decision, type Refusal, type RuleFlag, refusalOf } from './types.ts';

export type DecideInput = { readonly actor: Sender; readonly command: Command; readonly at?: number | undefined };

const WHAT: Record<Command['type'], string> = {
  assess: 'assess the incident',
  'action.take': 'take actions',
  'signal.send': 'send diplomatic signals',
  'poc.ping': 'ping contact points',
  'poc.ack': 'acknowledge pings',
  'assistance.request': 'request assistance',
  'assistance.offer': 'offer assistance',
  'assistance.decline': 'decline requests for assistance',
  'message.send': 'send messages (the facilitator broadcasts)',
  'proposal.create': 'propose texts',
  'proposal.amend': 'amend texts',
  'proposal.accept': 'accept texts',
  'proposal.reject': 'reject texts',
  'proposal.sign': 'sign texts',
  'exercise.start': 'start the exercise',
  'exercise.pause': 'pause the exercise',
  'exercise.resume': 'resume the exercise',
  'exercise.end': 'end the exercise',
  'clock.speed': 'change the clock speed',
  'clock.jump': 'jump the clock',
  'inject.release': 'release injects',
  'inject.skip': 'skip injects',
  'inject.edit': 'edit injects',
  'inject.write': 'write injects',
  'variable.adjust': 'adjust world variables',
  adjudicate: 'adjudicate',
  broadcast: 'broadcast',
  'actor.act': 'act for simulated parties',
  'observation.record': 'record observations',
};

const CONTROL_TYPES: ReadonlySet<string> = new Set(FACILITATOR_COMMAND_TYPES);
export const isFacilitatorCommand = (cmd: Command): cmd is FacilitatorCommand => CONTROL_TYPES.has(cmd.type);

/** Commands the facilitator may send before play starts (preparing the MSEL and the clock). */
const BEFORE_START: ReadonlySet<string> = new Set(['exercise.start', 'inject.skip', 'inject.edit', 'clock.speed']);

const STATUS = {
  ended: 'The exercise has ended',
  started: 'The exercise has already started',
  notStarted: 'The exercise has not started yet',
  alreadyPaused: 'The exercise is already paused',
  notPaused: 'The exercise is not paused',
  paused: 'The exercise is paused',
} as const;
type StatusKey = keyof typeof STATUS;

const statusRefusal = (key: StatusKey): Refusal => refusalOf('status', STATUS[key], `status.${key}`);

function controlStatus(state: ExerciseState, cmd: FacilitatorCommand): StatusKey | null {
  const s = state.status;
  if (s === 'ended') return 'ended';
  if (cmd.type === 'exercise.start') return s === 'setup' ? null : 'started';
  if (s === 'setup' && !BEFORE_START.has(cmd.type)) return 'notStarted';
  if (cmd.type === 'exercise.pause' && s !== 'running') return 'alreadyPaused';
  if (cmd.type === 'exercise.resume' && s !== 'paused') return 'notPaused';
  return null;
}

function participantStatus(state: ExerciseState): StatusKey | null {
  if (state.status === 'setup') return 'notStarted';
  if (state.status === 'paused') return 'paused';
  if (state.status === 'ended') return 'ended';
  return null;
}

/** A confidence-building rule blocks the command: the rule's condition in English, its id for the reader's client. */
const ruleRefusal = (flag: RuleFlag): Refusal => refusalOf('rule', flag.message, 'rule.blocked', { rule: flag.rule });

/** Everything but the rules: role, status, scenario, protocol state. Returns the acting party, if any. */
function check(c: CompiledScenario, state: ExerciseState, input: DecideInput): Refusal | { party: string | null } {
  const { actor, command } = input;
  if (actor.kind === 'system')
    return refusalOf('role', 'Timers are fired by the host, not sent as commands', 'role.system');
  if (command.type === 'observation.record') return checkObservation(c, state, actor, command) ?? { party: null };
  if (actor.kind === 'observer')
    return refusalOf('role', 'Observers watch the exercise and cannot act', 'role.observer');
  if (actor.kind === 'evaluator')
    return refusalOf('role', 'Evaluators observe and record; they cannot act', 'role.evaluator');
  if (actor.kind === 'facilitator') {
    if (!isFacilitatorCommand(command))
      return refusalOf('role', `Only delegations can ${WHAT[command.type]}`, 'role.delegationsOnly', {
        command: command.type,
      });
    const status = controlStatus(state, command);
    if (status) return statusRefusal(status);
    const bad = checkFacilitatorCommand(c, state, command);
    return bad ?? { party: command.type === 'actor.act' ? command.actor : null };
  }
  if (isFacilitatorCommand(command))
    return refusalOf('role', `Only the facilitator can ${WHAT[command.type]}`, 'role.facilitatorOnly', {
      command: command.type,
    });
  const delegation = c.delegations.get(actor.delegation);
  if (!delegation)
    return refusalOf('unknown', `Unknown delegation "${actor.delegation}"`, 'unknown.delegation', {
      id: actor.delegation,
    });
  if (!delegation.seats.some((seat) => seat.id === actor.seat))
    return refusalOf('unknown', `${nameOf(c, delegation.id)} has no seat "${actor.seat}"`, 'unknown.seat', {
      party: delegation.id,
      id: actor.seat,
    });
  const status = participantStatus(state);
  if (status) return statusRefusal(status);
  return checkParticipantCommand(c, state, delegation.id, command as ParticipantCommand) ?? { party: delegation.id };
}

function breachesOf(c: CompiledScenario, state: ExerciseState, input: DecideInput, party: string, at: number) {
  if (input.actor.kind !== 'delegation') return [];
  const aim = aimOf(c, state, party, input.command);
  return aim ? preconditionBreaches(c, state, party, aim.ref, aim.targets, at) : [];
}

export function decide(c: CompiledScenario, state: ExerciseState, input: DecideInput): Decision {
  const checked = check(c, state, input);
  if ('code' in checked) return { ok: false, refusal: checked };
  const at = input.at ?? state.now;
  const flags = checked.party === null ? [] : breachesOf(c, state, input, checked.party, at);
  const blocked = flags.find((f) => f.mode === 'block');
  if (blocked) return { ok: false, refusal: ruleRefusal(blocked) };
  return { ok: true, events: [input.command], flags: flags.filter((f) => f.mode === 'warn') };
}

export type Preview =
  | { readonly ok: true; readonly flags: readonly RuleFlag[] }
  | { readonly ok: false; readonly refusal: Refusal; readonly flags: readonly RuleFlag[] };

/**
 * What a command would do, without applying it: refused or not, and every rule it would breach with the cost.
 * `audience: 'sender'` (default) lists what the sender may be told (block and warn rules); 'control' adds the rules
 * that only record (for the facilitator and evaluators).
 */
export function previewCommand(
  c: CompiledScenario,
  state: ExerciseState,
  input: DecideInput,
  audience: 'sender' | 'control' = 'sender',
): Preview {
  const checked = check(c, state, input);
  if ('code' in checked) return { ok: false, refusal: checked, flags: [] };
  const all = checked.party === null ? [] : breachesOf(c, state, input, checked.party, input.at ?? state.now);
  const flags = audience === 'control' ? all : all.filter((f) => f.mode !== 'record');
  const blocked = flags.find((f) => f.mode === 'block');
  return blocked ? { ok: false, refusal: ruleRefusal(blocked), flags } : { ok: true, flags };
}
