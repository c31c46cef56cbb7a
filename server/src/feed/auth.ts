/**
 * The feed's handshake check: `socket.handshake.auth` must be `{ exerciseId, token }` or `{ workshopId, token }`
 * (validated with zod), and the app's `authorize` must grant it. A refusal reaches the client as a `connect_error`
 * whose message says what to do; it never says which part was wrong (no probing for valid exercise ids).
 */
import { z } from 'zod';
import type { Authorize, FeedAuth, FeedGrant } from './types.ts';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const Token = z.string().min(1).max(500);

export const FeedAuthSchema = z.union([
  z.object({ exerciseId: Id, token: Token }),
  z.object({ workshopId: Id, token: Token }),
]);

export const FEED_AUTH_MESSAGES = {
  malformed:
    'The live feed needs { exerciseId, token } (the facilitator token, or an observer or evaluator code) or ' +
    '{ workshopId, token } (the trainer token).',
  refused: 'The live feed did not accept this token or code for that exercise or workshop.',
  unavailable: 'The live feed cannot check access right now; try again in a moment.',
} as const;

export type AuthOutcome =
  | { readonly ok: true; readonly grant: FeedGrant; readonly workshopId: string | null }
  | { readonly ok: false; readonly reason: keyof typeof FEED_AUTH_MESSAGES; readonly error?: unknown };

export function parseFeedAuth(raw: unknown): FeedAuth | null {
  const parsed = FeedAuthSchema.safeParse(raw);
  if (!parsed.success) return null;
  const d = parsed.data;
  return 'exerciseId' in d
    ? { exerciseId: d.exerciseId, token: d.token }
    : { workshopId: d.workshopId, token: d.token };
}

export async function checkFeedAuth(raw: unknown, authorize: Authorize): Promise<AuthOutcome> {
  const auth = parseFeedAuth(raw);
  if (!auth) return { ok: false, reason: 'malformed' };
  let grant: FeedGrant | null;
  try {
    grant = await authorize(auth);
  } catch (error) {
    return { ok: false, reason: 'unavailable', error };
  }
  if (!grant) return { ok: false, reason: 'refused' };
  return { ok: true, grant, workshopId: 'workshopId' in auth ? auth.workshopId : null };
}
