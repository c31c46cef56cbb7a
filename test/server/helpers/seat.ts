/**
 * One connected participant, as a test drives it: join with a code (or the facilitator token), send commands and
 * await their answer (`ack`, `refused` or `error`, matched by command id), read the view the synced state holds for
 * this seat, wait until it shows something, drop the connection and come back.
 */
import type { ColyseusSDK, Room } from '@colyseus/sdk';
import type { Command, RuleFlag, View } from '@parley/shared';
import type { PresenceMessage, RoomError, Welcome } from '@parley/shared/protocol/room.ts';
import { assembleView, type DocLike } from '@parley/shared/sync/assemble.ts';

export type Reply =
  | { readonly type: 'ack'; readonly id: string; readonly seqs: number[]; readonly flags: RuleFlag[] }
  | { readonly type: 'refused'; readonly id: string; readonly code: string; readonly message: string }
  | ({ readonly type: 'error' } & RoomError);

export type SeatOptions = {
  /** Let the SDK reconnect on its own after a drop (it waits 5 s of uptime by default; tests want it at once). */
  readonly autoReconnect?: boolean;
};

const TIMEOUT = 5000;
let counter = 0;
export const nextId = (): string => `t${Date.now().toString(36)}-${++counter}`;

type Waiter = { match: (type: string, payload: unknown) => boolean; resolve: (payload: unknown, type: string) => void };

export class Seat {
  room: Room;
  welcome: Welcome;
  /** Every message received, in order (type, payload). */
  readonly received: { type: string; payload: unknown }[] = [];
  /** Called on every message as it arrives (before any waiter), e.g. to look at the store at that very moment. */
  readonly hooks = new Set<(type: string, payload: unknown) => void>();
  private readonly waiters = new Set<Waiter>();
  private readonly sdk: ColyseusSDK;

  private constructor(sdk: ColyseusSDK, room: Room, welcome: Welcome) {
    this.sdk = sdk;
    this.room = room;
    this.welcome = welcome;
  }

  static async join(
    sdk: ColyseusSDK,
    exerciseId: string,
    options: Record<string, unknown>,
    seat: SeatOptions = {},
  ): Promise<Seat> {
    const room = await sdk.joinById(exerciseId, options);
    let welcomed: (w: Welcome) => void = () => {};
    const welcome = new Promise<Welcome>((resolve) => {
      welcomed = resolve;
    });
    const pending: { type: string; payload: unknown }[] = [];
    let instance: Seat | null = null;
    room.onMessage('*', (type: string | number, payload: unknown) => {
      if (type === 'welcome') welcomed(payload as Welcome);
      if (instance) instance.dispatch(String(type), payload);
      else pending.push({ type: String(type), payload });
    });
    if (seat.autoReconnect) room.reconnection.minUptime = 0;
    else room.reconnection.enabled = false;
    const w = await withTimeout(welcome, 'welcome');
    instance = new Seat(sdk, room, w);
    for (const m of pending) instance.dispatch(m.type, m.payload);
    await instance.until(() => true);
    return instance;
  }

  private dispatch(type: string, payload: unknown): void {
    this.received.push({ type, payload });
    for (const hook of this.hooks) hook(type, payload);
    for (const w of [...this.waiters]) {
      if (w.match(type, payload)) {
        this.waiters.delete(w);
        w.resolve(payload, type);
      }
    }
  }

  /** The next message of `type` (and matching `where`), or one already received when `past` is true. */
  next<T = unknown>(type: string, where: (payload: T) => boolean = () => true, past = false): Promise<T> {
    if (past) {
      const seen = this.received.find((m) => m.type === type && where(m.payload as T));
      if (seen) return Promise.resolve(seen.payload as T);
    }
    return withTimeout(
      new Promise<T>((resolve) => {
        this.waiters.add({ match: (t, p) => t === type && where(p as T), resolve: (p) => resolve(p as T) });
      }),
      `message "${type}"`,
    );
  }

  /** Send a command and wait for its answer (as a well-behaved client: told to slow down, it waits and resends). */
  async send(command: Command | Record<string, unknown>, id: string = nextId()): Promise<Reply> {
    for (;;) {
      const reply = this.replyTo(id);
      this.room.send('command', { id, command });
      const answer = await reply;
      if (answer.type !== 'error' || answer.code !== 'rate-limited') return answer;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Send a command that must be acknowledged; returns the acknowledgement. */
  async ok(command: Command | Record<string, unknown>, id?: string): Promise<Extract<Reply, { type: 'ack' }>> {
    const reply = await this.send(command, id);
    if (reply.type !== 'ack') throw new Error(`expected an ack, got ${JSON.stringify(reply)}`);
    return reply;
  }

  /** The answer (ack, refused or error) to the message with this id. */
  replyTo(id: string): Promise<Reply> {
    const match = (p: unknown) => (p as { id?: string } | undefined)?.id === id;
    return withTimeout(
      new Promise<Reply>((resolve) => {
        this.waiters.add({
          match: (t, p) => (t === 'ack' || t === 'refused' || t === 'error') && match(p),
          resolve: (p, type) => resolve({ type, ...(p as object) } as Reply),
        });
      }),
      `the answer to ${id}`,
    );
  }

  /** Send anything (for bad-input tests). */
  raw(type: string, payload?: unknown): void {
    this.room.send(type, payload);
  }

  /** The view this seat's synced doc holds now. */
  view<V extends View = View>(): V {
    const docs = (this.room.state as { docs?: { get(key: string): unknown } }).docs;
    const doc = docs?.get(this.welcome.doc);
    if (doc === undefined) throw new Error(`no synced doc "${this.welcome.doc}" yet`);
    return assembleView(doc as DocLike) as V;
  }

  /** The doc keys this client received (its StateView). */
  docKeys(): string[] {
    const docs = (this.room.state as { docs?: { keys(): Iterable<string> } }).docs;
    return docs ? [...docs.keys()] : [];
  }

  /** Wait until the synced view satisfies `test`. */
  async until<V extends View = View>(test: (view: V) => boolean, what = 'the synced view'): Promise<V> {
    const check = (): V | null => {
      try {
        const v = this.view<V>();
        return test(v) ? v : null;
      } catch {
        return null;
      }
    };
    const now = check();
    if (now) return now;
    return withTimeout(
      new Promise<V>((resolve) => {
        const room = this.room;
        const listener = () => {
          const v = check();
          if (v) {
            room.onStateChange.remove(listener);
            resolve(v);
          }
        };
        room.onStateChange(listener);
      }),
      what,
    );
  }

  presence(): Promise<PresenceMessage> {
    return this.next<PresenceMessage>('presence', () => true);
  }

  /** Drop the connection without leaving (as a network failure would). */
  drop(): void {
    (this.room.connection as unknown as { close(code?: number, reason?: string): void }).close(4999, 'test drop');
  }

  /** Rejoin by reconnection token after a drop. */
  async reconnect(): Promise<void> {
    const room = await this.sdk.reconnect(this.room.reconnectionToken);
    room.reconnection.enabled = false;
    room.onMessage('*', (type: string | number, payload: unknown) => this.dispatch(String(type), payload));
    this.room = room;
    await this.until(() => true);
  }

  async leave(): Promise<void> {
    if (this.room.connection?.isOpen) await this.room.leave(true);
  }
}

export function withTimeout<T>(p: Promise<T>, what: string, ms = TIMEOUT): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
