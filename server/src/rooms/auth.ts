/**
 * Who is joining: a join code (a seat, evaluator or observer) or the facilitator's token, checked by the exercise
 * service, and only for this room's exercise. Every refusal says what to do in words a participant understands;
 * failed guesses count against the address (shared with the HTTP API), so codes cannot be tried at speed.
 */
import { ErrorCode, ServerError } from '@colyseus/core';
import type { Role } from '@parley/shared';
import { JoinOptions } from '@parley/shared/protocol/room.ts';
import type { GuessLimiter } from '../exercises/guessLimiter.ts';
import type { Result } from '../exercises/result.ts';
import type { ExerciseRecord, SeatCode } from '../store/types.ts';

/** The slice of `ExerciseService` the room needs, and the app's guess limiter. */
export type Authenticate = {
  resolveCode(input: string): Promise<Result<{ code: SeatCode; exercise: ExerciseRecord }>>;
  authorizeFacilitator(exerciseId: string, token: string | null): Promise<Result<ExerciseRecord>>;
  readonly guesses?: GuessLimiter | undefined;
};

/** What a client joined as; `code` is its join code (null for the facilitator), `name` the display name given. */
export type Seat = { readonly role: Role; readonly code: string | null; readonly name: string | null };

const refuse = (message: string) => new ServerError(ErrorCode.AUTH_FAILED, message);

export async function authenticate(
  auth: Authenticate,
  exerciseId: string,
  options: unknown,
  ip = 'unknown',
): Promise<Seat> {
  const parsed = JoinOptions.safeParse(options);
  if (!parsed.success)
    throw refuse('Join with your join code ({ code }), or as the facilitator with { facilitatorToken, exerciseId }.');
  const join = parsed.data;
  const kind = 'code' in join ? 'join' : 'auth';
  const wait = auth.guesses?.retryAfter(`${kind}:${ip}`) ?? 0;
  if (wait > 0) {
    const what = kind === 'join' ? 'unknown join codes' : 'wrong tokens';
    throw refuse(`Too many ${what} from your address; try again in ${Math.ceil(wait / 1000)} s.`);
  }
  if ('code' in join) {
    const found = await auth.resolveCode(join.code);
    if (!found.ok) {
      if (found.error.code === 'unknown-code') auth.guesses?.fail(`join:${ip}`);
      throw refuse(found.error.message);
    }
    if (found.value.code.exerciseId !== exerciseId)
      throw refuse('This join code is for another exercise: open the link you were given for this one.');
    return { role: found.value.code.role, code: found.value.code.code, name: join.name ?? null };
  }
  if (join.exerciseId !== exerciseId)
    throw refuse('This facilitator token is for another exercise: open the link of this exercise.');
  const control = await auth.authorizeFacilitator(exerciseId, join.facilitatorToken);
  if (!control.ok) {
    if (control.error.code === 'unauthorized') auth.guesses?.fail(`auth:${ip}`);
    throw refuse(control.error.message);
  }
  return { role: { kind: 'facilitator' }, code: null, name: join.name ?? null };
}
