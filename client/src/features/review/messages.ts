/** How the replay labels a message: its channel as the review names channels, and whom it went to. */
import type { Message } from '@parley/shared/engine/types.ts';

/** A message's channel as the review names channels ("group:<id>" for a group channel). */
export function channelKey(message: Message): string {
  return message.channel.kind === 'group' ? `group:${message.channel.group}` : message.channel.kind;
}

/** Whom a message went to, beside its sender: the other side of a bilateral, a broadcast's addressees. */
export function recipientsOf(message: Message): readonly string[] {
  const c = message.channel;
  if (c.kind === 'bilateral') return c.between.filter((p) => p !== message.from);
  if (c.kind === 'broadcast') return c.all ? [] : c.to;
  return [];
}
