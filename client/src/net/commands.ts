/**
 * Commands in flight: each gets an id chosen here (reused verbatim on every resend, so the server applies it once)
 * and a promise settled by the server's answer (`ack`, `refused` or `error`). While the connection is down commands
 * wait; when a transport is attached again every unanswered command is sent again. A `rate-limited` error is not an
 * answer: the command is sent again a moment later. Pure apart from the injected timer, so it is tested with a fake.
 */
import type { Command } from '@parley/shared/protocol/commands.ts';
import type { Ack, Refused, RoomError } from '@parley/shared/protocol/room.ts';

export type CommandOutcome =
  | { readonly ok: true; readonly id: string; readonly seqs: readonly number[]; readonly flags: Ack['flags'] }
  | {
      readonly ok: false;
      readonly id: string;
      readonly kind: 'refused' | 'error';
      readonly code: string;
      readonly message: string;
      /** The engine's message key and raw params, to say the refusal in the reader's language (see shell/refusal.ts). */
      readonly key?: string | undefined;
      readonly params?: Refused['params'];
    };

/** Sends `{ id, command }` on the live connection. */
export type Transport = (id: string, command: Command) => void;

type Pending = { readonly command: Command; readonly settle: (outcome: CommandOutcome) => void };

export type CommandTracker = {
  submit(command: Command): Promise<CommandOutcome>;
  /** Feed a server message; true when it answered a command of ours. */
  handle(type: string, payload: unknown): boolean;
  /** A live connection (sends every unanswered command again), or null while offline. */
  attach(transport: Transport | null): void;
  readonly pending: number;
};

export type TrackerOptions = {
  readonly newId: () => string;
  readonly later?: (run: () => void, ms: number) => void;
  /** Wait before resending a rate-limited command. */
  readonly retryMs?: number;
};

const idOf = (payload: unknown): string | undefined => {
  const id = typeof payload === 'object' && payload !== null ? (payload as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
};

export function createCommandTracker(options: TrackerOptions): CommandTracker {
  const inFlight = new Map<string, Pending>();
  const later = options.later ?? ((run, ms) => void setTimeout(run, ms));
  let transport: Transport | null = null;

  const send = (id: string) => {
    const entry = inFlight.get(id);
    if (entry && transport) transport(id, entry.command);
  };

  const settle = (id: string, outcome: CommandOutcome) => {
    const entry = inFlight.get(id);
    if (!entry) return;
    inFlight.delete(id);
    entry.settle(outcome);
  };

  return {
    submit(command) {
      const id = options.newId();
      return new Promise<CommandOutcome>((resolve) => {
        inFlight.set(id, { command, settle: resolve });
        send(id);
      });
    },
    handle(type, payload) {
      const id = idOf(payload);
      if (id === undefined || !inFlight.has(id)) return false;
      if (type === 'ack') {
        const ack = payload as Ack;
        settle(id, { ok: true, id, seqs: ack.seqs, flags: ack.flags });
        return true;
      }
      if (type === 'refused') {
        const r = payload as Refused;
        settle(id, { ok: false, id, kind: 'refused', code: r.code, message: r.message, key: r.key, params: r.params });
        return true;
      }
      if (type === 'error') {
        const e = payload as RoomError;
        if (e.code === 'rate-limited') later(() => send(id), options.retryMs ?? 400);
        else settle(id, { ok: false, id, kind: 'error', code: e.code, message: e.message });
        return true;
      }
      return false;
    },
    attach(next) {
      transport = next;
      if (transport) for (const id of inFlight.keys()) send(id);
    },
    get pending() {
      return inFlight.size;
    },
  };
}
