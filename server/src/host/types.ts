/** What the exercise host promises its callers (the room, the HTTP API, the live feed). */
import type { ExerciseEvent, ExerciseState, RefusalCode, RefusalParams, RuleFlag } from '@parley/shared';
import type { Metrics } from '../observability/types.ts';
import type { EventStore } from '../store/types.ts';
import type { ClockAnchor, WallClock } from './clock.ts';

/** An accepted command, once its events are in the store. */
export type HostAck = {
  readonly ok: true;
  /** The seq of every event the command produced (timers it made due included). */
  readonly seqs: readonly number[];
  readonly events: readonly ExerciseEvent[];
  readonly flags: readonly RuleFlag[];
};

/**
 * A command not applied: the engine's refusal, or `unsaved` (its events could not be written; nothing was kept and
 * the same command id may be retried) or `closed` (the host is shutting down).
 */
export type HostRefusalCode = RefusalCode | 'unsaved' | 'closed';
export type HostRefusal = {
  readonly ok: false;
  readonly code: HostRefusalCode;
  readonly message: string;
  /** The engine's message key and raw params (for the reader's language), when it gave them. */
  readonly key?: string | undefined;
  readonly params?: RefusalParams | undefined;
};

export type HostResult = HostAck | HostRefusal;

/** What the host shows: only saved state (the state after the last successful flush). */
export type Committed = {
  readonly state: ExerciseState;
  /** Game time of the snapshot (ms). */
  readonly now: number;
  readonly clock: ClockAnchor;
  readonly bots: Readonly<Record<string, string>>;
};

/** After each successful flush (events saved) or a change of bot seats (events empty). */
export type HostUpdate = { readonly events: readonly ExerciseEvent[]; readonly committed: Committed };
export type HostListener = (update: HostUpdate) => void;

/** The slice of a pino logger the host uses. */
export type HostLogger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export const silentLogger: HostLogger = { info() {}, warn() {}, error() {} };

export type HostDeps = {
  readonly store: EventStore;
  /** Milliseconds between flushes (one store transaction each). */
  readonly flushMs: number;
  readonly wall?: WallClock | undefined;
  readonly metrics?: Metrics | undefined;
  readonly logger?: HostLogger | undefined;
};

export const UNSAVED_MESSAGE =
  'Your last action could not be saved, so it was not applied. Please try again (it will be applied once).';
export const CLOSED_MESSAGE = 'The exercise server is restarting; please try again in a moment.';
