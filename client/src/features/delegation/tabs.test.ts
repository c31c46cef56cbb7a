import type { Message, Proposal } from '@parley/shared/engine/types.ts';
import { describe, expect, it } from 'vitest';
import { channelMessages, pendingProposals, tabAfter, teamNotesFromOthers } from './tabs.ts';

const proposal = (over: Partial<Proposal>): Proposal => ({
  id: 'p',
  seq: 1,
  at: 0,
  template: 't',
  proposer: 'halvania',
  parties: ['halvania', 'veldmark'],
  clauses: [],
  version: 1,
  accepted: [],
  rejected: [],
  signed: [],
  status: 'open',
  history: [],
  ...over,
});

const message = (id: string, from: string | null, channel: Message['channel'], seat?: string): Message => ({
  id,
  seq: 1,
  at: 0,
  from,
  channel,
  text: id,
  seat,
});

describe('the console tabs', () => {
  it('move with the arrows in the reading direction, wrapping, and jump with Home and End', () => {
    expect(tabAfter('feed', 'ArrowRight', false)).toBe('actions');
    expect(tabAfter('feed', 'ArrowLeft', false)).toBe('notes');
    expect(tabAfter('feed', 'ArrowLeft', true)).toBe('actions');
    expect(tabAfter('actions', 'End', false)).toBe('notes');
    expect(tabAfter('notes', 'Home', true)).toBe('feed');
    expect(tabAfter('feed', 'Enter', false)).toBeNull();
  });

  it('count the proposals waiting for us: open ones not answered, agreed ones not signed', () => {
    expect(
      pendingProposals(
        [
          proposal({ id: 'open' }),
          proposal({ id: 'accepted', accepted: ['veldmark'] }),
          proposal({ id: 'rejected', rejected: [{ party: 'veldmark', reason: null }] }),
          proposal({ id: 'agreed', status: 'agreed', accepted: ['halvania', 'veldmark'] }),
          proposal({ id: 'signed', status: 'signed', signed: ['halvania', 'veldmark'] }),
          proposal({ id: 'others', parties: ['halvania', 'dravonia'] }),
        ],
        'veldmark',
      ),
    ).toBe(2);
  });

  it('count messages from others in the channels, and team notes from our other seats', () => {
    const messages = [
      message('mine', 'veldmark', { kind: 'public' }),
      message('theirs', 'halvania', { kind: 'bilateral', between: ['halvania', 'veldmark'] }),
      message('control', null, { kind: 'broadcast', all: true, to: [] }),
      message('my-note', 'veldmark', { kind: 'team', party: 'veldmark' }, 'mfa'),
      message('cert-note', 'veldmark', { kind: 'team', party: 'veldmark' }, 'cert'),
    ];
    expect(channelMessages(messages, 'veldmark').map((m) => m.id)).toEqual(['theirs', 'control']);
    expect(teamNotesFromOthers(messages, 'veldmark', 'mfa').map((m) => m.id)).toEqual(['cert-note']);
  });
});
