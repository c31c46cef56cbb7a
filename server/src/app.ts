/**
 * The app: everything one server process needs, built per instance (tests build several in one process, one after
 * another: Colyseus's matchmaker is process-wide, so only one app may listen at a time).
 *
 *     const app = await createApp(loadConfig());
 *     const { url } = await app.listen();   // HTTP API, Colyseus, live feed; restores unfinished exercises
 *     await app.close();                    // stop accepting, save queued events, close rooms, feed, store
 *
 * One port serves the JSON API and the client (A's handler, mounted behind Colyseus's own matchmaking routes), the
 * Colyseus WebSocket endpoint (each live exercise is an `ExerciseRoom` whose id is the exercise id) and the socket.io
 * live feed (`/socket.io/`). With REDIS_URL, Colyseus presence/driver and the feed's adapter go through Redis.
 */
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchMaker, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { Encoder } from '@colyseus/schema';
import { ROOM_NAME } from '@parley/shared/protocol/room.ts';
import type { Config } from './config.ts';
import { GuessLimiter } from './exercises/guessLimiter.ts';
import { ScenarioLibrary } from './exercises/library.ts';
import { ExerciseService } from './exercises/service.ts';
import { attachLiveFeed, type LiveFeed } from './feed/liveFeed.ts';
import { createTransport } from './feed/transport.ts';
import type { Authorize } from './feed/types.ts';
import type { WallClock } from './host/clock.ts';
import { HostedElsewhere, HostRegistry } from './host/registry.ts';
import { createHttpHandler } from './http/handler.ts';
import { createHealth } from './observability/health.ts';
import { createLogger, exerciseLogger, type Logger } from './observability/logger.ts';
import { createMetrics } from './observability/metrics.ts';
import { createShutdown, type StepOutcome } from './observability/shutdown.ts';
import type { Metrics } from './observability/types.ts';
import { defineExerciseRoom } from './rooms/ExerciseRoom.ts';
import { createStore } from './store/openStore.ts';
import type { EventStore } from './store/types.ts';
import { SYNC_BUFFER_SIZE } from './sync/index.ts';

/** Largest WebSocket frame a client may send; a larger one closes its connection (the room's own limit is lower). */
export const MAX_FRAME_BYTES = 1024 * 1024;

export type AppOverrides = {
  readonly store?: EventStore;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  readonly wall?: WallClock;
};

export type App = {
  readonly config: Config;
  readonly httpServer: HttpServer;
  readonly store: EventStore;
  readonly service: ExerciseService;
  readonly registry: HostRegistry;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly gameServer: Server;
  /**
   * Bind the port, attach the live feed, restore every unfinished exercise (its room re-created, same id). `bind`
   * replaces the default `gameServer.listen(config.port, config.host)`, e.g. with @colyseus/testing's `boot()`.
   */
  listen(options?: { bind?: (gameServer: Server) => Promise<unknown> }): Promise<{ port: number; url: string }>;
  /** Graceful shutdown; once (later calls return the same outcomes). */
  close(): Promise<readonly StepOutcome[]>;
};

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  // Colyseus sizes a room's encode buffers from this process-wide default when the room is made; below the
  // synced state's size, every join re-grows the full-state buffer and warns on the console.
  if (Encoder.BUFFER_SIZE < SYNC_BUFFER_SIZE) Encoder.BUFFER_SIZE = SYNC_BUFFER_SIZE;
  const logger = overrides.logger ?? createLogger(config);
  const metrics = overrides.metrics ?? createMetrics();
  const store =
    overrides.store ??
    createStore(config, { onIdleError: (err) => logger.error({ err }, 'The database connection failed') });
  await store.init();

  const service = new ExerciseService({ store, library: new ScenarioLibrary(config.scenariosDir) });
  const guesses = new GuessLimiter();
  const registry = new HostRegistry({
    store,
    flushMs: config.flushMs,
    wall: overrides.wall,
    metrics,
    logger,
    logFor: (id) => exerciseLogger(logger, id),
  });

  let closing = false;
  const health = createHealth({
    metrics,
    pingStore: () => store.getExercise('-health-'),
    isShuttingDown: () => closing,
    logger,
  });
  const httpServer = createServer();
  const handle = createHttpHandler({
    service,
    hosts: registry,
    config,
    metrics,
    health: async () => {
      const h = await health();
      return { ...h, ok: h.status === 'ok' };
    },
    guesses,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    onError: (err, req) => logger.error({ err, method: req.method, url: req.url }, 'HTTP request failed'),
  });

  const gameServer = new Server({
    transport: createTransport(httpServer, { maxPayload: MAX_FRAME_BYTES }),
    ...(config.redisUrl
      ? { presence: new RedisPresence(config.redisUrl), driver: new RedisDriver(config.redisUrl) }
      : {}),
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    gracefullyShutdown: false,
    greet: false,
    logger: logger.child({ component: 'colyseus' }),
    // Colyseus answers its matchmaking routes and hands every other request to the API and client.
    express: (app) => {
      app.use((req: IncomingMessage, res: ServerResponse) => handle(req, res));
    },
  });
  gameServer.define(
    ROOM_NAME,
    defineExerciseRoom({
      registry,
      auth: {
        resolveCode: (code) => service.resolveCode(code),
        authorizeFacilitator: (id, token) => service.authorizeFacilitator(id, token),
        guesses,
      },
      reconnectSeconds: config.reconnectSeconds,
      metrics,
      logger,
    }),
  );
  // A host's room lives in the host's process: created here, with the exercise id as room id. When another process
  // (sharing Redis and the database) already has that room, it hosts the exercise and this process lets go.
  registry.whenOpened(async (host) => {
    const room = await matchMaker.handleCreateRoom(ROOM_NAME, { exerciseId: host.id });
    if (room.processId !== matchMaker.processId) throw new HostedElsewhere(`${host.id} is hosted by ${room.processId}`);
  });

  let feed: LiveFeed | null = null;
  const close = createShutdown(
    [
      {
        name: 'stop accepting',
        run: () => {
          closing = true;
          httpServer.close();
        },
      },
      { name: 'live feed', run: () => feed?.close() },
      { name: 'save queued events', run: () => registry.closeAll(), timeoutMs: 10_000 },
      { name: 'rooms', run: () => gameServer.gracefullyShutdown(false), timeoutMs: 10_000 },
      { name: 'store', run: () => store.close() },
      {
        name: 'http',
        run: () => {
          httpServer.closeAllConnections();
        },
      },
    ],
    { logger },
  );

  return {
    config,
    httpServer,
    store,
    service,
    registry,
    metrics,
    logger,
    gameServer,
    async listen(options = {}) {
      await (options.bind ? options.bind(gameServer) : gameServer.listen(config.port, config.host));
      const port = (httpServer.address() as AddressInfo).port;
      feed = await attachLiveFeed(httpServer, {
        source: registry,
        authorize: feedAuthorizer(service, store),
        logger,
        redisUrl: config.redisUrl,
      });
      const restored = await registry.restoreAll();
      logger.info({ port, restored: restored.length }, 'Parley is listening');
      return { port, url: `http://localhost:${port}` };
    },
    close,
  };
}

/** Who may read an exercise's live feed: its facilitator, its observers and evaluators; a workshop's trainer. */
function feedAuthorizer(service: ExerciseService, store: EventStore): Authorize {
  return async (auth) => {
    if ('workshopId' in auth) {
      const trainer = await service.authorizeTrainer(auth.workshopId, auth.token);
      if (!trainer.ok) return null;
      const exercises = await store.listExercises({ workshopId: auth.workshopId });
      return { exercises: exercises.map((e) => e.id) };
    }
    const control = await service.authorizeFacilitator(auth.exerciseId, auth.token);
    if (control.ok) return { exercises: [auth.exerciseId] };
    const code = await service.resolveCode(auth.token);
    if (!code.ok || code.value.exercise.id !== auth.exerciseId) return null;
    const kind = code.value.code.role.kind;
    return kind === 'observer' || kind === 'evaluator' ? { exercises: [auth.exerciseId] } : null;
  };
}
