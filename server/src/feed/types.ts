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
 * ## For feed clients (socket.io-client, path `/socket.io/`, `auth: { exerciseId, token }` or `{ workshopId, token }`)
 * Server → client events, in `FeedEvents`: `welcome` once, then per exercise a `snapshot` (on connect and whenever a
 * process starts publishing an exercise), `update`s after durable writes (at most 4 a second per exercise, the last
 * one always carrying the latest state), and `metrics` every few seconds. An `update` carries the small parts whole
 * (clock, phases, variables, seats, ending) and the list items with `seq > since` (apply it if `since` ≤ the seq you
 * hold; items are keyed by `seq`, so a repeat is harmless). Clients cannot send anything: the first event a client
 * emits disconnects it.
 */
import type {
  ActionView,
  ClockView,
  Delivery,
  EndingView,
  JournalEntry,
  Message,
  ObserverView,
  PhaseCard,
  Role,
  RulingView,
  VariableView,
} from '@parley/shared';

// ─── What the app provides ─────────────────────────────────────────────────────────────────────────────────────────

export type FeedAuth =
  | { readonly exerciseId: string; readonly token: string }
  | { readonly workshopId: string; readonly token: string };

export type FeedGrant = { readonly exercises: readonly string[] };

export type Authorize = (auth: FeedAuth) => Promise<FeedGrant | null>;

export type RoleKind = Role['kind'];

export type ExerciseStats = {
  /** Colyseus clients connected to the exercise now, by role kind. */
  readonly clients: Readonly<Record<RoleKind, number>>;
  /** Commands handled (accepted or refused) in the last minute. */
  readonly commandsPerMinute: number;
  readonly refusedPerMinute: number;
  /** Rule breaches recorded so far (all parties, every mode): a count, never who or which. */
  readonly breaches: number;
};

export type PublicPictureAt = { readonly seq: number; readonly view: ObserverView };

export interface FeedSource {
  onFlushed(listener: (exerciseId: string) => void): () => void;
  publicPicture(exerciseId: string): PublicPictureAt | null;
  stats(exerciseId: string): ExerciseStats | null;
  hostedExercises(): readonly string[];
  workshopOf(exerciseId: string): string | null;
}

// ─── What feed clients receive ─────────────────────────────────────────────────────────────────────────────────────

export type FeedWelcome = { readonly exercises: readonly string[]; readonly workshopId: string | null };

export type FeedSnapshot = { readonly exerciseId: string; readonly seq: number; readonly view: ObserverView };

export type FeedUpdate = {
  readonly exerciseId: string;
  /** The items below are those with a seq above this one. */
  readonly since: number;
  readonly seq: number;
  readonly clock: ClockView;
  readonly phases: readonly PhaseCard[];
  readonly variables: readonly VariableView[];
  readonly seats: readonly { readonly id: string; readonly seated: boolean }[];
  readonly ending: EndingView | null;
  readonly injects: readonly Delivery[];
  readonly messages: readonly Message[];
  readonly actions: readonly ActionView[];
  readonly rulings: readonly RulingView[];
  readonly timeline: readonly JournalEntry[];
};

export type FeedMetrics = ExerciseStats & {
  readonly exerciseId: string;
  /** Wall-clock milliseconds when measured. */
  readonly at: number;
  readonly status: ClockView['status'] | null;
  /** Game time (ms) and speed. */
  readonly clock: { readonly now: number; readonly speed: number } | null;
  /** The innermost active phase, if any. */
  readonly phase: string | null;
  /** Overall values of the public `escalation` and `trust` variables (null when the scenario has no public one). */
  readonly escalation: number | null;
  readonly trust: number | null;
};

export type FeedEvents = {
  welcome: (welcome: FeedWelcome) => void;
  snapshot: (snapshot: FeedSnapshot) => void;
  update: (update: FeedUpdate) => void;
  metrics: (metrics: FeedMetrics) => void;
};

/** Room names (socket.io rooms; across processes through the Redis adapter). */
export const exerciseRoom = (id: string) => `exercise:${id}`;
export const workshopRoom = (id: string) => `workshop:${id}`;
