import { POLICY_NAMES } from '@parley/shared/bots/policies.ts';
import type { CatalogueEntry, PartyCard } from '@parley/shared/engine/viewTypes.ts';
import type { PresenceMessage } from '@parley/shared/protocol/room.ts';
import { describe, expect, it } from 'vitest';
import { actionsOf, buildActorAct, targetChoices } from './actors.ts';
import { BOT_POLICIES, canSeatBot, seatGroups, seatTag } from './seats.ts';
import type { JoinCode } from './seatsApi.ts';

const code = (
  value: string,
  role: JoinCode['role'],
  status: JoinCode['status'] = 'active',
  createdAt = 1,
): JoinCode => ({
  code: value,
  link: `http://x/join/${value}`,
  role,
  label: value,
  status,
  createdAt,
  revokedAt: status === 'revoked' ? 2 : null,
});

const presence: PresenceMessage = {
  seats: {},
  people: [
    { seat: 'lumara/mfa', name: 'Amira Haddad', online: true },
    { seat: 'observer', name: null, online: false },
  ],
  bots: { forum: 'passive' },
};

describe('the seats panel', () => {
  it('offers exactly the bot policies the server plays', () => {
    expect([...BOT_POLICIES].sort()).toEqual([...POLICY_NAMES].sort());
  });

  it('groups codes by delegation in scenario order, then evaluators and observers, withdrawn codes last', () => {
    const codes = [
      code('OBS', { kind: 'observer' }),
      code('OLD', { kind: 'delegation', delegation: 'lumara', seat: 'mfa' }, 'revoked', 0),
      code('KES', { kind: 'delegation', delegation: 'kestria', seat: 'mfa' }),
      code('LUM', { kind: 'delegation', delegation: 'lumara', seat: 'mfa' }, 'active', 3),
    ];
    const groups = seatGroups(codes, ['lumara', 'kestria', 'forum'], presence);
    expect(groups.map((g) => [g.key, g.rows.map((r) => r.code.code)])).toEqual([
      ['lumara', ['LUM', 'OLD']],
      ['kestria', ['KES']],
      ['forum', []],
      ['observer', ['OBS']],
    ]);
    expect(groups[0]?.rows[0]?.people.map((p) => p.name)).toEqual(['Amira Haddad']);
    expect(seatTag({ kind: 'evaluator', delegations: 'all' })).toBe('evaluator');
  });

  it('lets a bot take only a delegation nobody is connected to and no bot plays', () => {
    expect(canSeatBot('kestria', presence)).toBe(true);
    expect(canSeatBot('lumara', presence)).toBe(false);
    expect(canSeatBot('forum', presence)).toBe(false);
    expect(canSeatBot('kestria', null)).toBe(false);
  });
});

describe('acting as a simulated party', () => {
  const parties = [
    { id: 'lumara', kind: 'state', seated: true },
    { id: 'consortium', kind: 'company', seated: true },
    { id: 'teregal', kind: 'state', seated: false },
    { id: 'wire', kind: 'media', seated: false },
  ] as PartyCard[];
  const demarche = {
    id: 'demarche',
    targets: { min: 1, max: 1, kinds: ['state'] },
    params: [
      { id: 'request', type: 'text', required: true, label: 'Request' },
      { id: 'days', type: 'number', required: false, min: 1, max: 30, label: 'Days' },
    ],
  } as unknown as CatalogueEntry;

  it('offers a simulated party its own actions and aims only at the kinds an action allows, never itself', () => {
    const actors = [
      { id: 'teregal', actions: [demarche] },
      { id: 'wire', actions: [] },
    ];
    expect(actionsOf({ actors }, 'teregal').map((a) => a.id)).toEqual(['demarche']);
    expect(actionsOf({ actors }, 'wire')).toEqual([]);
    expect(actionsOf({ actors }, 'lumara')).toEqual([]);
    expect(targetChoices(demarche, parties, 'teregal').map((p) => p.id)).toEqual(['lumara']);
  });

  it('checks targets and parameters before sending actor.act', () => {
    expect(buildActorAct('teregal', demarche, [], { days: '99' })).toEqual({
      ok: false,
      problems: { targets: 'targets', 'param.request': 'paramRequired', 'param.days': 'paramNumber' },
    });
    expect(buildActorAct('teregal', demarche, ['lumara'], { request: ' Explain ', days: '7' })).toEqual({
      ok: true,
      command: {
        type: 'actor.act',
        actor: 'teregal',
        action: 'demarche',
        targets: ['lumara'],
        params: { request: 'Explain', days: 7 },
      },
    });
  });
});
