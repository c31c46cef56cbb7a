/**
 * The live feed (socket.io, read-only): the public picture of one exercise for displays that hold no seat, such as
 * the room's projector. The only module importing socket.io-client.
 *
 * `openFeed(exerciseId, token, listener)` connects with `auth: { exerciseId, token }` (the facilitator token, or an
 * observer or evaluator code), keeps the picture up to date (snapshot, then updates applied in order), and reconnects
 * by itself (socket.io's back-off). A refusal (wrong or revoked code) is final and says so; an update that skips
 * items this client does not hold makes it reconnect, which brings a fresh snapshot.
 */
import {
  applyFeedUpdate,
  FEED_PATH,
  type FeedEvents,
  type FeedMetrics,
  type HeldPicture,
} from '@parley/shared/protocol/feed.ts';
import { io, type Socket } from 'socket.io-client';

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

export type FeedListener = {
  /** The connection's state; `problem` is the server's words when it refused this client. */
  status(status: FeedStatus, problem: string | null): void;
  /** The public picture moved on (a snapshot, or an update applied). */
  picture(picture: HeldPicture): void;
  metrics?(metrics: FeedMetrics): void;
};

export type FeedHandle = { close(): void };

type NoClientEvents = Record<string, never>;

export function openFeed(exerciseId: string, token: string, listener: FeedListener): FeedHandle {
  const socket: Socket<FeedEvents, NoClientEvents> = io({
    path: FEED_PATH,
    auth: { exerciseId, token },
    transports: ['websocket', 'polling'],
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
  let held: HeldPicture | null = null;
  let closed = false;

  listener.status('connecting', null);
  socket.on('connect', () => listener.status('live', null));
  socket.on('disconnect', () => {
    if (!closed) listener.status('reconnecting', null);
  });
  socket.on('connect_error', (error) => {
    // A refusal by the server's check is final (socket.active is false); anything else is retried by socket.io.
    if (socket.active) listener.status('reconnecting', null);
    else listener.status('refused', error.message || null);
  });

  socket.on('snapshot', (snapshot) => {
    if (snapshot.exerciseId !== exerciseId) return;
    held = { seq: snapshot.seq, view: snapshot.view };
    listener.picture(held);
  });
  socket.on('update', (update) => {
    if (update.exerciseId !== exerciseId || held === null) return;
    const outcome = applyFeedUpdate(held, update);
    if (outcome.kind === 'applied') {
      held = outcome.picture;
      listener.picture(held);
    } else if (outcome.kind === 'gap') {
      // Missing items: start again from a snapshot.
      socket.disconnect().connect();
    }
  });
  socket.on('metrics', (metrics) => {
    if (metrics.exerciseId === exerciseId) listener.metrics?.(metrics);
  });

  return {
    close: () => {
      closed = true;
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
