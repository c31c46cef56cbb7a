/**
 * The after-action review's routes, for live and ended exercises alike (the review is built from the stored log):
 * - `GET /api/exercises/:id/review`: the review (JSON). The facilitator sends `Authorization: Bearer <token>`; an
 *   evaluator sends its join code as `Authorization: Code <code>` and gets the review restricted to what it may see
 *   (the delegations it watches, general observations).
 * - `GET /api/exercises/:id/export.json`: scenario id, options, the event log (facilitator only; null for an
 *   evaluator) and the review, as an attachment.
 * - `GET /api/exercises/:id/export/<timeline|compliance|observations>.csv`: one table as CSV (RFC 4180).
 * - `GET /api/exercises/:id/log`: the raw event log with the scenario source and options it replays against
 *   (facilitator only).
 */
import { buildReview, CSV_TABLES, type CsvTable, type ReviewViewer, reviewCsv, toJSON } from '@parley/shared';
import { CompiledScenarios } from '../host/compile.ts';
import type { ExerciseRecord } from '../store/types.ts';
import { asFacilitator, param, type RouteContext, type RouteHandler, refuseIfGuessing, reply } from './context.ts';
import { sendJson } from './respond.ts';
import type { Router } from './router.ts';

const compiled = new CompiledScenarios();

/** `Authorization: Code <code>`, or null. */
const codeOf = (ctx: RouteContext): string | null =>
  /^Code\s+(.+?)\s*$/i.exec(ctx.req.headers.authorization ?? '')?.[1] ?? null;

/** Who asks: the facilitator (bearer token) or an evaluator of this exercise (its code). Answers errors itself. */
async function viewerOf(ctx: RouteContext): Promise<{ exercise: ExerciseRecord; viewer: ReviewViewer } | null> {
  const id = param(ctx, 'id');
  const code = codeOf(ctx);
  if (code === null) {
    const exercise = await asFacilitator(ctx, id);
    return exercise ? { exercise, viewer: { kind: 'facilitator' } } : null;
  }
  if (refuseIfGuessing(ctx, 'join')) return null;
  const resolved = await ctx.deps.service.resolveCode(code);
  if (!resolved.ok || resolved.value.exercise.id !== id) {
    ctx.deps.guesses.fail(`join:${ctx.ip}`);
    reply(ctx, { status: 401, code: 'unauthorized', message: 'This code does not open this exercise.' });
    return null;
  }
  const role = resolved.value.code.role;
  if (role.kind !== 'evaluator') {
    reply(ctx, { status: 403, code: 'forbidden', message: 'Only the facilitator and evaluators can read the review.' });
    return null;
  }
  return { exercise: resolved.value.exercise, viewer: role };
}

async function reviewOf(ctx: RouteContext, exercise: ExerciseRecord, viewer: ReviewViewer) {
  const events = await ctx.deps.service.store.loadEvents(exercise.id);
  const review = buildReview(compiled.of(exercise), events, { ...exercise.options, viewer });
  return { events, review };
}

const attachment = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

const getReview: RouteHandler = async (ctx) => {
  const who = await viewerOf(ctx);
  if (!who) return;
  const { review } = await reviewOf(ctx, who.exercise, who.viewer);
  sendJson(ctx.res, 200, { exerciseId: who.exercise.id, status: who.exercise.status, review });
};

const exportJson: RouteHandler = async (ctx) => {
  const who = await viewerOf(ctx);
  if (!who) return;
  const { events, review } = await reviewOf(ctx, who.exercise, who.viewer);
  const body = toJSON(who.exercise.scenarioId, who.exercise.options, events, review);
  sendJson(ctx.res, 200, body, attachment(`parley-${who.exercise.id}.json`));
};

const exportCsv: RouteHandler = async (ctx) => {
  const file = param(ctx, 'file');
  const table = file.endsWith('.csv') ? file.slice(0, -4) : '';
  if (!(CSV_TABLES as readonly string[]).includes(table)) {
    return reply(ctx, {
      status: 404,
      code: 'not-found',
      message: `No table "${file}": export one of ${CSV_TABLES.map((t) => `${t}.csv`).join(', ')}.`,
    });
  }
  const who = await viewerOf(ctx);
  if (!who) return;
  const { review } = await reviewOf(ctx, who.exercise, who.viewer);
  const text = reviewCsv(review, table as CsvTable);
  ctx.res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...attachment(`parley-${who.exercise.id}-${table}.csv`),
  });
  ctx.res.end(text);
};

const getLog: RouteHandler = async (ctx) => {
  const exercise = await asFacilitator(ctx, param(ctx, 'id'));
  if (!exercise) return;
  const events = await ctx.deps.service.store.loadEvents(exercise.id);
  sendJson(ctx.res, 200, {
    exerciseId: exercise.id,
    scenarioId: exercise.scenarioId,
    /** The scenario text the exercise was played with: with the events, any moment can be replayed exactly. */
    scenarioSource: exercise.scenarioSource,
    options: exercise.options,
    events,
  });
};

export function addReviewRoutes(router: Router<RouteHandler>): Router<RouteHandler> {
  return router
    .add('GET', '/api/exercises/:id/review', getReview)
    .add('GET', '/api/exercises/:id/export.json', exportJson)
    .add('GET', '/api/exercises/:id/export/:file', exportCsv)
    .add('GET', '/api/exercises/:id/log', getLog);
}
