/**
 * The live feed: a read-only socket.io stream of the public picture and live figures, per exercise and per workshop,
 * on the app's HTTP server (path `/socket.io/`). See `types.ts` for what the app provides and what clients receive.
 *
 *     await gameServer.listen(port, host);
 *     const feed = await attachLiveFeed(httpServer, { source, authorize, logger, redisUrl: config.redisUrl });
 *     …
 *     await feed.close();   // before the HTTP server closes; leaves the HTTP server open
 *
 * Attach after `listen()` (socket.io wraps the 'request' listeners present then) and build the Colyseus transport
 * with `createTransport` (transport.ts). The feed subscribes to `source.onFlushed` itself: after each durable flush it
 * publishes an update for that exercise, throttled per exercise (`throttleMs`, default 250 ms: at most 4 a second,
 * always ending on the latest state); every `metricsIntervalMs` (default 5 s) it publishes the metrics of every
 * exercise this process hosts. With `redisUrl`, publications reach feed clients connected to any process, and a
 * client connecting to a process that does not host its exercise gets its snapshot from the process that does.
 */
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { checkFeedAuth, FEED_AUTH_MESSAGES } from './auth.ts';
import { isPublicPicture, isVisibleChange, metricsOf, snapshotOf, updateOf } from './compact.ts';
import { connectRedisAdapter, type RedisAdapterHandle } from './redis.ts';
import { createThrottle } from './throttle.ts';
import { FEED_PATH } from './transport.ts';
import {
  type Authorize,
  exerciseRoom,
  type FeedEvents,
  type FeedSource,
  type FeedUpdate,
  type PublicPictureAt,
  workshopRoom,
} from './types.ts';

export type LiveFeedDeps = {
  readonly source: FeedSource;
  readonly authorize: Authorize;
  readonly logger: Logger;
  /** `redis://…` when several processes serve the same exercises. */
  readonly redisUrl?: string | null;
  /** Redis channel prefix (default "parley-feed"); processes sharing a feed use the same. */
  readonly redisKey?: string;
  /** How long start-up waits for Redis before failing (default 5 s). */
  readonly redisTimeoutMs?: number;
  readonly throttleMs?: number;
  readonly metricsIntervalMs?: number;
  /** Wall-clock milliseconds, stamped on metrics (default `Date.now`). */
  readonly now?: () => number;
};

type InterServerEvents = { snapshotWanted: (exerciseId: string, socketId: string) => void };
type SocketData = { exercises: readonly string[]; workshopId: string | null };
type NoClientEvents = Record<string, never>;
export type FeedServer = Server<NoClientEvents, FeedEvents, InterServerEvents, SocketData>;
type FeedSocket = Socket<NoClientEvents, FeedEvents, InterServerEvents, SocketData>;

export type LiveFeed = {
  readonly io: FeedServer;
  /** Asks for an update of this exercise (throttled); the feed already does so after each flush. */
  publish(exerciseId: string): void;
  /** Publishes the metrics of every hosted exercise now (the feed also does so on its timer). */
  publishMetrics(): void;
  /**
   * Asks `authorize` again for every feed client of this process and disconnects those no longer allowed (call it
   * after revoking a code or a token). Resolves with how many were disconnected. A client whose access cannot be
   * checked right now stays.
   */
  recheckAccess(): Promise<number>;
  /** Stops publishing, sends what is pending, disconnects feed clients and Redis. The HTTP server stays open. */
  close(): Promise<void>;
};

/** Largest message a feed client may send (it may send nothing useful; this bounds what is read). */
const MAX_CLIENT_BYTES = 2048;

export async function attachLiveFeed(httpServer: HttpServer, deps: LiveFeedDeps): Promise<LiveFeed> {
  const { source, logger } = deps;
  const log = logger.child({ component: 'feed' });
  const now = deps.now ?? (() => Date.now());
  let redis: RedisAdapterHandle | null = null;
  if (deps.redisUrl) {
    redis = await connectRedisAdapter(deps.redisUrl, {
      key: deps.redisKey ?? 'parley-feed',
      logger: log,
      ...(deps.redisTimeoutMs !== undefined ? { timeoutMs: deps.redisTimeoutMs } : {}),
    });
  }

  const io: FeedServer = new Server(httpServer, {
    path: FEED_PATH,
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_CLIENT_BYTES,
    connectTimeout: 10_000,
  });
  if (redis) {
    io.adapter(redis.adapter);
    await redis.ready();
  }

  // What was last sent per exercise: its seq (the next update's `since`) and the update itself.
  const sent = new Map<string, { seq: number; update: FeedUpdate | null }>();
  const roomsOf = (exerciseId: string) => {
    const workshop = source.workshopOf(exerciseId);
    return workshop ? [exerciseRoom(exerciseId), workshopRoom(workshop)] : [exerciseRoom(exerciseId)];
  };

  const picture = (exerciseId: string): PublicPictureAt | null => {
    const p = source.publicPicture(exerciseId);
    if (p && !isPublicPicture(p)) {
      log.error({ exerciseId, role: p.view.role }, 'live feed: refusing to send a view that is not the public one');
      return null;
    }
    return p;
  };

  const publishNow = (exerciseId: string) => {
    const p = picture(exerciseId);
    if (!p) return;
    const last = sent.get(exerciseId);
    if (!last || p.seq < last.seq) {
      // First publication from this process (or a restarted log): clients get the whole picture.
      io.to(roomsOf(exerciseId)).emit('snapshot', snapshotOf(exerciseId, p));
      sent.set(exerciseId, { seq: p.seq, update: null });
      return;
    }
    if (p.seq === last.seq) return;
    const update = updateOf(exerciseId, p, last.seq);
    if (!isVisibleChange(update, last.update)) return;
    io.to(roomsOf(exerciseId)).emit('update', update);
    sent.set(exerciseId, { seq: p.seq, update });
  };

  const throttle = createThrottle((id) => {
    try {
      publishNow(id);
    } catch (err) {
      log.error({ err, exerciseId: id }, 'live feed: publishing failed');
    }
  }, deps.throttleMs ?? 250);

  const publishMetrics = () => {
    const hosted = source.hostedExercises();
    // An exercise no longer hosted here starts afresh (with a snapshot) if it comes back.
    const current = new Set(hosted);
    for (const id of sent.keys()) if (!current.has(id)) sent.delete(id);
    for (const exerciseId of hosted) {
      try {
        const stats = source.stats(exerciseId);
        if (!stats) continue;
        io.to(roomsOf(exerciseId)).emit('metrics', metricsOf(exerciseId, picture(exerciseId), stats, now()));
      } catch (err) {
        log.error({ err, exerciseId }, 'live feed: metrics failed');
      }
    }
  };

  // A snapshot to one client; the first one also starts this process's record of what its clients hold (a later
  // client gets a newer snapshot; the next update starting earlier only repeats items it has, keyed by seq).
  const sendSnapshot = (exerciseId: string, socketId: string) => {
    const p = picture(exerciseId);
    if (!p) return false;
    io.to(socketId).emit('snapshot', snapshotOf(exerciseId, p));
    if (!sent.has(exerciseId)) sent.set(exerciseId, { seq: p.seq, update: null });
    return true;
  };

  io.use((socket, next) => {
    checkFeedAuth(socket.handshake.auth, deps.authorize).then((outcome) => {
      if (outcome.ok) {
        socket.data = { exercises: [...outcome.grant.exercises], workshopId: outcome.workshopId };
        next();
        return;
      }
      if (outcome.reason === 'unavailable') log.error({ err: outcome.error }, 'live feed: authorization failed');
      else log.info({ reason: outcome.reason, address: socket.handshake.address }, 'live feed: client refused');
      next(new Error(FEED_AUTH_MESSAGES[outcome.reason]));
    });
  });

  io.on('connection', (socket: FeedSocket) => {
    const { exercises, workshopId } = socket.data;
    socket.join(workshopId ? [workshopRoom(workshopId), ...exercises.map(exerciseRoom)] : exercises.map(exerciseRoom));
    socket.emit('welcome', { exercises, workshopId });
    for (const exerciseId of exercises) {
      if (!sendSnapshot(exerciseId, socket.id) && redis) io.serverSideEmit('snapshotWanted', exerciseId, socket.id);
    }
    // Read-only: anything a client sends ends its connection.
    socket.onAny((event: unknown) => {
      log.warn({ event: String(event).slice(0, 64), address: socket.handshake.address }, 'live feed: client sent');
      socket.disconnect(true);
    });
  });

  io.on('snapshotWanted', (exerciseId, socketId) => {
    if (typeof exerciseId === 'string' && typeof socketId === 'string') sendSnapshot(exerciseId, socketId);
  });

  const unsubscribe = source.onFlushed((exerciseId) => throttle.request(exerciseId));
  const metricsTimer = setInterval(publishMetrics, deps.metricsIntervalMs ?? 5000);
  metricsTimer.unref();
  log.info({ redis: redis !== null }, 'live feed: attached');

  const recheckAccess = async () => {
    const sockets = [...io.of('/').sockets.values()];
    const verdicts = await Promise.all(
      sockets.map(async (socket) => {
        const outcome = await checkFeedAuth(socket.handshake.auth, deps.authorize);
        if (!outcome.ok) return outcome.reason !== 'unavailable';
        const still = new Set(outcome.grant.exercises);
        return !socket.data.exercises.every((id) => still.has(id));
      }),
    );
    let dropped = 0;
    sockets.forEach((socket, i) => {
      if (!verdicts[i] || !socket.connected) return;
      socket.disconnect(true);
      dropped += 1;
    });
    if (dropped > 0) log.info({ dropped }, 'live feed: access withdrawn');
    return dropped;
  };

  let closing: Promise<void> | null = null;
  const close = async () => {
    unsubscribe();
    clearInterval(metricsTimer);
    throttle.flush();
    throttle.cancel();
    io.local.disconnectSockets(true);
    await Promise.allSettled([...io._nsps.values()].map((nsp) => nsp.adapter.close()));
    io.engine.close();
    await redis?.close();
    log.info('live feed: closed');
  };

  return {
    io,
    publish: (exerciseId) => throttle.request(exerciseId),
    publishMetrics,
    recheckAccess,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
