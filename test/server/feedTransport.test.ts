/**
 * Colyseus and the live feed on one HTTP server and one port: the Colyseus transport built by `createTransport`
 * leaves `/socket.io/` upgrades alone, socket.io (attached after `listen()`) leaves every other request and upgrade to
 * Colyseus. A Colyseus SDK client plays in a room while socket.io clients (WebSocket only, and polling upgraded to
 * WebSocket) receive the feed, at the same time.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Room, type Client as RoomClient, Server } from '@colyseus/core';
import { Client } from '@colyseus/sdk';
import { attachLiveFeed } from '@parley/server/feed/liveFeed.ts';
import { createTransport } from '@parley/server/feed/transport.ts';
import { C, ok, R } from '@parley/shared/engine/testKit.ts';
import { io as connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { closeServer, feedClient, quietLogger, SessionSource, tableAuthorize, until } from './feedKit.ts';

class EchoRoom extends Room {
  override messages = {
    echo: (client: RoomClient, message: unknown) => client.send('echo', message),
  };
}

describe('Colyseus and the live feed on one port', () => {
  it('serve a room and the feed at the same time, both over WebSocket', async () => {
    const httpServer = createServer();
    const transport = createTransport(httpServer, { maxPayload: 16 * 1024 });
    const gameServer = new Server({ transport, gracefullyShutdown: false, greet: false });
    gameServer.define('echo', EchoRoom);
    await gameServer.listen(0, '127.0.0.1');
    const { port } = httpServer.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;

    const source = new SessionSource();
    const s = source.host('ex1');
    const feed = await attachLiveFeed(httpServer, {
      source,
      authorize: tableAuthorize({ exercises: { ex1: ['OBS-CODE-1'] } }),
      logger: quietLogger(),
      throttleMs: 10,
    });

    try {
      const player = new Client(url);
      const [room, wsOnly] = await Promise.all([
        player.joinOrCreate('echo'),
        Promise.resolve(feedClient(url, { exerciseId: 'ex1', token: 'OBS-CODE-1' })),
      ]);
      const upgraded = connect(url, {
        path: '/socket.io/',
        forceNew: true,
        reconnection: false,
        auth: { exerciseId: 'ex1', token: 'OBS-CODE-1' },
      });
      const upgradedTexts: string[] = [];
      upgraded.on('update', (u: { messages: { text: string }[] }) =>
        upgradedTexts.push(...u.messages.map((m) => m.text)),
      );
      await wsOnly.connected;
      await new Promise<void>((resolve) => upgraded.io.engine.once('upgrade', () => resolve()));

      const echoes: unknown[] = [];
      room.onMessage('echo', (m) => echoes.push(m));
      room.send('echo', { n: 1 });
      ok(s.submit(R.norland, C.say({ kind: 'public' }, 'while the room plays')));
      source.flushed('ex1');
      room.send('echo', { n: 2 });

      await until(() => echoes.length === 2, 'two echoes from the Colyseus room');
      await until(() => wsOnly.updates.length === 1 && upgradedTexts.length === 1, 'the feed update on both clients');
      expect(echoes).toEqual([{ n: 1 }, { n: 2 }]);
      expect(wsOnly.socket.io.engine.transport.name).toBe('websocket');
      expect(upgraded.io.engine.transport.name).toBe('websocket');
      expect(wsOnly.updates[0]?.messages.map((m) => m.text)).toEqual(['while the room plays']);
      expect(upgradedTexts).toEqual(['while the room plays']);
      expect(room.connection.isOpen).toBe(true);

      // Colyseus' own HTTP routes still answer next to socket.io's.
      const res = await fetch(`${url}/__healthcheck`);
      expect(res.status).toBe(200);

      wsOnly.close();
      upgraded.disconnect();
      await room.leave();
    } finally {
      await gameServer.gracefullyShutdown(false);
      await feed.close();
      await closeServer(httpServer);
    }
  });
});
