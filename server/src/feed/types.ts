/**
 * The live feed's contract: what the app gives it (`FeedSource`, `Authorize`) and what a feed client receives.
 *
 * ## For the app (helper B): implement `FeedSource` on the host registry
 * - `onFlushed(listener)`: call `listener(exerciseId)` after each durable flush of that exercise's events (once per
 *   flush, after `appendEvents` resolved). Return an unsubscribe function.
 * - `publicPicture(id)`: `{ seq, view }` where `view = viewFor(compiled, state, { kind: 'observer' })` (an
 *   `ObserverView`: the public picture, never private material) and `seq` the last durable event it includes; `null`
 *   when this process does not host the exercise. The feed also checks `view.role === 'observer'` before sending.
 * - `stats(id)`: live figures the host counts (connected clients per role kind, commands and refusals in the last
 *   minute — `createRateWindow()` from `observability/rate.ts` does the counting —, breaches so far); `null` when not
 *   hosted here.
 * - `hostedExercises()`: the exercises this process hosts now (the feed sends their metrics every few seconds).
 * - `workshopOf(id)`: the exercise's workshop id, or null (updates also go to `workshop:<id>`).
 *
 * ## For the app: `Authorize`
 * `authorize(auth)` resolves `{ exercises }` when the handshake's `{ exerciseId, token }` is the exercise's facilitator
 * token or one of its (unrevoked) observer or evaluator codes — `exercises: [exerciseId]` —, or when
 * `{ workshopId, token }` is the workshop's trainer token — every exercise of the workshop; `null` otherwise (the
 * client is refused with one message, whatever was wrong). Delegation codes are refused: the feed is for control
 * rooms and projectors. A throw means "cannot check now" (the client is told to retry).
 *
 * ## For feed clients (the wire types live in shared/src/protocol/feed.ts; socket.io-client, path `/socket.io/`,
 * `auth: { exerciseId, token }` or `{ workshopId, token }`)
 * Server → client events, in `FeedEvents`: `welcome` once, then per exercise a `snapshot` (on connect and whenever a
 * process starts publishing an exercise), `update`s after durable writes (at most 4 a second per exercise, the last
 * one always carrying the latest state), and `metrics` every few seconds. An `update` carries the small parts whole
 * (clock, phases, variables, seats, ending) and the list items with `seq > since` (apply it if `since` ≤ the seq you
 * hold; items are keyed by `seq`, so a repeat is harmless). Clients cannot send anything: the first event a client
 * emits disconnects it.
 */

import type { ObserverView } from '@parley/shared';
import type { ExerciseStats, FeedAuth } from '@parley/shared/protocol/feed.ts';

// What feed clients receive lives in shared (the web client reads it too); re-exported here for the server's modules.
export type {
  ExerciseStats,
  FeedAuth,
  FeedEvents,
  FeedMetrics,
  FeedSnapshot,
  FeedUpdate,
  FeedWelcome,
  RoleKind,
} from '@parley/shared/protocol/feed.ts';

// ─── What the app provides ─────────────────────────────────────────────────────────────────────────────────────────

export type FeedGrant = { readonly exercises: readonly string[] };

export type Authorize = (auth: FeedAuth) => Promise<FeedGrant | null>;

export type PublicPictureAt = { readonly seq: number; readonly view: ObserverView };

export interface FeedSource {
  onFlushed(listener: (exerciseId: string) => void): () => void;
  publicPicture(exerciseId: string): PublicPictureAt | null;
  stats(exerciseId: string): ExerciseStats | null;
  hostedExercises(): readonly string[];
  workshopOf(exerciseId: string): string | null;
}

/** Room names (socket.io rooms; across processes through the Redis adapter). */
export const exerciseRoom = (id: string) => `exercise:${id}`;
export const workshopRoom = (id: string) => `workshop:${id}`;
