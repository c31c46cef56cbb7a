/**
 * The trainer's and facilitator's routes: workshops, exercises, their join codes and the bots in empty seats. Each
 * route validates its input, checks the bearer token, asks the exercise service or the hosts, and answers JSON.
 */
import { BotInput, CreateExerciseInput, CreateWorkshopInput } from '../exercises/inputs.ts';
import {
  asFacilitator,
  asTrainer,
  param,
  type RouteContext,
  type RouteHandler,
  refuseIfGuessing,
  reply,
} from './context.ts';
import { bearer, fromService, readJson, sendJson } from './respond.ts';
import type { Router } from './router.ts';
import { SeatRefusal } from './types.ts';
import { codeView, exerciseView, workshopView } from './views.ts';

const createWorkshop: RouteHandler = async (ctx) => {
  const body = await readJson(ctx.req, CreateWorkshopInput, ctx.deps.maxBodyBytes);
  if (!body.ok) return reply(ctx, body.error);
  const { workshop, trainerToken } = await ctx.deps.service.createWorkshop(body.value);
  sendJson(ctx.res, 201, { workshop: workshopView(workshop), trainerToken });
};

const createExercise: RouteHandler = async (ctx) => {
  const body = await readJson(ctx.req, CreateExerciseInput, ctx.deps.maxBodyBytes);
  if (!body.ok) return reply(ctx, body.error);
  if (body.value.workshopId !== undefined && refuseIfGuessing(ctx, 'auth')) return;
  const trainerToken = bearer(ctx.req);
  const created = await ctx.deps.service.createExercise(body.value, { trainerToken });
  if (!created.ok) {
    if (created.error.code === 'unauthorized' && trainerToken !== null) ctx.deps.guesses.fail(`auth:${ctx.ip}`);
    return reply(ctx, fromService(created.error));
  }
  const { exercise, facilitatorToken, codes } = created.value;
  try {
    await ctx.deps.hosts.opened?.(exercise.id);
  } catch (error) {
    ctx.deps.onError?.(error, ctx.req);
  }
  sendJson(ctx.res, 201, {
    exercise: exerciseView(exercise, ctx.deps.service, ctx.deps.hosts.isLive(exercise.id)),
    facilitatorToken,
    codes: codes.map((c) => codeView(c, ctx.base)),
  });
};

const getExercise: RouteHandler = async (ctx) => {
  const exercise = await asFacilitator(ctx, param(ctx, 'id'));
  if (!exercise) return;
  const codes = await ctx.deps.service.codesOf(exercise);
  sendJson(ctx.res, 200, {
    exercise: exerciseView(exercise, ctx.deps.service, ctx.deps.hosts.isLive(exercise.id)),
    codes: codes.map((c) => codeView(c, ctx.base)),
    bots: exercise.bots,
  });
};

const listWorkshopExercises: RouteHandler = async (ctx) => {
  const workshop = await asTrainer(ctx, param(ctx, 'id'));
  if (!workshop) return;
  const exercises = await ctx.deps.service.store.listExercises({ workshopId: workshop.id });
  sendJson(ctx.res, 200, {
    workshop: workshopView(workshop),
    exercises: exercises.map((e) => exerciseView(e, ctx.deps.service, ctx.deps.hosts.isLive(e.id))),
  });
};

const revokeCode: RouteHandler = async (ctx) => {
  const exercise = await asFacilitator(ctx, param(ctx, 'id'));
  if (!exercise) return;
  const revoked = await ctx.deps.service.revokeCode(exercise, param(ctx, 'code'));
  if (!revoked.ok) return reply(ctx, fromService(revoked.error));
  ctx.deps.hosts.codeRevoked?.(exercise.id, revoked.value.code);
  sendJson(ctx.res, 200, { code: codeView(revoked.value, ctx.base) });
};

const reissueCode: RouteHandler = async (ctx) => {
  const exercise = await asFacilitator(ctx, param(ctx, 'id'));
  if (!exercise) return;
  const reissued = await ctx.deps.service.reissueCode(exercise, param(ctx, 'code'));
  if (!reissued.ok) return reply(ctx, fromService(reissued.error));
  ctx.deps.hosts.codeRevoked?.(exercise.id, reissued.value.revoked.code);
  sendJson(ctx.res, 201, {
    code: codeView(reissued.value.issued, ctx.base),
    revoked: codeView(reissued.value.revoked, ctx.base),
  });
};

/** Checks shared by seating and unseating a bot; answers the error itself and returns null on failure. */
async function botSeat(ctx: RouteContext) {
  const exercise = await asFacilitator(ctx, param(ctx, 'id'));
  if (!exercise) return null;
  const delegation = param(ctx, 'delegation');
  const scenario = ctx.deps.service.scenarioOf(exercise);
  if (!scenario.delegations.some((d) => d.id === delegation)) {
    const ids = scenario.delegations.map((d) => d.id).join(', ');
    reply(ctx, {
      status: 404,
      code: 'not-found',
      message: `"${delegation}" is not a delegation of this exercise (${ids}).`,
    });
    return null;
  }
  if (exercise.status === 'ended') {
    reply(ctx, { status: 409, code: 'ended', message: 'The exercise has ended; bots can no longer take seats.' });
    return null;
  }
  if (!ctx.deps.hosts.isLive(exercise.id)) {
    const message = 'The exercise is not running on this server right now; try again in a moment.';
    reply(ctx, { status: 409, code: 'not-live', message });
    return null;
  }
  return { exercise, delegation };
}

async function botChange(ctx: RouteContext, exerciseId: string, change: () => Promise<void>): Promise<void> {
  try {
    await change();
  } catch (error) {
    if (error instanceof SeatRefusal) return reply(ctx, { status: 409, code: 'seat', message: error.message });
    throw error;
  }
  const after = await ctx.deps.service.store.getExercise(exerciseId);
  sendJson(ctx.res, 200, { bots: after?.bots ?? {} });
}

const seatBot: RouteHandler = async (ctx) => {
  const body = await readJson(ctx.req, BotInput, ctx.deps.maxBodyBytes);
  const seat = await botSeat(ctx);
  if (!seat) return;
  if (!body.ok) return reply(ctx, body.error);
  const { exercise, delegation } = seat;
  await botChange(ctx, exercise.id, () => ctx.deps.hosts.seatBot(exercise.id, delegation, body.value.policy));
};

const unseatBot: RouteHandler = async (ctx) => {
  const seat = await botSeat(ctx);
  if (!seat) return;
  const { exercise, delegation } = seat;
  if (exercise.bots[delegation] === undefined) {
    return reply(ctx, { status: 404, code: 'not-found', message: `No bot plays ${delegation}'s seat.` });
  }
  await botChange(ctx, exercise.id, () => ctx.deps.hosts.unseatBot(exercise.id, delegation));
};

export function addExerciseRoutes(router: Router<RouteHandler>): Router<RouteHandler> {
  return router
    .add('POST', '/api/workshops', createWorkshop)
    .add('GET', '/api/workshops/:id/exercises', listWorkshopExercises)
    .add('POST', '/api/exercises', createExercise)
    .add('GET', '/api/exercises/:id', getExercise)
    .add('POST', '/api/exercises/:id/codes/:code/revoke', revokeCode)
    .add('POST', '/api/exercises/:id/codes/:code/reissue', reissueCode)
    .add('POST', '/api/exercises/:id/seats/:delegation/bot', seatBot)
    .add('DELETE', '/api/exercises/:id/seats/:delegation/bot', unseatBot);
}
