/**
 * What every client message passes before a handler sees it: a per-client rate (past `MAX_MESSAGES_PER_SECOND` in
 * a second, each is answered `rate-limited` and dropped; Colyseus closes a client that keeps going), a size bound
 * (`MAX_MESSAGE_CHARS` of JSON) and its zod schema. A message that fails is answered with a typed `error` (carrying
 * its `id` when it had a usable one) and goes no further.
 */

import {
  describeIssues,
  MAX_MESSAGE_CHARS,
  MAX_MESSAGES_PER_SECOND,
  type RoomError,
} from '@parley/shared/protocol/room.ts';
import type { z } from 'zod';

/** A client's message count in the current one-second window. */
export type Admission = { windowStart: number; count: number };

export const createRateGate = (): Admission => ({ windowStart: 0, count: 0 });

type Reply = (error: RoomError) => void;

function idOf(payload: unknown): string | undefined {
  const id = typeof payload === 'object' && payload !== null ? (payload as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}

const withId = (payload: unknown, error: Omit<RoomError, 'id'>): RoomError => {
  const id = idOf(payload);
  return id === undefined ? error : { id, ...error };
};

/** Rate and size: false (after replying) when the message must be dropped. */
export function gate(
  data: { gate: Admission } | undefined,
  payload: unknown,
  reply: Reply,
  now: number = Date.now(),
): boolean {
  if (data) {
    const g = data.gate;
    if (now - g.windowStart >= 1000) {
      g.windowStart = now;
      g.count = 0;
    }
    g.count++;
    if (g.count > MAX_MESSAGES_PER_SECOND) {
      const message = `Too many messages: at most ${MAX_MESSAGES_PER_SECOND} a second. This one was dropped; send it again in a moment.`;
      reply(withId(payload, { code: 'rate-limited', message }));
      return false;
    }
  }
  let size: number;
  try {
    size = JSON.stringify(payload ?? null).length;
  } catch {
    reply(withId(payload, { code: 'invalid', message: 'The message could not be read as JSON data.' }));
    return false;
  }
  if (size > MAX_MESSAGE_CHARS) {
    const kb = Math.ceil(size / 1024);
    const message = `The message is too large (${kb} KiB; at most ${MAX_MESSAGE_CHARS / 1024} KiB).`;
    reply(withId(payload, { code: 'too-large', message }));
    return false;
  }
  return true;
}

/** Rate, size and shape: the parsed message, or null after replying with what is wrong. */
export function admit<S extends z.ZodType>(
  data: { gate: Admission } | undefined,
  payload: unknown,
  schema: S,
  reply: Reply,
): z.infer<S> | null {
  if (!gate(data, payload, reply)) return null;
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  reply(withId(payload, { code: 'invalid', message: `Invalid message: ${describeIssues(parsed.error)}` }));
  return null;
}
