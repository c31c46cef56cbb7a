/**
 * The live feed's wire contract for its clients (control-room displays, projectors, integrations), shared by the
 * server's feed (server/src/feed) and the web client (client/src/net/feed.ts).
 *
 * socket.io, path `/socket.io/`, handshake `auth: { exerciseId, token }` (the facilitator token, or an observer or
 * evaluator join code) or `{ workshopId, token }` (the trainer token). Delegation codes are refused.
 *
 * Server → client events (`FeedEvents`): `welcome` once, then per exercise a `snapshot` (on connect and whenever a
 * process starts publishing an exercise), `update`s after durable writes (at most 4 a second per exercise, the last
 * one always carrying the latest state), and `metrics` every few seconds. An `update` carries the small parts whole
 * (clock, phases, variables, seats, ending) and the list items with `seq > since` (apply it if `since` ≤ the seq you
 * hold: `applyFeedUpdate`). Clients cannot send anything: the first event a client emits disconnects it.
 */
import type { Delivery, GameMs, JournalEntry, Message } from '../engine/types.ts';
import type {
  ActionView,
  ClockView,
  EndingView,
  ObserverView,
  PhaseCard,
  RulingView,
  VariableView,
} from '../engine/viewTypes.ts';
import type { Role } from './roles.ts';

/** socket.io's path on the app's HTTP server. */
export const FEED_PATH = '/socket.io/';

export type FeedAuth =
  | { readonly exerciseId: string; readonly token: string }
  | { readonly workshopId: string; readonly token: string };

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
  readonly clock: { readonly now: GameMs; readonly speed: number } | null;
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

/** The public picture a feed client holds for one exercise: the last snapshot with every update applied. */
export type HeldPicture = { readonly seq: number; readonly view: ObserverView };

/**
 * What applying an update did: `applied` (the picture moved on), `stale` (the update is not newer than what is held:
 * nothing changes; a repeat lands here), or `gap` (the update starts after the held seq: items are missing, so wait
 * for a snapshot — reconnecting gets one).
 */
export type ApplyOutcome =
  | { readonly kind: 'applied'; readonly picture: HeldPicture }
  | { readonly kind: 'stale' | 'gap'; readonly picture: HeldPicture };

/** The held items up to `since`, then the update's (all of those above `since`), in seq order. */
function merge<T extends { readonly seq: number }>(held: readonly T[], since: number, fresh: readonly T[]): T[] {
  const kept = held.filter((item) => item.seq <= since);
  return [...kept, ...fresh].sort((a, b) => a.seq - b.seq);
}

/**
 * Applies an `update` onto the held picture (pure). The update's lists carry every item above `since`, so the held
 * items above `since` are replaced by them: an update applied twice, or overlapping what a newer snapshot already
 * holds, leaves no duplicates. The small parts (clock, phases, variables, seats, ending) are taken whole.
 */
export function applyFeedUpdate(held: HeldPicture, update: FeedUpdate): ApplyOutcome {
  if (update.seq <= held.seq) return { kind: 'stale', picture: held };
  if (update.since > held.seq) return { kind: 'gap', picture: held };
  const v = held.view;
  const seated = new Map(update.seats.map((s) => [s.id, s.seated]));
  const view: ObserverView = {
    ...v,
    clock: update.clock,
    phases: update.phases,
    variables: update.variables,
    ending: update.ending,
    parties: v.parties.map((p) => {
      const now = seated.get(p.id);
      return now === undefined || now === p.seated ? p : { ...p, seated: now };
    }),
    injects: merge(v.injects, update.since, update.injects),
    messages: merge(v.messages, update.since, update.messages),
    actions: merge(v.actions, update.since, update.actions),
    rulings: merge(v.rulings, update.since, update.rulings),
    timeline: merge(v.timeline, update.since, update.timeline),
  };
  return { kind: 'applied', picture: { seq: update.seq, view } };
}
