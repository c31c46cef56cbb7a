/**
 * The one module that talks Colyseus. It joins the exercise's room by id with the seat's join code or the
 * facilitator token, keeps the reconnection token so that a reload takes the seat back (`client.reconnect`), and,
 * when that is no longer possible (the server restarted, the seat expired), joins again with the code. Every patch
 * goes to the store; commands go through the tracker (client ids, one promise each, resent after a reconnection).
 * The store's `connection` says where things stand: connecting, live, reconnecting or offline.
 */
import { Client, type Room, ServerError } from '@colyseus/sdk';
import type { Command } from '@parley/shared/protocol/commands.ts';
import type { PresenceMessage, PreviewAnswer, Welcome } from '@parley/shared/protocol/room.ts';
import { type RoomSnapshot, type SessionStore, session } from '../state/store.ts';
import { type CommandOutcome, createCommandTracker } from './commands.ts';
import { forgetConnection, loadSeat, rememberConnection, type SeatRecord } from './seats.ts';

/** Colyseus's code for a refused join (onAuth threw); its message is the server's, meant for people. */
const AUTH_FAILED = 525;
/** The room's close code for a withdrawn join code. */
const CODE_REVOKED = 4403;
const RETRY_MS = [500, 1000, 2000, 4000, 8000];

export type Connection = {
  send(command: Command): Promise<CommandOutcome>;
  /** What the command would do now (refused or not, rules it would breach), applying nothing; null when offline. */
  preview(command: Command): Promise<PreviewAnswer | null>;
  /** Facilitator: give a delegation's empty seat to a bot, or take it back. */
  seatBot(delegation: string, policy: string | null): Promise<CommandOutcome>;
  close(): void;
};

let current: Connection | null = null;
let currentExercise: string | null = null;
let releasing: ReturnType<typeof setTimeout> | undefined;

/**
 * The console's connection to an exercise: the open one when it is the same exercise and is only being released
 * (React's development mode mounts every component twice; a reload of the component must not cost a second seat),
 * otherwise a fresh one (the store reset first).
 */
export function acquireConnection(exerciseId: string, store: SessionStore = session): Connection {
  if (current && currentExercise === exerciseId && releasing !== undefined) {
    clearTimeout(releasing);
    releasing = undefined;
    return current;
  }
  current?.close();
  store.getState().reset();
  currentExercise = exerciseId;
  return openConnection(exerciseId, store);
}

/** Let go of the connection: closed a moment later unless acquired again for the same exercise meanwhile. */
export function releaseConnection(connection: Connection): void {
  clearTimeout(releasing);
  releasing = setTimeout(() => {
    releasing = undefined;
    connection.close();
  }, 0);
}

/** Send a command on the open connection (a value saying why not when there is none). */
export function sendCommand(command: Command): Promise<CommandOutcome> {
  if (current) return current.send(command);
  return Promise.resolve({ ok: false, id: '', kind: 'error', code: 'offline', message: 'Not connected.' });
}

/** Ask the server what a command would do (see `Connection.preview`). */
export function previewCommand(command: Command): Promise<PreviewAnswer | null> {
  return current ? current.preview(command) : Promise.resolve(null);
}

/** Facilitator: a bot takes a delegation's empty seat (`policy`), or leaves it (`null`). */
export function seatBot(delegation: string, policy: string | null): Promise<CommandOutcome> {
  if (current) return current.seatBot(delegation, policy);
  return Promise.resolve({ ok: false, id: '', kind: 'error', code: 'offline', message: 'Not connected.' });
}

const endpoint = () => `${location.protocol}//${location.host}`;

function joinOptions(exerciseId: string, seat: SeatRecord) {
  const name = seat.name.trim() ? { name: seat.name.trim().slice(0, 60) } : {};
  return 'code' in seat.credentials
    ? { code: seat.credentials.code, ...name }
    : { facilitatorToken: seat.credentials.facilitatorToken, exerciseId, ...name };
}

export function openConnection(exerciseId: string, store: SessionStore = session): Connection {
  const client = new Client(endpoint());
  const tracker = createCommandTracker({ newId: () => crypto.randomUUID() });
  const state = store.getState;
  let room: Room | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const previews = new Map<string, (answer: PreviewAnswer | null) => void>();
  const bots = new Map<string, (outcome: CommandOutcome) => void>();

  const live = (r: Room) => {
    state().setConnection('live');
    tracker.attach((id, command) => r.send('command', { id, command }));
    attempt = 0;
  };

  const attach = (r: Room) => {
    if (closed) {
      void r.leave(true);
      return;
    }
    room = r;
    r.onMessage('*', (type: string | number, payload: unknown) => {
      if (type === 'welcome') {
        const welcome = payload as Welcome;
        state().welcomed(welcome);
        rememberConnection(exerciseId, r.reconnectionToken, welcome);
      } else if (type === 'presence') state().presenceChanged(payload as PresenceMessage);
      else if (type === 'preview') {
        const answer = payload as PreviewAnswer;
        previews.get(answer.id)?.(answer);
        previews.delete(answer.id);
      } else if (!tracker.handle(String(type), payload)) settleBot(String(type), payload);
    });
    r.onStateChange((s: Partial<RoomSnapshot>) => {
      if (s.clock && s.docs) state().synced(s as RoomSnapshot);
    });
    r.onDrop(() => {
      tracker.attach(null);
      dropAsked();
      state().setConnection('reconnecting');
    });
    r.onReconnect(() => live(r));
    r.onLeave((code: number, reason?: string) => {
      tracker.attach(null);
      dropAsked();
      room = null;
      if (closed) return;
      if (code === CODE_REVOKED) {
        forgetConnection(exerciseId);
        state().setConnection('offline', reason ?? null);
        return;
      }
      state().setConnection('reconnecting');
      schedule();
    });
    rememberConnection(exerciseId, r.reconnectionToken, undefined);
    const initial = r.state as Partial<RoomSnapshot> | undefined;
    if (initial?.clock && initial.docs) state().synced(initial as RoomSnapshot);
    live(r);
  };

  /** Previews and bot requests are not resent: whoever asked hears "no answer" and may ask again. */
  const dropAsked = () => {
    for (const answer of previews.values()) answer(null);
    previews.clear();
    for (const [id, settle] of bots)
      settle({ ok: false, id, kind: 'error', code: 'offline', message: 'The connection dropped; try again.' });
    bots.clear();
  };

  const settleBot = (type: string, payload: unknown) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const settle = bots.get(id);
    if (!settle) return;
    bots.delete(id);
    if (type === 'ack') settle({ ok: true, id, seqs: [], flags: [] });
    else {
      const p = payload as { code?: string; message?: string };
      settle({ ok: false, id, kind: 'refused', code: p.code ?? 'refused', message: p.message ?? '' });
    }
  };

  const enter = async () => {
    const seat = loadSeat(exerciseId);
    if (!seat) {
      state().setConnection('offline', null);
      return;
    }
    if (seat.welcome) state().welcomed(seat.welcome);
    if (seat.reconnectionToken) {
      try {
        attach(await client.reconnect(seat.reconnectionToken));
        return;
      } catch {
        forgetConnection(exerciseId);
      }
    }
    try {
      attach(await client.joinById(exerciseId, joinOptions(exerciseId, seat)));
    } catch (error) {
      if (closed) return;
      if (error instanceof ServerError && error.code === AUTH_FAILED) {
        state().setConnection('offline', error.message);
        return;
      }
      // Not a refusal: the server is unreachable or restarting. Keep trying; the details are for a bug report.
      console.warn('Parley: could not join the exercise yet', error);
      state().setConnection(attempt === 0 ? 'connecting' : 'reconnecting');
      schedule();
    }
  };

  const schedule = () => {
    if (closed) return;
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 8000;
    attempt++;
    if (attempt > 3) state().setConnection('offline');
    timer = setTimeout(() => void enter(), wait);
  };

  state().setConnection('connecting');
  void enter();

  const connection: Connection = {
    send: (command) => tracker.submit(command),
    preview: (command) => {
      if (!room) return Promise.resolve(null);
      const id = crypto.randomUUID();
      const r = room;
      return new Promise((resolve) => {
        previews.set(id, resolve);
        r.send('preview', { id, command });
      });
    },
    seatBot: (delegation, policy) => {
      if (!room)
        return Promise.resolve({ ok: false, id: '', kind: 'error', code: 'offline', message: 'Not connected.' });
      const id = crypto.randomUUID();
      const r = room;
      return new Promise((resolve) => {
        bots.set(id, resolve);
        if (policy === null) r.send('seat.unbot', { id, delegation });
        else r.send('seat.bot', { id, delegation, policy });
      });
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      if (current === connection) current = null;
      // A deliberate close: the server frees the seat now instead of holding it for a reconnection.
      void room?.leave(true);
    },
  };
  current = connection;
  return connection;
}
