import type { Message, MessageChannel } from '@parley/shared/engine/types.ts';
import { describe, expect, it } from 'vitest';
import {
  bilateralKey,
  conversationKeyOf,
  conversationsOf,
  groupKey,
  markSeen,
  parseMarks,
  teamNotesOf,
  unreadCount,
} from './conversations.ts';

let seq = 0;
function msg(from: string | null, channel: MessageChannel, seat?: string): Message {
  seq += 1;
  return { id: `message-${seq}`, seq, at: seq * 1000, from, channel, text: `text ${seq}`, seat };
}
const bilateral = (a: string, b: string): MessageChannel => ({
  kind: 'bilateral',
  between: a < b ? [a, b] : [b, a],
});

describe('conversations', () => {
  it('files each message under its conversation, from this delegation’s side', () => {
    expect(conversationKeyOf(msg('halvania', bilateral('halvania', 'veldmark')), 'veldmark')).toBe(
      bilateralKey('halvania'),
    );
    expect(conversationKeyOf(msg('veldmark', bilateral('halvania', 'veldmark')), 'veldmark')).toBe(
      bilateralKey('halvania'),
    );
    expect(conversationKeyOf(msg('veldmark', { kind: 'group', group: 'cell' }), 'veldmark')).toBe(groupKey('cell'));
    expect(conversationKeyOf(msg(null, { kind: 'broadcast', all: true, to: [] }), 'veldmark')).toBe('control');
    expect(conversationKeyOf(msg('veldmark', { kind: 'team', party: 'veldmark' }), 'veldmark')).toBeNull();
  });

  it('lists public, the groups, control, then bilaterals most recent first, messages oldest first', () => {
    const messages = [
      msg('halvania', bilateral('halvania', 'veldmark')),
      msg('dravonia', bilateral('dravonia', 'veldmark')),
      msg(null, { kind: 'broadcast', all: false, to: ['veldmark'] }),
      msg('veldmark', bilateral('halvania', 'veldmark')),
      msg('veldmark', { kind: 'team', party: 'veldmark' }),
      msg('dravonia', { kind: 'public' }),
    ];
    const list = conversationsOf({
      delegation: 'veldmark',
      messages: [...messages].reverse(),
      channels: [{ id: 'cell' }, { id: 'csirt' }],
    });
    expect(list.map((c) => c.key)).toEqual([
      'public',
      'group:cell',
      'group:csirt',
      'control',
      'bilateral:halvania',
      'bilateral:dravonia',
    ]);
    const halvania = list.find((c) => c.key === 'bilateral:halvania');
    expect(halvania?.messages.map((m) => m.from)).toEqual(['halvania', 'veldmark']);
    expect(halvania?.channel).toEqual({ kind: 'bilateral', with: 'halvania' });
    expect(list.find((c) => c.key === 'control')?.channel).toBeNull();
    expect(list.flatMap((c) => c.messages).some((m) => m.channel.kind === 'team')).toBe(false);
  });

  it('leaves control out until it writes, and lists a newly opened counterpart first among bilaterals', () => {
    const messages = [msg('halvania', bilateral('halvania', 'veldmark'))];
    const list = conversationsOf({ delegation: 'veldmark', messages, channels: [] }, 'meridian');
    expect(list.map((c) => c.key)).toEqual(['public', 'bilateral:meridian', 'bilateral:halvania']);
    expect(conversationsOf({ delegation: 'veldmark', messages, channels: [] }, 'halvania').length).toBe(2);
    expect(conversationsOf({ delegation: 'veldmark', messages, channels: [] }, 'veldmark').length).toBe(2);
  });
});

describe('unread counts', () => {
  const me = { delegation: 'veldmark', seat: 'mfa' };

  it('counts others’ messages after the read mark, not this seat’s own', () => {
    const a = msg('halvania', bilateral('halvania', 'veldmark'));
    const b = msg('veldmark', bilateral('halvania', 'veldmark'), 'mfa');
    const c = msg('halvania', bilateral('halvania', 'veldmark'));
    expect(unreadCount([a, b, c], undefined, me)).toBe(2);
    expect(unreadCount([a, b, c], a.seq, me)).toBe(1);
    expect(unreadCount([a, b, c], c.seq, me)).toBe(0);
  });

  it('counts what the delegation’s other seat wrote as news to this one', () => {
    const fromCert = msg('veldmark', { kind: 'public' }, 'cert');
    expect(unreadCount([fromCert], undefined, me)).toBe(1);
    expect(unreadCount([fromCert], undefined, { delegation: 'veldmark', seat: 'cert' })).toBe(0);
  });

  it('moves the mark to the last message seen, and keeps the object when nothing is new', () => {
    const a = msg('halvania', { kind: 'public' });
    const marks = markSeen({}, 'public', [a]);
    expect(marks).toEqual({ public: a.seq });
    expect(markSeen(marks, 'public', [a])).toBe(marks);
    expect(markSeen(marks, 'group:cell', [])).toBe(marks);
  });

  it('reads stored marks defensively', () => {
    expect(parseMarks('{"public":4,"bilateral:x":"7","group:y":null}')).toEqual({ public: 4 });
    expect(parseMarks('not json')).toEqual({});
    expect(parseMarks('[1,2]')).toEqual({});
    expect(parseMarks(null)).toEqual({});
  });
});

describe('team notes', () => {
  it('keeps only this delegation’s notes, oldest first', () => {
    const mine1 = msg('veldmark', { kind: 'team', party: 'veldmark' }, 'mfa');
    const theirs = msg('halvania', { kind: 'team', party: 'halvania' }, 'mfa');
    const mine2 = msg('veldmark', { kind: 'team', party: 'veldmark' }, 'cert');
    const pub = msg('veldmark', { kind: 'public' }, 'cert');
    expect(teamNotesOf([mine2, pub, theirs, mine1], 'veldmark').map((m) => m.id)).toEqual([mine1.id, mine2.id]);
  });
});
