import { describe, expect, it } from 'vitest';
import type { Role } from '../protocol/roles.ts';
import { listLast, mapGet, toArray } from './persist.ts';
import { C, compiled, idOf, ok, R, refusal, session } from './testKit.ts';
import { viewFor } from './view.ts';

const msg = (r: ReturnType<typeof refusal>) => r.message;

describe('exercise status gates participants', () => {
  it('refuses before the start, while paused and after the end', () => {
    const s = session({ seed: 1 }, false);
    expect(msg(refusal(s.submit(R.norland, C.assess(1))))).toBe('The exercise has not started yet');
    ok(s.submit(R.facilitator, C.start()));
    ok(s.submit(R.facilitator, C.pause()));
    expect(msg(refusal(s.submit(R.norland, C.assess(1))))).toBe('The exercise is paused');
    ok(s.submit(R.facilitator, C.resume()));
    ok(s.submit(R.norland, C.assess(1)));
    ok(s.submit(R.facilitator, C.end()));
    expect(msg(refusal(s.submit(R.norland, C.assess(1))))).toBe('The exercise has ended');
  });
});

describe('assess', () => {
  it('records the latest assessment and keeps the history', () => {
    const s = session();
    ok(s.submit(R.norland, C.assess(2, null, 'low')));
    ok(s.submit(R.norland, C.assess(4, 'vesteria', 'high')));
    expect(s.state.latestAssessment.norland).toMatchObject({ severity: 4, suspect: 'vesteria', confidence: 'high' });
    expect(s.state.assessments.size).toBe(2);
  });

  it('refuses an unknown suspect and naming oneself', () => {
    const s = session();
    expect(msg(refusal(s.submit(R.norland, C.assess(2, 'frnace'))))).toBe('Unknown party "frnace"');
    expect(msg(refusal(s.submit(R.norland, C.assess(2, 'norland'))))).toMatch(/cannot name itself/);
  });
});

describe('catalogue actions', () => {
  it('applies effects per target, moves the ladder and logs the action', () => {
    const s = session();
    ok(s.submit(R.norland, C.act('share_iocs', ['vesteria'])));
    expect(s.state.vars.pairs.trust?.['norland|vesteria']).toBe(5);
    ok(s.submit(R.norland, C.signal('demarche', ['vesteria'], { tone: 'firm' })));
    expect(s.state.ladder.norland).toEqual({ current: 3, highest: 3 });
    ok(s.submit(R.norland, C.act('hunt')));
    expect(s.state.ladder.norland).toEqual({ current: 0, highest: 3 });
    expect(listLast(s.state.actions)).toMatchObject({ action: 'hunt', by: 'norland', visibility: 'private' });
  });

  it('refuses what the scenario does not allow', () => {
    const s = session();
    const cases: [ReturnType<typeof C.act> | ReturnType<typeof C.signal>, string][] = [
      [C.act('nuke', ['vesteria']), 'Unknown action "nuke"'],
      [
        C.act('sanctions', ['vesteria'], { severity: 2 }),
        'Vesteria cannot take “Restrictive measures” in this scenario',
      ],
      [
        C.act('demarche', ['norland'], { tone: 'firm' }),
        '“Démarche” is a diplomatic signal: send it as a signal, not as an action',
      ],
      [
        C.signal('share_iocs', ['norland']),
        '“Share indicators” is an action, not a diplomatic signal: take it as an action',
      ],
      [C.act('share_iocs', []), '“Share indicators” needs exactly 1 target'],
      [C.act('share_iocs', ['norland', 'kestrel']), '“Share indicators” needs exactly 1 target'],
      [C.act('share_iocs', ['frnace']), 'Unknown party "frnace"'],
      [C.act('share_iocs', ['vesteria']), '“Share indicators” cannot be aimed at Vesteria itself'],
      [C.act('share_iocs', ['press']), '“Share indicators” cannot be aimed at Daily Wire (a media party)'],
      [C.act('hunt', ['norland']), '“Threat hunt” needs no targets'],
      [C.signal('demarche', ['norland']), '“Démarche” needs “Tone”'],
      [C.signal('demarche', ['norland'], { tone: 'angry' }), '“Tone” must be one of: firm, conciliatory'],
      [C.signal('demarche', ['norland'], { tone: 'firm', mood: 'x' }), '“Démarche” has no parameter "mood"'],
      [C.signal('demarche', ['norland'], { tone: 3 }), '“Tone” must be text'],
    ];
    for (const [command, message] of cases) expect(msg(refusal(s.submit(R.vesteria, command)))).toBe(message);
    expect(msg(refusal(s.submit(R.norland, C.act('sanctions', ['vesteria'], { severity: 9 }))))).toBe(
      '“Severity” must be at most 5',
    );
    expect(msg(refusal(s.submit(R.norland, C.act('sanctions', ['vesteria'], { severity: 'high' }))))).toBe(
      '“Severity” must be a number',
    );
    expect(msg(refusal(s.submit(R.norland, C.act('sanctions', ['vesteria', 'vesteria'], { severity: 1 }))))).toMatch(
      /name each target only once/,
    );
    ok(s.submit(R.norland, C.ping('vesteria')));
    expect(
      msg(refusal(s.submit(R.norland, C.signal('public_attribution', ['vesteria'], { confidence: 'certain' })))),
    ).toBe('“Confidence” must be low, medium or high');
  });
});

describe('contact points', () => {
  it('pings with a host-generated id and acknowledges once', () => {
    const s = session();
    const ping = idOf(s.submit(R.norland, C.ping('vesteria', 'Are you there?')));
    expect(ping).toMatch(/^ping-\d+$/);
    expect(mapGet(s.state.pings, ping)).toMatchObject({ from: 'norland', to: 'vesteria', ackedAt: null });
    s.advanceBy(2);
    ok(s.submit(R.vesteria, C.ack(ping, 'Received')));
    expect(mapGet(s.state.pings, ping)).toMatchObject({ ackedAt: 120_000, ackText: 'Received' });
    expect(msg(refusal(s.submit(R.vesteria, C.ack(ping))))).toBe('Vesteria already acknowledged this ping');
  });

  it('refuses pinging oneself, unknown or seatless parties, and acks of pings not addressed to you', () => {
    const s = session();
    expect(msg(refusal(s.submit(R.norland, C.ping('norland'))))).toBe('Norland cannot do this towards itself');
    expect(msg(refusal(s.submit(R.norland, C.ping('frnace'))))).toBe('Unknown delegation "frnace"');
    expect(msg(refusal(s.submit(R.norland, C.ping('press'))))).toMatch(/Daily Wire has no seat at the table/);
    const ping = idOf(s.submit(R.norland, C.ping('vesteria')));
    expect(msg(refusal(s.submit(R.kestrel, C.ack(ping))))).toBe(`Unknown ping "${ping}"`);
    expect(msg(refusal(s.submit(R.vesteria, C.ack('ping-999'))))).toBe('Unknown ping "ping-999"');
  });
});

describe('assistance', () => {
  it('answers a request with an offer, or declines it, once', () => {
    const s = session();
    const req = idOf(s.submit(R.norland, C.request('kestrel')));
    const offer = idOf(s.submit(R.kestrel, C.offer('norland', req)));
    expect(mapGet(s.state.assistance, req)?.answer).toMatchObject({ kind: 'offer', ref: offer });
    expect(mapGet(s.state.assistance, offer)).toMatchObject({ kind: 'offer', request: req, from: 'kestrel' });
    expect(msg(refusal(s.submit(R.kestrel, C.decline(req))))).toBe('That request was already answered');
    const req2 = idOf(s.submit(R.norland, C.request('vesteria')));
    ok(s.submit(R.vesteria, C.decline(req2, 'Not now')));
    expect(mapGet(s.state.assistance, req2)?.answer?.kind).toBe('decline');
    expect(msg(refusal(s.submit(R.vesteria, C.offer('norland', req2))))).toBe('That request was already answered');
  });

  it('allows unsolicited offers and refuses mismatched or foreign requests', () => {
    const s = session();
    ok(s.submit(R.vesteria, C.offer('norland')));
    const req = idOf(s.submit(R.norland, C.request('kestrel')));
    expect(msg(refusal(s.submit(R.vesteria, C.decline(req))))).toBe(`Unknown request "${req}"`);
    expect(msg(refusal(s.submit(R.kestrel, C.offer('vesteria', req))))).toBe(
      'That request came from Norland, not Vesteria',
    );
    expect(msg(refusal(s.submit(R.norland, C.request('norland'))))).toBe('Norland cannot do this towards itself');
  });
});

describe('messages', () => {
  it('sends on public, group and bilateral channels (bilateral keyed by both parties)', () => {
    const s = session();
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'Statement')));
    ok(s.submit(R.norland, C.say({ kind: 'group', group: 'nordic' }, 'Forum note')));
    ok(s.submit(R.vesteria, C.say({ kind: 'bilateral', with: 'norland' }, 'Private note')));
    ok(s.submit(R.kestrel, C.say({ kind: 'bilateral', with: 'press' }, 'To the press desk')));
    const channels = toArray(s.state.messages).map((m) => m.channel);
    expect(channels).toEqual([
      { kind: 'public' },
      { kind: 'group', group: 'nordic' },
      { kind: 'bilateral', between: ['norland', 'vesteria'] },
      { kind: 'bilateral', between: ['kestrel', 'press'] },
    ]);
  });

  it('refuses unknown channels, non-members, unknown parties and oneself', () => {
    const s = session();
    expect(msg(refusal(s.submit(R.kestrel, C.say({ kind: 'group', group: 'nordic' }, 'x'))))).toBe(
      'Kestrel Cloud is not a member of “Nordic CERT forum”',
    );
    expect(msg(refusal(s.submit(R.kestrel, C.say({ kind: 'group', group: 'g7' }, 'x'))))).toBe('Unknown channel "g7"');
    expect(msg(refusal(s.submit(R.kestrel, C.say({ kind: 'bilateral', with: 'frnace' }, 'x'))))).toBe(
      'Unknown party "frnace"',
    );
    expect(msg(refusal(s.submit(R.kestrel, C.say({ kind: 'bilateral', with: 'kestrel' }, 'x'))))).toMatch(/itself/);
  });

  it('keeps team notes within the delegation (every seat, and control), saying which seat wrote them', () => {
    const s = session();
    ok(s.submit(R.norlandCert, C.say({ kind: 'team' }, 'Hash matches the wiper sample')));
    const texts = (role: Role) =>
      viewFor(compiled, s.state, role, s.now)
        .messages.filter((m) => m.channel.kind === 'team')
        .map((m) => m.text);
    expect(texts(R.norland)).toEqual(['Hash matches the wiper sample']);
    expect(texts(R.facilitator)).toEqual(['Hash matches the wiper sample']);
    const evaluator = viewFor(compiled, s.state, R.evaluator, s.now);
    if (evaluator.role !== 'evaluator') throw new Error('expected an evaluator view');
    expect(evaluator.delegations[0]?.messages.map((m) => m.text)).toContain('Hash matches the wiper sample');
    expect(texts(R.vesteria)).toEqual([]);
    expect(texts(R.observer)).toEqual([]);
    expect(listLast(s.state.messages)).toMatchObject({ channel: { kind: 'team', party: 'norland' }, seat: 'cert' });
  });
});
