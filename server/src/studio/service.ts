/**
 * The scenario studio's library: scenario documents that trainers write, each save a new numbered version kept in
 * the event store (SQLite or PostgreSQL, beside the exercises), with history, diffs, soft delete, YAML import and
 * export, and exercises started from any valid version.
 *
 * Saving never loses work: a text the validator refuses is still stored, as a version flagged invalid, with the
 * validator's `file:line:column` messages; only a valid version can start an exercise. Saves are optimistic: the
 * trainer names the version the text was edited from, and a save over a newer version is refused (a conflict with
 * the latest version's number) rather than silently overwriting someone else's work. Saving the same text as the
 * latest version creates nothing.
 *
 * Shipped scenarios stay files in the library directory; a document may start as a copy of one, or of the template,
 * of an uploaded file or of another document.
 */
import { closest, formatSize, MAX_SCENARIO_BYTES, type Scenario, sizeProblem } from '@parley/shared';
import { diffText, formatUnified, type TextDiff } from '@parley/shared/studio/index.ts';
import type { z } from 'zod';
import { generateId } from '../exercises/codes.ts';
import type { CreateExerciseInput } from '../exercises/inputs.ts';
import { ScenarioLibrary } from '../exercises/library.ts';
import type { ServiceErrorCode } from '../exercises/result.ts';
import { type CreatedExercise, ExerciseService } from '../exercises/service.ts';
import {
  type EventStore,
  StoreError,
  StudioConflict,
  type StudioDeletedFilter,
  type StudioDocumentRecord,
  type StudioListing,
  type StudioOrigin,
  type StudioVersionInfo,
  type StudioVersionRecord,
} from '../store/types.ts';
import { checkSource, type VersionCheck } from './check.ts';
import type { CreateDocumentInput, SaveVersionInput, StartExerciseInput } from './inputs.ts';
import { fillTemplate, TEMPLATES } from './templates.ts';

export type StudioErrorCode =
  | ServiceErrorCode
  /** The document was deleted (it can be restored). */
  | 'deleted'
  /** The save was edited from an older version than the latest. */
  | 'version-conflict'
  /** The version does not pass the validator, so it cannot start an exercise. */
  | 'invalid-version'
  | 'too-large';

export type StudioError = {
  readonly code: StudioErrorCode;
  readonly message: string;
  /** With version-conflict: the document's latest version. */
  readonly latestVersion?: number;
};

export type StudioResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: StudioError };

const ok = <T>(value: T): StudioResult<T> => ({ ok: true, value });
const fail = <T = never>(code: StudioErrorCode, message: string, latestVersion?: number): StudioResult<T> => ({
  ok: false,
  error: latestVersion === undefined ? { code, message } : { code, message, latestVersion },
});

/** A version with its text and what the studio says about it. */
export type CheckedVersion = {
  readonly document: StudioDocumentRecord;
  readonly version: StudioVersionRecord;
  readonly check: VersionCheck;
};

export type VersionDiff = {
  readonly document: StudioDocumentRecord;
  readonly from: StudioVersionInfo;
  readonly to: StudioVersionInfo;
  readonly diff: TextDiff;
  /** The same as a unified diff (`--- v1`, `+++ v2`). */
  readonly unified: string;
};

export type StudioServiceDeps = {
  readonly store: EventStore;
  /** The shipped scenarios (copied into new documents). */
  readonly library: ScenarioLibrary;
  /** Wall clock in milliseconds (tests pass their own). */
  readonly now?: () => number;
};

/** Checks of versions already seen (versions never change, so a check stays true); parsing costs milliseconds. */
const CHECK_CACHE = 32;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Lower case without accents, for matching searches ("securite" finds "Sécurité"). */
const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The scenario id written in a text (a quick look, for file names), or null. */
export function scenarioIdIn(source: string): string | null {
  return /^id:[ \t]*["']?([a-z][a-z0-9_-]{0,63})["']?[ \t]*(#.*)?$/m.exec(source)?.[1] ?? null;
}

/** The file name a version is checked and exported under: its scenario id, as in the library (`gridlock.yaml`). */
export const fileNameFor = (source: string): string => `${scenarioIdIn(source) ?? 'scenario'}.yaml`;

/** A library that holds exactly one scenario: how the exercise service creates an exercise from a stored text. */
class StoredScenario extends ScenarioLibrary {
  private readonly item: { readonly file: string; readonly scenario: Scenario; readonly source: string };

  constructor(scenario: Scenario, source: string, file: string) {
    super('');
    this.item = { file, scenario, source };
  }

  override list() {
    return [{ ...this.item, ok: true as const }];
  }

  override find(id: string) {
    return id === this.item.scenario.id ? this.item : null;
  }
}

export class StudioService {
  readonly store: EventStore;
  readonly library: ScenarioLibrary;
  private readonly now: () => number;
  private readonly checks = new Map<string, VersionCheck>();

  constructor(deps: StudioServiceDeps) {
    this.store = deps.store;
    this.library = deps.library;
    this.now = deps.now ?? Date.now;
  }

  /** What a new document can start from: the templates and the valid shipped scenarios. */
  sources() {
    return {
      templates: TEMPLATES.map(({ id, title, description }) => ({ id, title, description })),
      library: this.library.list().flatMap((item) =>
        item.ok
          ? [
              {
                scenarioId: item.scenario.id,
                file: item.file,
                title: item.scenario.title,
                summary: item.scenario.summary,
                level: item.scenario.level,
                languages: item.scenario.languages,
                durationMinutes: item.scenario.durationMinutes,
              },
            ]
          : [],
      ),
    };
  }

  /**
   * The documents, most recently saved first; with a query, those whose id, scenario id, title, summary, authors
   * or level hold every word of it (any language, ignoring case and accents), title and id matches first.
   */
  async list(
    options: { readonly query?: string; readonly deleted?: StudioDeletedFilter } = {},
  ): Promise<StudioListing[]> {
    const all = await this.store.listStudioDocuments({ deleted: options.deleted ?? 'exclude' });
    const words = fold(options.query ?? '')
      .split(/\s+/)
      .filter((w) => w.length > 0);
    if (words.length === 0) return all;
    const scored: { listing: StudioListing; rank: number }[] = [];
    for (const listing of all) {
      const f = listing.latest.facts;
      const name = fold([listing.document.id, f.scenarioId ?? '', ...Object.values(f.title)].join('\n'));
      const rest = fold([...Object.values(f.summary), ...f.authors, f.level ?? ''].join('\n'));
      if (!words.every((w) => name.includes(w) || rest.includes(w))) continue;
      scored.push({ listing, rank: words.every((w) => name.includes(w)) ? 0 : 1 });
    }
    return scored.sort((a, b) => a.rank - b.rank).map((s) => s.listing);
  }

  /** A new document from a template, a shipped scenario, an uploaded YAML text or another document. */
  async create(input: z.output<typeof CreateDocumentInput>): Promise<StudioResult<CheckedVersion>> {
    let source: string;
    let origin: StudioOrigin;
    switch (input.from) {
      case 'template': {
        const template = TEMPLATES.find((t) => t.id === input.template);
        if (!template) {
          return fail(
            'not-found',
            `There is no template "${input.template}"; use ${TEMPLATES.map((t) => `"${t.id}"`).join(', ')}.`,
          );
        }
        source = fillTemplate(template, input.title);
        origin = { kind: 'template', template: template.id };
        break;
      }
      case 'library': {
        const found = this.library.list().find((i) => i.ok && i.scenario.id === input.scenarioId);
        if (!found?.ok) {
          const ids = this.library.list().flatMap((i) => (i.ok ? [i.scenario.id] : []));
          const near = closest(input.scenarioId, ids);
          return fail(
            'not-found',
            `There is no scenario "${input.scenarioId}" in the library${near ? ` (did you mean "${near}"?)` : ''}. ` +
              `Available: ${ids.join(', ') || 'none'}.`,
          );
        }
        source = found.source;
        origin = { kind: 'library', scenarioId: found.scenario.id, file: found.file };
        break;
      }
      case 'yaml':
        source = input.source;
        origin = { kind: 'upload', fileName: input.fileName ?? null };
        break;
      case 'document': {
        const from = await this.version(input.documentId, input.version);
        if (!from.ok) return from;
        source = from.value.version.source;
        origin = { kind: 'copy', documentId: from.value.document.id, version: from.value.version.version };
        break;
      }
    }
    const problem = this.textProblem(source);
    if (problem) return { ok: false, error: problem };
    const id = await this.freshId();
    const now = this.now();
    const { record, check } = this.record(id, 1, source, input.author, now);
    const document: StudioDocumentRecord = {
      id,
      origin,
      createdAt: now,
      updatedAt: now,
      latestVersion: 1,
      deletedAt: null,
    };
    await this.store.createStudioDocument(document, record);
    return ok({ document, version: record, check });
  }

  /** A version (default: the latest) with its text and check. A deleted document answers `deleted`. */
  async version(documentId: string, version?: number): Promise<StudioResult<CheckedVersion>> {
    const document = await this.document(documentId);
    if (!document.ok) return document;
    const n = version ?? document.value.latestVersion;
    const record = await this.store.getStudioVersion(documentId, n);
    if (!record) {
      return fail(
        'not-found',
        `Version ${n} does not exist; this document has versions 1 to ${document.value.latestVersion}.`,
      );
    }
    return ok({ document: document.value, version: record, check: this.checkOf(record) });
  }

  /** Saves a new version edited from `baseVersion`; the same text as the latest version saves nothing. */
  async save(
    documentId: string,
    input: z.output<typeof SaveVersionInput>,
  ): Promise<StudioResult<CheckedVersion & { readonly unchanged: boolean }>> {
    const problem = this.textProblem(input.source);
    if (problem) return { ok: false, error: problem };
    const found = await this.document(documentId);
    if (!found.ok) return found;
    const document = found.value;
    if (input.baseVersion !== document.latestVersion) return this.conflict(document, input.baseVersion);
    const latest = await this.store.getStudioVersion(documentId, document.latestVersion);
    if (latest && latest.source === input.source) {
      return ok({ document, version: latest, check: this.checkOf(latest), unchanged: true });
    }
    const now = this.now();
    const { record, check } = this.record(documentId, document.latestVersion + 1, input.source, input.author, now);
    try {
      await this.store.addStudioVersion(record);
    } catch (error) {
      if (error instanceof StudioConflict) {
        return this.conflict({ ...document, latestVersion: error.latestVersion }, input.baseVersion);
      }
      if (error instanceof StoreError) {
        const again = await this.document(documentId);
        if (!again.ok) return again;
      }
      throw error;
    }
    return ok({
      document: { ...document, latestVersion: record.version, updatedAt: now },
      version: record,
      check,
      unchanged: false,
    });
  }

  /** Every version without its text, newest first. */
  async history(
    documentId: string,
  ): Promise<StudioResult<{ readonly document: StudioDocumentRecord; readonly versions: StudioVersionInfo[] }>> {
    const document = await this.document(documentId);
    if (!document.ok) return document;
    return ok({ document: document.value, versions: await this.store.listStudioVersions(documentId) });
  }

  /** What changed from one version to another (default: from the one before `to`, to the latest). */
  async diff(documentId: string, fromVersion?: number, toVersion?: number): Promise<StudioResult<VersionDiff>> {
    const to = await this.version(documentId, toVersion);
    if (!to.ok) return to;
    const fromN = fromVersion ?? Math.max(1, to.value.version.version - 1);
    const from = fromN === to.value.version.version ? to : await this.version(documentId, fromN);
    if (!from.ok) return from;
    const diff = diffText(from.value.version.source, to.value.version.source);
    const { source: _a, ...fromInfo } = from.value.version;
    const { source: _b, ...toInfo } = to.value.version;
    return ok({
      document: to.value.document,
      from: fromInfo,
      to: toInfo,
      diff,
      unified: formatUnified(diff, `v${fromInfo.version}`, `v${toInfo.version}`),
    });
  }

  /** Moves the document out of the library (its versions are kept; `restore` brings it back). */
  async remove(documentId: string): Promise<StudioResult<StudioDocumentRecord>> {
    const document = await this.store.getStudioDocument(documentId);
    if (!document) return this.missing(documentId);
    if (document.deletedAt !== null) return ok(document);
    const deletedAt = this.now();
    await this.store.setStudioDeleted(documentId, deletedAt);
    return ok({ ...document, deletedAt });
  }

  async restore(documentId: string): Promise<StudioResult<StudioDocumentRecord>> {
    const document = await this.store.getStudioDocument(documentId);
    if (!document) return this.missing(documentId);
    if (document.deletedAt === null) return ok(document);
    await this.store.setStudioDeleted(documentId, null);
    return ok({ ...document, deletedAt: null });
  }

  /**
   * Creates an exercise from a valid version, through the exercise service's own creation path (options, join
   * codes, facilitator token); the exercise keeps the version's text as its scenario source.
   */
  async startExercise(
    documentId: string,
    version: number,
    input: z.output<typeof StartExerciseInput>,
  ): Promise<StudioResult<CreatedExercise & { readonly from: CheckedVersion }>> {
    const found = await this.version(documentId, version);
    if (!found.ok) return found;
    const { check } = found.value;
    if (!check.valid || check.scenario === null) {
      const first = check.errors
        .slice(0, 3)
        .map((e) => e.text)
        .join('; ');
      const more = check.errors.length > 3 ? ` (and ${check.errors.length - 3} more)` : '';
      return fail(
        'invalid-version',
        `Version ${version} is not a valid scenario, so it cannot start an exercise: ${first}${more}. ` +
          'Fix it and save a new version.',
      );
    }
    const { trainerToken, ...options } = input;
    const scenario = check.scenario;
    const exercises = new ExerciseService({
      store: this.store,
      library: new StoredScenario(scenario, found.value.version.source, fileNameFor(found.value.version.source)),
      now: this.now,
    });
    const created = await exercises.createExercise({ ...options, scenarioId: scenario.id } as CreateExerciseInput, {
      trainerToken: trainerToken ?? null,
    });
    if (!created.ok) return { ok: false, error: created.error };
    return ok({ ...created.value, from: found.value });
  }

  /** The check of a stored version (cached: versions never change). */
  checkOf(version: StudioVersionRecord): VersionCheck {
    const key = `${version.documentId}@${version.version}`;
    const cached = this.checks.get(key);
    if (cached) {
      this.checks.delete(key);
      this.checks.set(key, cached);
      return cached;
    }
    const check = checkSource(version.source, fileNameFor(version.source));
    this.remember(key, check);
    return check;
  }

  private remember(key: string, check: VersionCheck): void {
    this.checks.set(key, check);
    if (this.checks.size > CHECK_CACHE) {
      const oldest = this.checks.keys().next().value;
      if (oldest !== undefined) this.checks.delete(oldest);
    }
  }

  private record(
    documentId: string,
    version: number,
    source: string,
    author: string,
    createdAt: number,
  ): { record: StudioVersionRecord; check: VersionCheck } {
    const check = checkSource(source, fileNameFor(source));
    this.remember(`${documentId}@${version}`, check);
    const record: StudioVersionRecord = {
      documentId,
      version,
      source,
      author,
      createdAt,
      size: utf8Bytes(source),
      valid: check.valid,
      facts: check.facts,
    };
    return { record, check };
  }

  /** Texts the store will not keep: too large, or with a NUL character (which no scenario holds). */
  private textProblem(source: string): StudioError | null {
    const size = utf8Bytes(source);
    const tooBig = sizeProblem(size);
    if (tooBig) {
      return {
        code: 'too-large',
        message: `The scenario text is ${formatSize(size)}; a scenario may be at most ${formatSize(MAX_SCENARIO_BYTES)}.`,
      };
    }
    if (source.includes('\u0000')) {
      return { code: 'invalid', message: 'The scenario text contains a NUL character; it is not a YAML text.' };
    }
    return null;
  }

  private async document(documentId: string): Promise<StudioResult<StudioDocumentRecord>> {
    const document = await this.store.getStudioDocument(documentId);
    if (!document) return this.missing(documentId);
    if (document.deletedAt !== null) {
      return fail('deleted', `The document "${documentId}" was deleted; restore it to open or change it.`);
    }
    return ok(document);
  }

  private missing<T>(documentId: string): StudioResult<T> {
    return fail('not-found', `There is no studio document "${documentId}".`);
  }

  private conflict<T>(document: StudioDocumentRecord, base: number): StudioResult<T> {
    return fail(
      'version-conflict',
      base > document.latestVersion
        ? `Version ${base} does not exist yet; the latest version is ${document.latestVersion}.`
        : `This text was edited from version ${base}, but version ${document.latestVersion} has been saved since. ` +
            `Open version ${document.latestVersion}, compare, and save your changes on top of it.`,
      document.latestVersion,
    );
  }

  private async freshId(): Promise<string> {
    for (;;) {
      const id = generateId();
      if (!(await this.store.getStudioDocument(id))) return id;
    }
  }
}
