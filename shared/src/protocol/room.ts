/**
 * The exercise room's wire protocol (Colyseus messages), shared by the server's `ExerciseRoom` and the client.
 *
 * Joining: `client.joinById(exerciseId, options)` with `{ code }` (a seat, evaluator or observer join code) or
 * `{ facilitatorToken, exerciseId }`. On join the server sends `welcome` (the role and which synced doc holds its
 * view).
 *
 * Client → server: `command` `{ id, command }` (id: the client's own id for this command, 1–64 characters, reused
 * verbatim when resending so that a retry is applied once), `preview` `{ id, command }` (what the command would do,
 * applying nothing: answered `preview`), and for the facilitator `seat.bot` / `seat.unbot`.
 * Server → client: `ack` `{ id, seqs, flags }` once the command's events are durably saved (the synced state already
 * includes them), `refused` `{ id, code, message }` to the sender only, `error` `{ id?, code, message }` for a
 * message the room could not take at all (unknown type, wrong shape, too large, too many), `preview` `{ id, ok,
 * flags, code?, message? }` (would the command be refused, and which confidence-building rules it would breach at
 * what cost), and for the facilitator `presence` (which seats are connected and by whom, which play as bots).
 *
 * A display name (`name`) may come with the join options: it is shown to the facilitator while the person is
 * connected and never saved.
 */
import { z } from 'zod';
import type { RefusalParams, RuleFlag } from '../engine/types.ts';
import { Id } from '../scenario/schema.ts';
import {
  type Command,
  EVALUATOR_COMMAND_TYPES,
  EvaluatorCommand,
  FACILITATOR_COMMAND_TYPES,
  FacilitatorCommand,
  PARTICIPANT_COMMAND_TYPES,
  ParticipantCommand,
} from './commands.ts';
import type { Role } from './roles.ts';

export const ROOM_NAME = 'exercise';

/** Largest message a client may send, as JSON characters (larger ones are refused with `too-large`). */
export const MAX_MESSAGE_CHARS = 256 * 1024;
/** Messages a client may send per second before being told to slow down (`rate-limited`). */
export const MAX_MESSAGES_PER_SECOND = 20;

export const CommandId = z.string().min(1, 'must not be empty').max(64, 'at most 64 characters');

/** Longest display name, in characters. */
export const MAX_NAME_CHARS = 60;

const DisplayName = z.string().trim().min(1).max(MAX_NAME_CHARS).optional();

export const JoinOptions = z.union([
  z.object({ code: z.string().min(1).max(64), name: DisplayName }),
  z.object({ facilitatorToken: z.string().min(1).max(256), exerciseId: z.string().min(1).max(64), name: DisplayName }),
]);
export type JoinOptions = z.infer<typeof JoinOptions>;

export const CommandMessage = z.strictObject({ id: CommandId, command: z.unknown() });
export type CommandMessage = { readonly id: string; readonly command: Command };

export const SeatBotMessage = z.strictObject({ id: CommandId, delegation: Id, policy: z.string().min(1).max(32) });
export type SeatBotMessage = z.infer<typeof SeatBotMessage>;

export const SeatUnbotMessage = z.strictObject({ id: CommandId, delegation: Id });
export type SeatUnbotMessage = z.infer<typeof SeatUnbotMessage>;

export const CLIENT_MESSAGE_TYPES = ['command', 'preview', 'seat.bot', 'seat.unbot'] as const;
export type ClientMessageType = (typeof CLIENT_MESSAGE_TYPES)[number];

export type ErrorCode = 'unknown-message' | 'invalid' | 'too-large' | 'rate-limited' | 'forbidden';

export type Welcome = { readonly exerciseId: string; readonly role: Role; readonly doc: string };
export type Ack = { readonly id: string; readonly seqs: readonly number[]; readonly flags: readonly RuleFlag[] };
/** A refusal: the code, the English message, and (engine refusals) a message key with raw params for translation. */
export type Refused = {
  readonly id: string;
  readonly code: string;
  readonly message: string;
  readonly key?: string | undefined;
  readonly params?: RefusalParams | undefined;
};
export type RoomError = { readonly id?: string; readonly code: ErrorCode; readonly message: string };
/** What a command would do: refused (with the refusal's code and message) or not, and the rules it would breach. */
export type PreviewAnswer = {
  readonly id: string;
  readonly ok: boolean;
  readonly flags: readonly RuleFlag[];
  readonly code?: string;
  readonly message?: string;
  readonly key?: string | undefined;
  readonly params?: RefusalParams | undefined;
};

/** One connected client, for the facilitator's seats panel. */
export type Person = {
  /** The seat tag (`control`, `<delegation>/<seat>`, `evaluator`, `observer`). */
  readonly seat: string;
  /** The display name given at join, or null. */
  readonly name: string | null;
  readonly online: boolean;
};

export type PresenceMessage = {
  /** Per seat (`control`, `<delegation>/<seat>`, `evaluator`, `observer`): clients online, clients reconnecting. */
  readonly seats: Readonly<Record<string, { readonly online: number; readonly reconnecting: number }>>;
  /** Everyone connected or being waited for, in the order they joined. */
  readonly people: readonly Person[];
  /** Delegation → bot policy. */
  readonly bots: Readonly<Record<string, string>>;
};

export type ServerMessages = {
  welcome: Welcome;
  ack: Ack;
  refused: Refused;
  error: RoomError;
  presence: PresenceMessage;
  preview: PreviewAnswer;
};

/** At most this many problems are listed in a message. */
const MAX_ISSUES = 3;

export function describeIssues(error: z.ZodError, prefix = ''): string {
  const issues = error.issues.slice(0, MAX_ISSUES).map((i) => {
    const path = i.path.map(String).join('.');
    return path ? `${prefix}${path}: ${i.message}` : `${prefix.replace(/\.$/, '') || 'message'}: ${i.message}`;
  });
  const more = error.issues.length > MAX_ISSUES ? ` (and ${error.issues.length - MAX_ISSUES} more)` : '';
  return issues.join('; ') + more;
}

const PARTICIPANT: ReadonlySet<string> = new Set(PARTICIPANT_COMMAND_TYPES);
const FACILITATOR: ReadonlySet<string> = new Set(FACILITATOR_COMMAND_TYPES);
const EVALUATOR: ReadonlySet<string> = new Set(EVALUATOR_COMMAND_TYPES);

/** A command as received: checked against its type's schema (defaults applied), or what is wrong with it. */
export function parseCommand(raw: unknown): { ok: true; command: Command } | { ok: false; message: string } {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return { ok: false, message: 'command.type: expected a command type such as "assess"' };
  const schema = PARTICIPANT.has(type)
    ? ParticipantCommand
    : FACILITATOR.has(type)
      ? FacilitatorCommand
      : EVALUATOR.has(type)
        ? EvaluatorCommand
        : null;
  if (schema === null) {
    const shown = type.length > 40 ? `${type.slice(0, 40)}…` : type;
    return { ok: false, message: `command.type: there is no command "${shown}"` };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, command: parsed.data }
    : { ok: false, message: `Invalid ${type} command: ${describeIssues(parsed.error, 'command.')}` };
}
