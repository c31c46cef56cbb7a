/**
 * The scenario studio's routes (`/api/studio/…`), for trainers who write scenarios. Every route but the status one
 * takes the studio token (`PARLEY_STUDIO_TOKEN`) as `Authorization: Bearer <token>`; wrong tokens count towards the
 * same per-address guess limit as facilitator tokens. Without PARLEY_STUDIO_TOKEN the studio is off and answers
 * 403 `studio-disabled`, saying how to turn it on.
 *
 * - `GET /api/studio`: `{ enabled, authorized }` (a wrong bearer token answers 401): what a login screen needs.
 * - `GET /api/studio/templates`: what a new document can start from (templates, shipped scenarios).
 * - `GET /api/studio/documents?q=words&deleted=only|include`: the documents, most recently saved first.
 * - `POST /api/studio/documents`: a new document (201) from `{ from: "template", title }`, `{ from: "library",
 *   scenarioId }`, `{ from: "yaml", source, fileName? }` or `{ from: "document", documentId, version? }` (each with
 *   an optional `author`); or a YAML file sent as is (`Content-Type: application/yaml`, `?author=&fileName=`).
 * - `GET /api/studio/documents/:id` and `/versions/:version`: a version with its text and check (validator errors
 *   and warnings, lint findings).
 * - `GET /api/studio/documents/:id/versions`: the history, newest first.
 * - `POST /api/studio/documents/:id/versions` `{ source, baseVersion, author? }`: saves the next version (201; 200
 *   with `unchanged: true` for the latest text again). 409 `version-conflict` with `latestVersion` when the text was
 *   edited from an older version.
 * - `GET /api/studio/documents/:id/diff?from=&to=`: what changed (default: the latest against the one before).
 * - `GET /api/studio/documents/:id/export.yaml?version=`: the text as a `.yaml` attachment.
 * - `DELETE /api/studio/documents/:id` and `POST …/restore`: soft delete and back.
 * - `POST /api/studio/documents/:id/versions/:version/exercises`: an exercise from a valid version, with the options
 *   of `POST /api/exercises` (and `trainerToken` with `workshopId`); answers as `POST /api/exercises` does.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { MAX_SCENARIO_BYTES } from '@parley/shared';
import type { ExerciseService } from '../exercises/service.ts';
import type { StudioDocumentRecord, StudioVersionInfo, StudioVersionRecord } from '../store/types.ts';
import type { VersionCheck } from '../studio/check.ts';
import { CreateDocumentInput, SaveVersionInput, StartExerciseInput, VersionNumber } from '../studio/inputs.ts';
import { type CheckedVersion, fileNameFor, type StudioError, StudioService } from '../studio/service.ts';
import { param, type RouteContext, type RouteHandler, refuseIfGuessing, reply } from './context.ts';
import { type ApiError, bearer, readJson, sendError, sendJson } from './respond.ts';
import type { Router } from './router.ts';
import { codeView, exerciseView } from './views.ts';

/** A scenario may be 512 KiB; as a JSON string (escaped line breaks and quotes) it can take up to twice that. */
export const STUDIO_MAX_BODY_BYTES = 2 * MAX_SCENARIO_BYTES + 64 * 1024;

export const STUDIO_DISABLED_MESSAGE =
  'The scenario studio is off on this server. To turn it on, restart Parley with PARLEY_STUDIO_TOKEN set to a ' +
  'passphrase of at least 12 characters, and give that passphrase to the trainers who write scenarios.';

const STATUS: Record<StudioError['code'], number> = {
  invalid: 400,
  unauthorized: 401,
  'not-found': 404,
  'unknown-code': 404,
  'revoked-code': 404,
  conflict: 409,
  'version-conflict': 409,
  'invalid-version': 409,
  deleted: 410,
  'too-large': 413,
};

/** One studio service per app (the exercise service carries the store and library it needs). */
const services = new WeakMap<ExerciseService, StudioService>();

function studioOf(ctx: RouteContext): StudioService {
  const exercises = ctx.deps.service;
  let studio = services.get(exercises);
  if (!studio) {
    studio = new StudioService({ store: exercises.store, library: exercises.library });
    services.set(exercises, studio);
  }
  return studio;
}

const digest = (secret: string): Buffer => createHash('sha256').update(secret.normalize('NFC')).digest();

/** Constant-time comparison of a presented token with the configured one. */
const sameToken = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

const unauthorized = (ctx: RouteContext, message: string): void =>
  sendError(ctx.res, { status: 401, code: 'unauthorized', message }, { 'www-authenticate': 'Bearer' });

/** The studio service when the request carries the studio token; otherwise answers the error and returns null. */
function asStudio(ctx: RouteContext): StudioService | null {
  const expected = ctx.deps.config.studioToken ?? null;
  if (!expected) {
    reply(ctx, { status: 403, code: 'studio-disabled', message: STUDIO_DISABLED_MESSAGE });
    return null;
  }
  if (refuseIfGuessing(ctx, 'auth')) return null;
  const token = bearer(ctx.req);
  if (token === null) {
    unauthorized(ctx, 'The scenario studio needs the studio passphrase. Send it as "Authorization: Bearer <token>".');
    return null;
  }
  if (!sameToken(token, expected)) {
    ctx.deps.guesses.fail(`auth:${ctx.ip}`);
    unauthorized(ctx, 'That is not the studio passphrase of this server.');
    return null;
  }
  return studioOf(ctx);
}

function fail(ctx: RouteContext, error: StudioError): void {
  if (error.code === 'version-conflict') {
    const body = { error: { code: error.code, message: error.message, latestVersion: error.latestVersion } };
    sendJson(ctx.res, 409, body);
    return;
  }
  reply(ctx, { status: STATUS[error.code], code: error.code, message: error.message });
}

const query = (ctx: RouteContext): URLSearchParams => new URL(ctx.req.url ?? '/', 'http://localhost').searchParams;

/** A version number from the path or the query (absent: undefined); answers 400 itself and returns null when bad. */
function versionFrom(ctx: RouteContext, raw: string | null | undefined, what: string): number | undefined | null {
  if (raw === null || raw === undefined || raw === '') return undefined;
  const parsed = VersionNumber.safeParse(raw);
  if (parsed.success) return parsed.data;
  reply(ctx, { status: 400, code: 'invalid', message: `${what} must be a version number (1, 2, 3…), got "${raw}".` });
  return null;
}

// ─── Views ────────────────────────────────────────────────────────────────────────────────────────────────────────

const documentView = (d: StudioDocumentRecord) => ({
  id: d.id,
  origin: d.origin,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  latestVersion: d.latestVersion,
  deletedAt: d.deletedAt,
});

const versionInfoView = (v: StudioVersionInfo) => ({
  version: v.version,
  author: v.author,
  createdAt: v.createdAt,
  size: v.size,
  valid: v.valid,
  scenario: {
    id: v.facts.scenarioId,
    title: v.facts.title,
    summary: v.facts.summary,
    level: v.facts.level,
    languages: v.facts.languages,
    authors: v.facts.authors,
    durationMinutes: v.facts.durationMinutes,
  },
  counts: { errors: v.facts.errors, warnings: v.facts.warnings, findings: v.facts.findings },
});

const versionView = (v: StudioVersionRecord) => ({ ...versionInfoView(v), source: v.source });

const checkView = (c: VersionCheck) => ({
  valid: c.valid,
  errors: c.errors,
  warnings: c.warnings,
  findings: c.findings.map((f) => ({
    severity: f.severity,
    code: f.code,
    line: f.line,
    column: f.column,
    field: f.field,
    message: f.message,
    text: f.text,
  })),
});

const checkedView = (c: CheckedVersion) => ({
  document: documentView(c.document),
  version: versionView(c.version),
  check: checkView(c.check),
});

// ─── Handlers ─────────────────────────────────────────────────────────────────────────────────────────────────────

const status: RouteHandler = async (ctx) => {
  const expected = ctx.deps.config.studioToken ?? null;
  if (!expected) return sendJson(ctx.res, 200, { enabled: false, authorized: false, message: STUDIO_DISABLED_MESSAGE });
  if (bearer(ctx.req) === null) return sendJson(ctx.res, 200, { enabled: true, authorized: false });
  if (!asStudio(ctx)) return;
  sendJson(ctx.res, 200, { enabled: true, authorized: true });
};

const templates: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  sendJson(ctx.res, 200, studio.sources());
};

const list: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const q = query(ctx);
  const deleted = q.get('deleted') ?? 'exclude';
  if (deleted !== 'exclude' && deleted !== 'only' && deleted !== 'include') {
    return reply(ctx, { status: 400, code: 'invalid', message: 'deleted must be "only" or "include".' });
  }
  const listings = await studio.list({ query: q.get('q') ?? '', deleted });
  sendJson(ctx.res, 200, {
    documents: listings.map((l) => ({ ...documentView(l.document), latest: versionInfoView(l.latest) })),
  });
};

const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain']);

const create: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let input: unknown;
  if (YAML_TYPES.has(type)) {
    const text = await readText(ctx.req, STUDIO_MAX_BODY_BYTES);
    if (text === null) return reply(ctx, tooLarge());
    const q = query(ctx);
    input = { from: 'yaml', source: text, author: q.get('author') ?? '', fileName: q.get('fileName') ?? undefined };
    const parsed = CreateDocumentInput.safeParse(input);
    if (!parsed.success) {
      return reply(ctx, { status: 400, code: 'invalid', message: parsed.error.issues[0]?.message ?? 'invalid' });
    }
    input = parsed.data;
  } else {
    const body = await readJson(ctx.req, CreateDocumentInput, STUDIO_MAX_BODY_BYTES);
    if (!body.ok) return reply(ctx, body.error);
    input = body.value;
  }
  const created = await studio.create(input as Parameters<StudioService['create']>[0]);
  if (!created.ok) return fail(ctx, created.error);
  sendJson(ctx.res, 201, checkedView(created.value), {
    location: `/api/studio/documents/${created.value.document.id}`,
  });
};

const get: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const version = versionFrom(ctx, ctx.params.version, 'The version');
  if (version === null) return;
  const found = await studio.version(param(ctx, 'id'), version);
  if (!found.ok) return fail(ctx, found.error);
  sendJson(ctx.res, 200, checkedView(found.value));
};

const history: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const found = await studio.history(param(ctx, 'id'));
  if (!found.ok) return fail(ctx, found.error);
  sendJson(ctx.res, 200, {
    document: documentView(found.value.document),
    versions: found.value.versions.map(versionInfoView),
  });
};

const save: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const body = await readJson(ctx.req, SaveVersionInput, STUDIO_MAX_BODY_BYTES);
  if (!body.ok) return reply(ctx, body.error);
  const saved = await studio.save(param(ctx, 'id'), body.value);
  if (!saved.ok) return fail(ctx, saved.error);
  sendJson(ctx.res, saved.value.unchanged ? 200 : 201, {
    ...checkedView(saved.value),
    unchanged: saved.value.unchanged,
  });
};

const diff: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const q = query(ctx);
  const from = versionFrom(ctx, q.get('from'), 'from');
  if (from === null) return;
  const to = versionFrom(ctx, q.get('to'), 'to');
  if (to === null) return;
  const found = await studio.diff(param(ctx, 'id'), from, to);
  if (!found.ok) return fail(ctx, found.error);
  const { document, diff: d, unified } = found.value;
  sendJson(ctx.res, 200, {
    document: documentView(document),
    from: versionInfoView(found.value.from),
    to: versionInfoView(found.value.to),
    added: d.added,
    removed: d.removed,
    minimal: d.minimal,
    hunks: d.hunks,
    unified,
  });
};

const exportYaml: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const version = versionFrom(ctx, query(ctx).get('version'), 'version');
  if (version === null) return;
  const found = await studio.version(param(ctx, 'id'), version);
  if (!found.ok) return fail(ctx, found.error);
  const { source } = found.value.version;
  const name = fileNameFor(source);
  ctx.res.writeHead(200, {
    'content-type': 'application/yaml; charset=utf-8',
    'content-length': Buffer.byteLength(source),
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : source);
};

const remove: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const done = await studio.remove(param(ctx, 'id'));
  if (!done.ok) return fail(ctx, done.error);
  sendJson(ctx.res, 200, { document: documentView(done.value) });
};

const restore: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const done = await studio.restore(param(ctx, 'id'));
  if (!done.ok) return fail(ctx, done.error);
  sendJson(ctx.res, 200, { document: documentView(done.value) });
};

const startExercise: RouteHandler = async (ctx) => {
  const studio = asStudio(ctx);
  if (!studio) return;
  const version = versionFrom(ctx, param(ctx, 'version'), 'The version');
  if (version === null || version === undefined) return;
  const body = await readJson(ctx.req, StartExerciseInput, ctx.deps.maxBodyBytes);
  if (!body.ok) return reply(ctx, body.error);
  const started = await studio.startExercise(param(ctx, 'id'), version, body.value);
  if (!started.ok) {
    if (started.error.code === 'unauthorized' && body.value.trainerToken !== undefined) {
      ctx.deps.guesses.fail(`auth:${ctx.ip}`);
    }
    return fail(ctx, started.error);
  }
  const { exercise, facilitatorToken, codes, from } = started.value;
  try {
    await ctx.deps.hosts.opened?.(exercise.id);
  } catch (error) {
    ctx.deps.onError?.(error, ctx.req);
  }
  sendJson(ctx.res, 201, {
    exercise: exerciseView(exercise, ctx.deps.service, ctx.deps.hosts.isLive(exercise.id)),
    facilitatorToken,
    codes: codes.map((c) => codeView(c, ctx.base)),
    from: { documentId: from.document.id, version: from.version.version },
  });
};

const tooLarge = (): ApiError => ({
  status: 413,
  code: 'too-large',
  message: `The request body is larger than ${Math.floor(STUDIO_MAX_BODY_BYTES / 1024)} KiB.`,
});

/** The body as UTF-8 text, or null once it passes `maxBytes`. */
function readText(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function addStudioRoutes(router: Router<RouteHandler>): Router<RouteHandler> {
  return router
    .add('GET', '/api/studio', status)
    .add('GET', '/api/studio/templates', templates)
    .add('GET', '/api/studio/documents', list)
    .add('POST', '/api/studio/documents', create)
    .add('GET', '/api/studio/documents/:id', get)
    .add('DELETE', '/api/studio/documents/:id', remove)
    .add('POST', '/api/studio/documents/:id/restore', restore)
    .add('GET', '/api/studio/documents/:id/versions', history)
    .add('POST', '/api/studio/documents/:id/versions', save)
    .add('GET', '/api/studio/documents/:id/versions/:version', get)
    .add('POST', '/api/studio/documents/:id/versions/:version/exercises', startExercise)
    .add('GET', '/api/studio/documents/:id/diff', diff)
    .add('GET', '/api/studio/documents/:id/export.yaml', exportYaml);
}
