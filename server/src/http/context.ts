/** What a route handler gets: the request, the response, its path parameters, the app's parts and a few helpers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GuessLimiter } from '../exercises/guessLimiter.ts';
import type { Result } from '../exercises/result.ts';
import type { ExerciseRecord, WorkshopRecord } from '../store/types.ts';
import { type ApiError, bearer, fromService, sendError } from './respond.ts';
import type { Params } from './router.ts';
import type { HttpDeps } from './types.ts';

export type Resolved = HttpDeps & {
  readonly guesses: GuessLimiter;
  readonly maxBodyBytes: number;
  readonly trustProxy: boolean;
};

export type RouteContext = {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: Params;
  readonly deps: Resolved;
  /** The client's address (for the guess limiter). */
  readonly ip: string;
  /** The base URL for join links. */
  readonly base: string;
};

export type RouteHandler = (ctx: RouteContext) => Promise<void>;

export const param = (ctx: RouteContext, name: string): string => ctx.params[name] ?? '';

/** 429 with Retry-After when this address has guessed too often; true when it did. */
export function refuseIfGuessing(ctx: RouteContext, kind: 'join' | 'auth'): boolean {
  const wait = ctx.deps.guesses.retryAfter(`${kind}:${ctx.ip}`);
  if (wait === 0) return false;
  const seconds = Math.ceil(wait / 1000);
  const what = kind === 'join' ? 'unknown join codes' : 'wrong tokens';
  sendError(
    ctx.res,
    {
      status: 429,
      code: 'too-many-attempts',
      message: `Too many ${what} from your address; try again in ${seconds} s.`,
    },
    { 'retry-after': String(seconds) },
  );
  return true;
}

/** Runs a token check, counting a wrong token as a guess; answers the error itself and returns null on failure. */
async function authorize<T>(ctx: RouteContext, check: (token: string | null) => Promise<Result<T>>): Promise<T | null> {
  if (refuseIfGuessing(ctx, 'auth')) return null;
  const token = bearer(ctx.req);
  const result = await check(token);
  if (result.ok) return result.value;
  if (result.error.code === 'unauthorized') {
    if (token !== null) ctx.deps.guesses.fail(`auth:${ctx.ip}`);
    const message =
      token === null ? `${result.error.message} Send it as "Authorization: Bearer <token>".` : result.error.message;
    sendError(ctx.res, { ...fromService(result.error), message }, { 'www-authenticate': 'Bearer' });
  } else {
    sendError(ctx.res, fromService(result.error));
  }
  return null;
}

export const asFacilitator = (ctx: RouteContext, exerciseId: string): Promise<ExerciseRecord | null> =>
  authorize(ctx, (token) => ctx.deps.service.authorizeFacilitator(exerciseId, token));

export const asTrainer = (ctx: RouteContext, workshopId: string): Promise<WorkshopRecord | null> =>
  authorize(ctx, (token) => ctx.deps.service.authorizeTrainer(workshopId, token));

export const reply = (ctx: RouteContext, error: ApiError): void => sendError(ctx.res, error);
