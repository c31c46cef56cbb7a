/**
 * The event store: the only durable truth. Exercises, their join codes and their event logs live behind this one
 * interface; SQLite (default, embedded) and PostgreSQL implement it, and an in-memory one serves tests.
 *
 * An exercise keeps the scenario source it was created from, so that its log always replays against the exact
 * scenario it was played with, whatever happens to the library file later.
 *
 * The scenario studio's documents live here too: a document is a scenario a trainer writes, every save a new,
 * numbered, immutable version (the full YAML text, its author and what the studio read from it). Deleting a
 * document only marks it; its versions stay.
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

/** Where a studio document's first version came from. */
export type StudioOrigin =
  | { readonly kind: 'template'; readonly template: string }
  | { readonly kind: 'library'; readonly scenarioId: string; readonly file: string }
  | { readonly kind: 'upload'; readonly fileName: string | null }
  | { readonly kind: 'copy'; readonly documentId: string; readonly version: number };

export type StudioDocumentRecord = {
  readonly id: string;
  readonly origin: StudioOrigin;
  /** Wall-clock milliseconds. */
  readonly createdAt: number;
  /** When the latest version was saved. */
  readonly updatedAt: number;
  /** The number of the latest version (versions are 1, 2, 3… without gaps). */
  readonly latestVersion: number;
  /** Set when the document was deleted (it can be restored); null while it is in the library. */
  readonly deletedAt: number | null;
};

/**
 * What the studio read from a version's text when it was saved, so that the library can be listed and searched
 * without parsing every scenario again. Best effort for an invalid text (what could be read of it).
 */
export type StudioVersionFacts = {
  readonly scenarioId: string | null;
  /** Language code → text. */
  readonly title: Readonly<Record<string, string>>;
  readonly summary: Readonly<Record<string, string>>;
  readonly level: string | null;
  readonly languages: readonly string[];
  readonly authors: readonly string[];
  readonly durationMinutes: number | null;
  /** The validator's errors and warnings, and the lint findings (valid versions only). */
  readonly errors: number;
  readonly warnings: number;
  readonly findings: number;
};

/** A saved version without its text. */
export type StudioVersionInfo = {
  readonly documentId: string;
  readonly version: number;
  /** The name the trainer gave (free text, may be empty). */
  readonly author: string;
  readonly createdAt: number;
  /** Size of the text in UTF-8 bytes. */
  readonly size: number;
  /** Whether the text passed the validator (only valid versions can start exercises). */
  readonly valid: boolean;
  readonly facts: StudioVersionFacts;
};

export type StudioVersionRecord = StudioVersionInfo & {
  /** The scenario's YAML text as the trainer saved it. */
  readonly source: string;
};

/** A document with its latest version (without the text), as the library lists them. */
export type StudioListing = { readonly document: StudioDocumentRecord; readonly latest: StudioVersionInfo };

/** Which documents a listing holds: those in the library (default), only the deleted ones, or both. */
export type StudioDeletedFilter = 'exclude' | 'only' | 'include';

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

  /**
   * Creates a studio document with its first version in one transaction. `first` must be version 1 of this
   * document and `document.latestVersion` 1; an id that exists is refused (StoreError).
   */
  createStudioDocument(document: StudioDocumentRecord, first: StudioVersionRecord): Promise<void>;
  /** The document, deleted or not. */
  getStudioDocument(id: string): Promise<StudioDocumentRecord | null>;
  /** Documents with their latest version, most recently saved first (then by id). */
  listStudioDocuments(filter?: { readonly deleted?: StudioDeletedFilter }): Promise<StudioListing[]>;
  /**
   * Saves the next version of a document: `version.version` must be exactly its latest version + 1, which makes
   * saves optimistic (a writer names the version it edited from; of two racing writers, one wins). Otherwise it
   * rejects with StudioConflict (holding the latest version), and with StoreError when the document does not exist
   * or is deleted. Moves the document's `latestVersion` and `updatedAt` (to the version's `createdAt`).
   */
  addStudioVersion(version: StudioVersionRecord): Promise<void>;
  getStudioVersion(documentId: string, version: number): Promise<StudioVersionRecord | null>;
  /** Every version of the document without its text, newest first (empty for an unknown document). */
  listStudioVersions(documentId: string): Promise<StudioVersionInfo[]>;
  /** Marks the document deleted at `deletedAt`, or restores it with null. Rejects for an unknown document. */
  setStudioDeleted(documentId: string, deletedAt: number | null): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

/** A studio save lost the race: the document's latest version is no longer the one it was edited from. */
export class StudioConflict extends StoreError {
  override name = 'StudioConflict';
  readonly latestVersion: number;

  constructor(documentId: string, latestVersion: number, attempted: number) {
    super(`document ${documentId} is at version ${latestVersion}; version ${attempted} cannot be saved after it`);
    this.latestVersion = latestVersion;
  }
}
