/**
 * The event store: the only durable truth. Exercises, their join codes and their event logs live behind this one
 * interface; SQLite (default, embedded) and PostgreSQL implement it, and an in-memory one serves tests.
 *
 * An exercise keeps the scenario source it was created from, so that its log always replays against the exact
 * scenario it was played with, whatever happens to the library file later.
 */
import type { ExerciseEvent, ExerciseOptions, Role } from '@parley/shared';

export type ExerciseStatus = 'open' | 'ended';

export type ExerciseRecord = {
  readonly id: string;
  readonly scenarioId: string;
  /** The scenario file's text (YAML) at creation. */
  readonly scenarioSource: string;
  readonly options: ExerciseOptions;
  readonly label: string;
  readonly workshopId: string | null;
  /** scrypt hash of the facilitator's token or passphrase (`salt:hash`, hex). */
  readonly facilitatorSecret: string;
  /** Wall-clock milliseconds. */
  readonly createdAt: number;
  readonly status: ExerciseStatus;
  readonly endedAt: number | null;
  /** Delegations whose empty seat a bot plays, with its policy (e.g. "cooperative"). */
  readonly bots: Readonly<Record<string, string>>;
};

export type WorkshopRecord = {
  readonly id: string;
  readonly title: string;
  /** scrypt hash of the trainer's token (`salt:hash`, hex). */
  readonly trainerSecret: string;
  readonly createdAt: number;
};

/** A join code: exactly one role (and delegation seat) in exactly one exercise. */
export type SeatCode = {
  readonly code: string;
  readonly exerciseId: string;
  readonly role: Role;
  readonly createdAt: number;
  readonly revokedAt: number | null;
};

export interface EventStore {
  /** Creates tables if needed. */
  init(): Promise<void>;
  close(): Promise<void>;

  createWorkshop(workshop: WorkshopRecord): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRecord | null>;

  /** Creates the exercise and its codes in one transaction (all or nothing; its workshop, if any, must exist). */
  createExercise(exercise: ExerciseRecord, codes: readonly SeatCode[]): Promise<void>;
  getExercise(id: string): Promise<ExerciseRecord | null>;
  listExercises(filter?: { status?: ExerciseStatus; workshopId?: string }): Promise<ExerciseRecord[]>;
  markEnded(id: string, endedAt: number): Promise<void>;
  setBots(id: string, bots: Readonly<Record<string, string>>): Promise<void>;

  /**
   * Appends events in one transaction: all or none. Sequence numbers must continue the log without gaps or
   * repeats (a violation rejects the whole batch). Resolves only once the batch is durable: it survives the process
   * being killed (SIGKILL) right after.
   */
  appendEvents(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void>;
  /** The log in sequence order, from `afterSeq` (exclusive; default: the whole log). */
  loadEvents(exerciseId: string, afterSeq?: number): Promise<ExerciseEvent[]>;

  findCode(code: string): Promise<SeatCode | null>;
  /** By creation time, then code. */
  listCodes(exerciseId: string): Promise<SeatCode[]>;
  /** Rejects a code that exists, or whose exercise does not. */
  putCode(code: SeatCode): Promise<void>;
  /** Withdraws a code; a code already withdrawn keeps its first time, an unknown code is ignored. */
  revokeCode(code: string, revokedAt: number): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}
