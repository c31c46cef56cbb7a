import type { LedgerEntry } from '@parley/shared/engine/types.ts';
import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import type { PresenceMessage } from '@parley/shared/protocol/room.ts';
import { describe, expect, it } from 'vitest';
import { breachesOf, distinctPeople, glance, ruleTitles } from './glance.ts';

const ledger = (seq: number, party: string, kind: LedgerEntry['kind'], rule = 'consult'): LedgerEntry => ({
  seq,
  at: seq * 1000,
  kind,
  rule,
  mode: 'warn',
  party,
  against: null,
  action: 'public_attribution',
  deadline: null,
  norms: ['b'],
  cbms: [3],
  cost: [],
});

const action = (seq: number, by: string) => ({ seq, at: seq, action: `a${seq}`, label: `a${seq}`, by }) as const;

const view = {
  delegations: [
    {
      delegation: 'lumara',
      catalogue: [{ id: 'x', rules: [{ id: 'consult', title: 'Consult first', mode: 'warn' }] }],
    },
    { delegation: 'kestria', catalogue: [] },
    { delegation: 'forum', catalogue: [] },
  ],
  actions: [action(1, 'lumara'), action(2, 'kestria'), action(3, 'lumara'), action(4, 'lumara'), action(5, 'lumara')],
  assessments: [
    { seq: 1, by: 'lumara', severity: 2 },
    { seq: 6, by: 'lumara', severity: 4 },
  ],
  ladder: { lumara: { current: 3, highest: 5 } },
  deadlines: [
    { id: 'd2', rule: 'answer', title: 'Answer pings', party: 'kestria', status: 'open', dueAt: 9000 },
    { id: 'd1', rule: 'answer', title: 'Answer pings', party: 'kestria', status: 'open', dueAt: 5000 },
    { id: 'd0', rule: 'answer', title: 'Answer pings', party: 'kestria', status: 'met', dueAt: 1000 },
  ],
  ledger: [ledger(1, 'lumara', 'breach'), ledger(2, 'kestria', 'met', 'answer'), ledger(3, 'lumara', 'missed')],
} as unknown as FacilitatorView;

const presence: PresenceMessage = {
  seats: {},
  people: [
    { seat: 'lumara/mfa', name: 'Amira Haddad', online: true },
    { seat: 'control', name: null, online: true },
  ],
  bots: { forum: 'cooperative' },
};

describe('delegations at a glance', () => {
  const [lumara, kestria, forum] = glance(view, presence);

  it('says who plays each delegation: people at its seats, a bot, or nobody', () => {
    expect(lumara?.occupancy).toBe('people');
    expect(lumara?.people.map((p) => p.name)).toEqual(['Amira Haddad']);
    expect(kestria?.occupancy).toBe('empty');
    expect(forum).toMatchObject({ occupancy: 'bot', bot: 'cooperative' });
  });

  it('keeps the latest assessment, the rung and the last three actions, newest first', () => {
    expect(lumara?.assessment?.severity).toBe(4);
    expect(lumara?.ladder).toEqual({ current: 3, highest: 5 });
    expect(kestria?.ladder).toEqual({ current: 0, highest: 0 });
    expect(lumara?.actions.map((a) => a.seq)).toEqual([5, 4, 3]);
    expect(lumara?.actionCount).toBe(4);
  });

  it('lists the deadlines a delegation still owes, soonest first', () => {
    expect(kestria?.openDeadlines.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(lumara?.openDeadlines).toEqual([]);
  });

  it('counts breaches and missed deadlines against the party, never deadlines met', () => {
    expect(breachesOf(view.ledger, 'lumara').map((e) => e.seq)).toEqual([3, 1]);
    expect(kestria?.breaches).toEqual([]);
  });

  it("names rules from the catalogue's rules and the deadlines, else by id", () => {
    const titles = ruleTitles(view);
    expect(titles.get('consult')).toBe('Consult first');
    expect(titles.get('answer')).toBe('Answer pings');
    expect(titles.get('other')).toBeUndefined();
  });
});

describe('people at the seats', () => {
  it('shows a person who reconnected once, online, and keeps unnamed people apart', () => {
    const people = distinctPeople([
      { seat: 'lumara/mfa', name: 'Amira Haddad', online: false },
      { seat: 'lumara/mfa', name: 'Amira Haddad', online: true },
      { seat: 'lumara/cert', name: 'Amira Haddad', online: true },
      { seat: 'lumara/mfa', name: null, online: true },
      { seat: 'lumara/mfa', name: null, online: false },
    ]);
    expect(people).toEqual([
      { seat: 'lumara/mfa', name: 'Amira Haddad', online: true },
      { seat: 'lumara/cert', name: 'Amira Haddad', online: true },
      { seat: 'lumara/mfa', name: null, online: true },
      { seat: 'lumara/mfa', name: null, online: false },
    ]);
  });
});
