/**
 * The bytes on the wire, as a client receives them: an SDK whose every WebSocket (the first connection of each room
 * it joins, and any reconnection) is tapped below the SDK, on the socket's own `message` event, before the SDK
 * decodes anything. Every frame is kept whole: the join handshake, the full state, every patch and every message.
 */
import { ColyseusSDK, type Room } from '@colyseus/sdk';

/** Colyseus protocol codes (first byte of a frame, low 5 bits), from @colyseus/shared-types. */
export const FRAME_KIND = {
  10: 'join',
  11: 'error',
  12: 'leave',
  13: 'message',
  14: 'full state',
  15: 'patch',
  17: 'bytes',
  18: 'ping',
} as const;
const CODE_MASK = 0x1f;

export type FrameKind = (typeof FRAME_KIND)[keyof typeof FRAME_KIND] | 'other';

export const frameKind = (frame: Uint8Array): FrameKind =>
  FRAME_KIND[((frame[0] ?? 0) & CODE_MASK) as keyof typeof FRAME_KIND] ?? 'other';

type Socket = { addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void };
type Transport = { ws: Socket; connect(url: string, headers?: unknown): void };
type Internals = { createRoom(...args: unknown[]): Room };

export class Tap {
  /** Every frame received, in order. */
  readonly frames: Uint8Array[] = [];

  /** All frames as one buffer (to search for strings). */
  bytes(): Buffer {
    return Buffer.concat(this.frames);
  }

  /** Frames and bytes per kind of frame. */
  summary(): Record<string, { frames: number; bytes: number }> {
    const out: Record<string, { frames: number; bytes: number }> = {};
    for (const f of this.frames) {
      const kind = frameKind(f);
      const s = out[kind] ?? { frames: 0, bytes: 0 };
      s.frames++;
      s.bytes += f.byteLength;
      out[kind] = s;
    }
    return out;
  }

  /** The strings of `texts` found in the frames received. */
  found(texts: readonly string[]): string[] {
    const all = this.bytes();
    return texts.filter((t) => all.includes(t));
  }
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  throw new Error(`a WebSocket frame of an unexpected type: ${Object.prototype.toString.call(data)}`);
}

function tapTransport(transport: Transport, tap: Tap): void {
  const listen = (ws: Socket) => ws.addEventListener('message', (event) => tap.frames.push(toBytes(event.data)));
  listen(transport.ws);
  const connect = transport.connect.bind(transport);
  // The SDK's automatic reconnection opens a new socket on the same transport.
  transport.connect = (url, headers) => {
    connect(url, headers);
    listen(transport.ws);
  };
}

/** An SDK for `endpoint` (ws://host:port) whose every received frame lands in the returned tap. */
export function tappedSdk(endpoint: string): { sdk: ColyseusSDK; tap: Tap } {
  const sdk = new ColyseusSDK(endpoint);
  const tap = new Tap();
  const internals = sdk as unknown as Internals;
  const createRoom = internals.createRoom.bind(sdk);
  internals.createRoom = (...args) => {
    const room = createRoom(...args);
    const connect = room.connect.bind(room);
    // Room.connect opens the socket synchronously; no frame can arrive before the listener is added below.
    room.connect = (url: string, options?: unknown, headers?: unknown) => {
      connect(url, options, headers);
      tapTransport(room.connection.transport as unknown as Transport, tap);
    };
    return room;
  };
  return { sdk, tap };
}
