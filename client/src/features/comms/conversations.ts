/**
 * The delegation's conversations, derived from the messages it can see: the public channel, each group channel it
 * belongs to, exercise control's broadcasts, and one bilateral conversation per counterpart. Team notes are not a
 * conversation (the team notes panel shows them). Unread counts come from per-conversation read marks (the highest
 * message seq this seat has seen), kept by the caller.
 */
import type { Message } from '@parley/shared/engine/types.ts';
import type { ChannelRef } from '@parley/shared/protocol/commands.ts';

export type ConversationKind = 'public' | 'group' | 'control' | 'bilateral';

export type Conversation = {
  /** Stable key: `public`, `group:<id>`, `control`, `bilateral:<party>`. */
  readonly key: string;
  readonly kind: ConversationKind;
  /** The group id or the counterpart's party id; null for public and control. */
  readonly ref: string | null;
  /** Oldest first. */
  readonly messages: readonly Message[];
  /** Where a reply goes; null when this seat cannot write here (exercise control's broadcasts). */
  readonly channel: ChannelRef | null;
};

/** Who this seat is: its delegation and its seat. */
export type Me = { readonly delegation: string; readonly seat: string | null };

/** What the derivation reads from the delegation's view. */
export type ConversationSource = {
  readonly delegation: string;
  readonly messages: readonly Message[];
  readonly channels: readonly { readonly id: string }[];
};

export const PUBLIC_KEY = 'public';
export const CONTROL_KEY = 'control';
export const groupKey = (group: string) => `group:${group}`;
export const bilateralKey = (party: string) => `bilateral:${party}`;

/** The conversation a message belongs to, from this delegation's side; null for team notes. */
export function conversationKeyOf(message: Message, me: string): string | null {
  const ch = message.channel;
  switch (ch.kind) {
    case 'public':
      return PUBLIC_KEY;
    case 'group':
      return groupKey(ch.group);
    case 'broadcast':
      return CONTROL_KEY;
    case 'bilateral': {
      const other = ch.between[0] === me ? ch.between[1] : ch.between[0];
      return bilateralKey(other);
    }
    case 'team':
      return null;
  }
}

const bySeq = (a: Message, b: Message) => a.seq - b.seq;

/**
 * The conversation list: public, the groups (scenario order), exercise control (when it has written), then the
 * bilateral conversations, most recent first. `opened` is a counterpart chosen for a new conversation: it is listed
 * (first among the bilaterals) even before any message.
 */
export function conversationsOf(source: ConversationSource, opened: string | null = null): Conversation[] {
  const me = source.delegation;
  const buckets = new Map<string, Message[]>();
  for (const m of source.messages) {
    const key = conversationKeyOf(m, me);
    if (key === null) continue;
    const list = buckets.get(key);
    if (list) list.push(m);
    else buckets.set(key, [m]);
  }
  const messagesOf = (key: string) => (buckets.get(key) ?? []).sort(bySeq);

  const out: Conversation[] = [
    { key: PUBLIC_KEY, kind: 'public', ref: null, messages: messagesOf(PUBLIC_KEY), channel: { kind: 'public' } },
  ];
  for (const g of source.channels) {
    const key = groupKey(g.id);
    out.push({ key, kind: 'group', ref: g.id, messages: messagesOf(key), channel: { kind: 'group', group: g.id } });
  }
  if (buckets.has(CONTROL_KEY))
    out.push({ key: CONTROL_KEY, kind: 'control', ref: null, messages: messagesOf(CONTROL_KEY), channel: null });

  const counterparts = new Set<string>();
  for (const key of buckets.keys()) if (key.startsWith('bilateral:')) counterparts.add(key.slice('bilateral:'.length));
  const bilaterals = [...counterparts].map(
    (party): Conversation => ({
      key: bilateralKey(party),
      kind: 'bilateral',
      ref: party,
      messages: messagesOf(bilateralKey(party)),
      channel: { kind: 'bilateral', with: party },
    }),
  );
  bilaterals.sort((a, b) => (b.messages.at(-1)?.seq ?? 0) - (a.messages.at(-1)?.seq ?? 0));
  if (opened !== null && opened !== me && !counterparts.has(opened))
    bilaterals.unshift({
      key: bilateralKey(opened),
      kind: 'bilateral',
      ref: opened,
      messages: [],
      channel: { kind: 'bilateral', with: opened },
    });
  return [...out, ...bilaterals];
}

/** Whether this seat wrote the message (a message from the delegation's other seat is news to this one). */
export function isOwn(message: Message, me: Me): boolean {
  if (message.from !== me.delegation) return false;
  return message.seat === undefined || me.seat === null || message.seat === me.seat;
}

/** Per conversation key: the highest message seq this seat has seen. */
export type ReadMarks = Readonly<Record<string, number>>;

/** Messages of others in the conversation that this seat has not seen yet. */
export function unreadCount(messages: readonly Message[], mark: number | undefined, me: Me): number {
  const seen = mark ?? -1;
  let n = 0;
  for (const m of messages) if (m.seq > seen && !isOwn(m, me)) n++;
  return n;
}

/** The read marks after seeing every message of a conversation (the same object when nothing changed). */
export function markSeen(marks: ReadMarks, key: string, messages: readonly Message[]): ReadMarks {
  const last = messages.at(-1)?.seq;
  if (last === undefined || (marks[key] ?? -1) >= last) return marks;
  return { ...marks, [key]: last };
}

/** Read marks as stored (anything malformed is dropped). */
export function parseMarks(raw: string | null): ReadMarks {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])),
    );
  } catch {
    return {};
  }
}

/** The delegation's team notes, oldest first. */
export function teamNotesOf(messages: readonly Message[], delegation: string): Message[] {
  return messages.filter((m) => m.channel.kind === 'team' && m.channel.party === delegation).sort(bySeq);
}
