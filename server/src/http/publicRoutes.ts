/**
 * Routes without a token: what a join code opens, the scenario library, health and metrics. A failed code lookup
 * counts against the caller's address (20 a minute by default, then 429).
 */
import { localize } from '@parley/shared';
import { param, type RouteHandler, refuseIfGuessing, reply } from './context.ts';
import { fromService, sendJson } from './respond.ts';
import type { Router } from './router.ts';

const join: RouteHandler = async (ctx) => {
  if (refuseIfGuessing(ctx, 'join')) return;
  const resolved = await ctx.deps.service.resolveCode(param(ctx, 'code'));
  if (!resolved.ok) {
    ctx.deps.guesses.fail(`join:${ctx.ip}`);
    return reply(ctx, fromService(resolved.error));
  }
  const { code, exercise } = resolved.value;
  const scenario = ctx.deps.service.scenarioOf(exercise);
  const issued = (await ctx.deps.service.codesOf(exercise)).find((c) => c.code === code.code);
  sendJson(ctx.res, 200, {
    exerciseId: exercise.id,
    role: code.role,
    label: issued?.label ?? null,
    exercise: { label: exercise.label, status: exercise.status },
    scenario: { id: scenario.id, title: ctx.deps.service.scenarioTitle(exercise), languages: scenario.languages },
  });
};

const scenarios: RouteHandler = async (ctx) => {
  const list = ctx.deps.service.library.list().map((item) => {
    if (!item.ok) return { file: item.file, ok: false, errors: item.errors };
    const s = item.scenario;
    const text = (t: Parameters<typeof localize>[0]) => localize(t, s.fallbackLanguage, s.fallbackLanguage);
    return {
      file: item.file,
      ok: true,
      id: s.id,
      title: s.title,
      summary: s.summary,
      level: s.level,
      durationMinutes: s.durationMinutes,
      languages: s.languages,
      delegations: s.delegations.map((d) => ({
        id: d.id,
        name: text(d.name),
        seats: d.seats.map((seat) => ({ id: seat.id, title: text(seat.title) })),
      })),
      rules: s.rules.map((r) => ({ id: r.id, title: text(r.title), type: r.type, mode: r.mode })),
    };
  });
  sendJson(ctx.res, 200, list);
};

const health: RouteHandler = async (ctx) => {
  let report: { ok: boolean } & Record<string, unknown>;
  try {
    report = { ...(await ctx.deps.health()) };
  } catch (error) {
    report = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  sendJson(ctx.res, report.ok ? 200 : 503, report);
};

const metrics: RouteHandler = async (ctx) => {
  const text = ctx.deps.metrics.render();
  ctx.res.writeHead(200, {
    'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  ctx.res.end(text);
};

export function addPublicRoutes(router: Router<RouteHandler>): Router<RouteHandler> {
  return router
    .add('GET', '/api/join/:code', join)
    .add('GET', '/api/scenarios', scenarios)
    .add('GET', '/healthz', health)
    .add('GET', '/metrics', metrics);
}
