/**
 * Test support for the live feed: a `FeedSource` over real engine sessions (the test scenario, whose private texts
 * carry marker strings), an `authorize` over a table of tokens and codes, an HTTP server on a free port, and a
 * feed client that records every raw frame it receives.
 */
import { once } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  Authorize,
  ExerciseStats,
  FeedAuth,
  FeedMetrics,
  FeedSnapshot,
  FeedSource,
  FeedUpdate,
  FeedWelcome,
} from '@parley/server/feed/types.ts';
import { createLogger, type Logger } from '@parley/server/observability/logger.ts';
import type { ExerciseSession, ObserverView } from '@parley/shared';
import { session } from '@parley/shared/engine/testKit.ts';
import { io as connect, type Socket } from 'socket.io-client';

export const quietLogger = (): Logger => createLogger({ logLevel: 'silent' });

/** Exercises hosted "by this process": engine sessions, flushed by hand. */
export class SessionSource implements FeedSource {
  readonly sessions = new Map<string, { session: ExerciseSession; workshop: string | null }>();
  private readonly listeners = new Set<(id: string) => void>();
  figures: ExerciseStats = {
    clients: { facilitator: 1, delegation: 3, evaluator: 0, observer: 2 },
    commandsPerMinute: 12,
    refusedPerMinute: 1,
    breaches: 2,
  };

  host(id: string, workshop: string | null = null, s: ExerciseSession = session()): ExerciseSession {
    this.sessions.set(id, { session: s, workshop });
    return s;
  }

  /** What the host does after a durable write. */
  flushed(id: string): void {
    for (const l of this.listeners) l(id);
  }

  onFlushed(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publicPicture(id: string) {
    const s = this.sessions.get(id)?.session;
    return s ? { seq: s.state.seq, view: s.view({ kind: 'observer' }) as ObserverView } : null;
  }

  stats(id: string): ExerciseStats | null {
    return this.sessions.has(id) ? this.figures : null;
  }

  hostedExercises(): readonly string[] {
    return [...this.sessions.keys()];
  }

  workshopOf(id: string): string | null {
    return this.sessions.get(id)?.workshop ?? null;
  }
}

/** Access table: token/code → exercises it opens. */
export function tableAuthorize(table: {
  exercises: Record<string, string[]>;
  workshops?: Record<string, { token: string; exercises: string[] }>;
}): Authorize & { calls: FeedAuth[] } {
  const calls: FeedAuth[] = [];
  const authorize = async (auth: FeedAuth) => {
    calls.push(auth);
    if ('workshopId' in auth) {
      const w = table.workshops?.[auth.workshopId];
      return w && w.token === auth.token ? { exercises: w.exercises } : null;
    }
    return table.exercises[auth.exerciseId]?.includes(auth.token) ? { exercises: [auth.exerciseId] } : null;
  };
  return Object.assign(authorize, { calls });
}

export async function listen(server: HttpServer = createServer()): Promise<{ server: HttpServer; url: string }> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

export async function closeServer(server: HttpServer): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export type FeedClient = {
  socket: Socket;
  /** Every raw engine.io frame received, as text. */
  raw: string[];
  welcome: FeedWelcome[];
  snapshots: FeedSnapshot[];
  updates: FeedUpdate[];
  metrics: FeedMetrics[];
  /** Resolves once the client has connected, or rejects with the server's refusal message. */
  connected: Promise<void>;
  close(): void;
};

export function feedClient(url: string, auth: Record<string, unknown> | undefined): FeedClient {
  const socket = connect(url, {
    path: '/socket.io/',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(auth ? { auth } : {}),
  });
  const client: FeedClient = {
    socket,
    raw: [],
    welcome: [],
    snapshots: [],
    updates: [],
    metrics: [],
    connected: new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    }),
    close: () => void socket.disconnect(),
  };
  client.connected.catch(() => {});
  socket.io.on('open', () => {
    socket.io.engine.on('data', (data: unknown) => void client.raw.push(String(data)));
  });
  socket.on('welcome', (w: FeedWelcome) => void client.welcome.push(w));
  socket.on('snapshot', (s: FeedSnapshot) => void client.snapshots.push(s));
  socket.on('update', (u: FeedUpdate) => void client.updates.push(u));
  socket.on('metrics', (m: FeedMetrics) => void client.metrics.push(m));
  return client;
}

/** Polls until `check` holds (or fails with `what` after `ms`). */
export async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
