/**
 * Colyseus and socket.io on one HTTP server. `@colyseus/ws-transport` 0.18 normally owns every 'upgrade' of its
 * server and completes the WebSocket handshake itself, which would swallow socket.io's upgrades. Its
 * `attachToServer(server, { filter })` (the hook `colyseus/vite` uses) lets it take only the upgrades the filter
 * accepts: `createTransport` builds the transport that way, leaving `/socket.io/` to the live feed.
 *
 *     const httpServer = createServer();
 *     const transport = createTransport(httpServer, { maxPayload: 64 * 1024 });
 *     const gameServer = new Server({ transport, gracefullyShutdown: false, greet: false, ... });
 *     await gameServer.listen(port, host);              // binds Colyseus' HTTP routes, then listens
 *     const feed = await attachLiveFeed(httpServer, …); // after listen(): socket.io wraps the request listeners
 *
 * Attached this way the transport does not close the HTTP server on `transport.shutdown()` (or on
 * `gameServer.gracefullyShutdown()`): the app closes it last. On socket.io's side, `attachLiveFeed` sets
 * `destroyUpgrade: false` so engine.io never ends an upgrade that is not its own (a Colyseus upgrade still in
 * `onAuth`, say).
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { WebSocketTransport } from '@colyseus/ws-transport';

/** The live feed's path (socket.io's engine.io path, with its trailing slash). */
export const FEED_PATH = '/socket.io/';

export const isFeedRequest = (req: Pick<IncomingMessage, 'url'>) => (req.url ?? '').startsWith(FEED_PATH);

export type TransportSettings = {
  /** Largest WebSocket message a client may send, in bytes. */
  readonly maxPayload: number;
  /** Milliseconds between pings to detect dead connections (Colyseus default 3000; 0 disables). */
  readonly pingInterval?: number;
  readonly pingMaxRetries?: number;
};

export function createTransport(httpServer: HttpServer, settings: TransportSettings): WebSocketTransport {
  const transport = new WebSocketTransport({
    noServer: true,
    maxPayload: settings.maxPayload,
    ...(settings.pingInterval !== undefined ? { pingInterval: settings.pingInterval } : {}),
    ...(settings.pingMaxRetries !== undefined ? { pingMaxRetries: settings.pingMaxRetries } : {}),
  });
  return transport.attachToServer(httpServer, { filter: (req) => !isFeedRequest(req) });
}
