/**
 * Rows as both durable stores hold them (snake_case columns, JSON in text/json columns) and the records of
 * `types.ts`. PostgreSQL returns `bigint` columns as strings and `json` columns already parsed; SQLite returns
 * numbers and text; these functions accept both.
 */
import { type ExerciseEvent, type ExerciseOptions, Role } from '@parley/shared';
import {
  type ExerciseRecord,
  type SeatCode,
  StoreError,
  StudioConflict,
  type StudioDocumentRecord,
  type StudioOrigin,
  type StudioVersionFacts,
  type StudioVersionInfo,
  type StudioVersionRecord,
  type WorkshopRecord,
} from './types.ts';

export type WorkshopRow = {
  readonly id: string;
  readonly title: string;
  readonly trainer_secret: string;
  readonly created_at: number | string;
};

export type ExerciseRow = {
  readonly id: string;
  readonly scenario_id: string;
  readonly scenario_source: string;
  readonly options: unknown;
  readonly label: string;
  readonly workshop_id: string | null;
  readonly facilitator_secret: string;
  readonly created_at: number | string;
  readonly status: string;
  readonly ended_at: number | string | null;
  readonly bots: unknown;
};

export type CodeRow = {
  readonly code: string;
  readonly exercise_id: string;
  readonly role: unknown;
  readonly created_at: number | string;
  readonly revoked_at: number | string | null;
};

/** A JSON column: text in SQLite, already parsed in PostgreSQL. */
export function fromJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

const num = (value: number | string): number => (typeof value === 'number' ? value : Number(value));
const numOrNull = (value: number | string | null): number | null => (value === null ? null : num(value));

function stringRecord(value: unknown, what: string): Record<string, string> {
  const parsed = fromJson(value);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new StoreError(`stored ${what} is not an object`);
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  return out;
}

export const workshopFromRow = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id,
  title: r.title,
  trainerSecret: r.trainer_secret,
  createdAt: num(r.created_at),
});

export function exerciseFromRow(r: ExerciseRow): ExerciseRecord {
  if (r.status !== 'open' && r.status !== 'ended') throw new StoreError(`exercise ${r.id} has status "${r.status}"`);
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    scenarioSource: r.scenario_source,
    options: fromJson(r.options) as ExerciseOptions,
    label: r.label,
    workshopId: r.workshop_id,
    facilitatorSecret: r.facilitator_secret,
    createdAt: num(r.created_at),
    status: r.status,
    endedAt: numOrNull(r.ended_at),
    bots: stringRecord(r.bots, `bots of exercise ${r.id}`),
  };
}

export function codeFromRow(r: CodeRow): SeatCode {
  const role = Role.safeParse(fromJson(r.role));
  if (!role.success) throw new StoreError(`stored role of code ${r.code} is not a role`);
  return {
    code: r.code,
    exerciseId: r.exercise_id,
    role: role.data,
    createdAt: num(r.created_at),
    revokedAt: numOrNull(r.revoked_at),
  };
}

export const eventFromBody = (body: unknown): ExerciseEvent => fromJson(body) as ExerciseEvent;

/** The values of an exercise row in column order (see `EXERCISE_COLUMNS`); JSON as text. */
export const EXERCISE_COLUMNS = [
  'id',
  'scenario_id',
  'scenario_source',
  'options',
  'label',
  'workshop_id',
  'facilitator_secret',
  'created_at',
  'status',
  'ended_at',
  'bots',
] as const;

export const exerciseValues = (e: ExerciseRecord): (string | number | null)[] => [
  e.id,
  e.scenarioId,
  e.scenarioSource,
  JSON.stringify(e.options),
  e.label,
  e.workshopId,
  e.facilitatorSecret,
  e.createdAt,
  e.status,
  e.endedAt,
  JSON.stringify(e.bots),
];

/** Checks that a batch continues a log whose last sequence number is `last`; returns the batch's last. */
export function checkSequence(exerciseId: string, last: number, events: readonly ExerciseEvent[]): number {
  let expected = last;
  for (const e of events) {
    if (e.seq !== expected + 1) {
      throw new StoreError(`event seq ${e.seq} does not follow ${expected} in exercise ${exerciseId}`);
    }
    expected = e.seq;
  }
  return expected;
}

export type StudioDocumentRow = {
  readonly id: string;
  readonly origin: unknown;
  readonly created_at: number | string;
  readonly updated_at: number | string;
  readonly latest_version: number | string;
  readonly deleted_at: number | string | null;
};

/** A version row; `source` is absent when a query leaves the text out. */
export type StudioVersionRow = {
  readonly document_id: string;
  readonly version: number | string;
  readonly source?: string;
  readonly author: string;
  readonly created_at: number | string;
  readonly size: number | string;
  /** 0/1 in SQLite, boolean in PostgreSQL. */
  readonly valid: number | boolean;
  readonly facts: unknown;
};

export const studioDocumentFromRow = (r: StudioDocumentRow): StudioDocumentRecord => ({
  id: r.id,
  origin: fromJson(r.origin) as StudioOrigin,
  createdAt: num(r.created_at),
  updatedAt: num(r.updated_at),
  latestVersion: num(r.latest_version),
  deletedAt: numOrNull(r.deleted_at),
});

export const studioVersionInfoFromRow = (r: StudioVersionRow): StudioVersionInfo => ({
  documentId: r.document_id,
  version: num(r.version),
  author: r.author,
  createdAt: num(r.created_at),
  size: num(r.size),
  valid: r.valid === true || r.valid === 1,
  facts: fromJson(r.facts) as StudioVersionFacts,
});

export function studioVersionFromRow(r: StudioVersionRow): StudioVersionRecord {
  if (r.source === undefined) throw new StoreError(`version ${r.version} of ${r.document_id} was read without text`);
  return { ...studioVersionInfoFromRow(r), source: r.source };
}

/** Version columns without the text, for listings (`v.` prefixed when joined). */
export const STUDIO_VERSION_INFO_COLUMNS = [
  'document_id',
  'version',
  'author',
  'created_at',
  'size',
  'valid',
  'facts',
] as const;

/** The columns of a studio document row in insertion order, and its values (JSON as text). */
export const STUDIO_DOCUMENT_COLUMNS = [
  'id',
  'origin',
  'created_at',
  'updated_at',
  'latest_version',
  'deleted_at',
] as const;

export const studioDocumentValues = (d: StudioDocumentRecord): (string | number | null)[] => [
  d.id,
  JSON.stringify(d.origin),
  d.createdAt,
  d.updatedAt,
  d.latestVersion,
  d.deletedAt,
];

export const STUDIO_VERSION_COLUMNS = [
  'document_id',
  'version',
  'source',
  'author',
  'created_at',
  'size',
  'valid',
  'facts',
] as const;

/** A version row's values; `valid` as the dialect stores it (0/1 for SQLite, boolean for PostgreSQL). */
export const studioVersionValues = (
  v: StudioVersionRecord,
  valid: (value: boolean) => number | boolean,
): (string | number | boolean)[] => [
  v.documentId,
  v.version,
  v.source,
  v.author,
  v.createdAt,
  v.size,
  valid(v.valid),
  JSON.stringify(v.facts),
];

/** Checks the invariants of a new document and its first version before any write. */
export function checkNewStudioDocument(document: StudioDocumentRecord, first: StudioVersionRecord): void {
  if (first.documentId !== document.id || first.version !== 1 || document.latestVersion !== 1) {
    throw new StoreError(`a new document starts at version 1 (document ${document.id})`);
  }
}

/** Why a version could not follow: the document is missing or deleted (StoreError), or another version won. */
export function studioVersionRefusal(
  version: StudioVersionRecord,
  document: Pick<StudioDocumentRecord, 'latestVersion' | 'deletedAt'> | null,
): StoreError | null {
  if (!document) return new StoreError(`no studio document ${version.documentId}`);
  if (document.deletedAt !== null) return new StoreError(`studio document ${version.documentId} is deleted`);
  if (version.version !== document.latestVersion + 1) {
    return new StudioConflict(version.documentId, document.latestVersion, version.version);
  }
  return null;
}
