import { describe, expect, it } from 'vitest';
import { previewCommand } from './decide.ts';
import { listFilter, toArray } from './persist.ts';
import { C, compiled, flagsOf, idOf, ok, R, refusal, session } from './testKit.ts';

const ledger = (s: ReturnType<typeof session>) => toArray(s.state.ledger);
const trust = (s: ReturnType<typeof session>, key: string) => s.state.vars.pairs.trust?.[key];
const attribution = C.signal('public_attribution', ['vesteria'], { confidence: 'high' });
const sanctions = C.act('sanctions', ['vesteria'], { severity: 2 });

describe('precondition rules', () => {
  it('block: refuses, naming the rule and what it requires, and changes nothing', () => {
    const s = session();
    const before = s.state;
    const r = refusal(s.submit(R.norland, attribution));
    expect(r).toEqual({
      code: 'rule',
      message: "Norland must first ping Vesteria's contact point (rule “Consult before attribution”, CBM 3)",
      key: 'rule.blocked',
      params: { rule: 'consult-first' },
    });
    expect(s.state).toBe(before);
    ok(s.submit(R.norland, C.ping('vesteria')));
    ok(s.submit(R.norland, attribution));
    expect(ledger(s).filter((e) => e.kind === 'breach')).toEqual([]);
  });

  it('warn: accepts, tells the sender, records the breach and applies its cost', () => {
    const s = session();
    const flags = flagsOf(s.submit(R.norland, sanctions));
    expect(flags).toEqual([
      expect.objectContaining({
        rule: 'signal-first',
        mode: 'warn',
        party: 'norland',
        target: 'vesteria',
        message: 'Norland must first take “Démarche” towards Vesteria (rule “Signal before coercion”, norm a)',
        cost: [{ var: 'escalation', add: 1 }],
      }),
    ]);
    // 2 + 3 (the measures) + 1 (the breach)
    expect(s.state.vars.world.escalation).toBe(6);
    expect(ledger(s)).toEqual([
      expect.objectContaining({
        kind: 'breach',
        rule: 'signal-first',
        party: 'norland',
        against: 'vesteria',
        norms: ['a'],
      }),
    ]);
    expect(s.state.breaches['signal-first']).toEqual({ n: 1, by: { norland: 1 } });
    const entry = listFilter(s.state.journal, (e) => e.kind === 'rule.breached')[0];
    expect(entry?.audience).toEqual({ kind: 'parties', parties: ['norland'] });
  });

  it('warn: no flag once the requirement is met', () => {
    const s = session();
    ok(s.submit(R.norland, C.signal('demarche', ['vesteria'], { tone: 'firm' })));
    expect(flagsOf(s.submit(R.norland, sanctions))).toEqual([]);
  });

  it('record: accepts silently, the breach is visible to control only', () => {
    const s = session();
    expect(flagsOf(s.submit(R.norland, C.act('hack_back', ['vesteria'])))).toEqual([]);
    expect(ledger(s)).toEqual([expect.objectContaining({ kind: 'breach', rule: 'no-hack-back', mode: 'record' })]);
    expect(s.state.vars.world.impact).toBe(2);
    const entry = listFilter(s.state.journal, (e) => e.kind === 'rule.breached')[0];
    expect(entry?.audience).toEqual({ kind: 'control', about: ['norland'] });
  });

  it('takes its mode from the exercise options', () => {
    const relaxed = session({ seed: 1, ruleModes: { 'consult-first': 'warn', 'signal-first': 'block' } });
    const flags = flagsOf(relaxed.submit(R.norland, attribution));
    expect(flags.map((f) => f.rule)).toEqual(['consult-first']);
    expect(trust(relaxed, 'norland|vesteria')).toBe(1); // 4 − 2 (attribution) − 1 (breach)
    expect(refusal(relaxed.submit(R.norland, sanctions)).code).toBe('rule');
  });

  it('previews what an action would breach and cost without applying it', () => {
    const s = session();
    const before = s.state;
    const input = { actor: R.norland, command: sanctions };
    expect(previewCommand(compiled, s.state, input)).toMatchObject({
      ok: true,
      flags: [{ rule: 'signal-first', cost: [{ var: 'escalation', add: 1 }] }],
    });
    expect(previewCommand(compiled, s.state, { actor: R.norland, command: attribution })).toMatchObject({
      ok: false,
      refusal: { code: 'rule' },
      flags: [{ rule: 'consult-first', mode: 'block' }],
    });
    const hack = { actor: R.norland, command: C.act('hack_back', ['vesteria']) };
    expect(previewCommand(compiled, s.state, hack).flags).toEqual([]);
    expect(previewCommand(compiled, s.state, hack, 'control').flags).toMatchObject([
      { rule: 'no-hack-back', mode: 'record' },
    ]);
    expect(s.state).toBe(before);
  });
});

describe('deadline rules', () => {
  it('a ping acknowledged in time meets the deadline', () => {
    const s = session();
    const ping = idOf(s.submit(R.norland, C.ping('vesteria')));
    expect(s.state.deadlines.length).toBe(1);
    s.advanceBy(9);
    ok(s.submit(R.vesteria, C.ack(ping)));
    expect(s.state.deadlines.length).toBe(0);
    expect(ledger(s)).toEqual([
      expect.objectContaining({ kind: 'met', rule: 'ack-ping', party: 'vesteria', against: 'norland', cost: [] }),
    ]);
    s.advanceBy(30);
    expect(ledger(s).filter((e) => e.kind === 'missed')).toEqual([]);
  });

  it('an unanswered ping is reminded, then missed at expiry, with the cost charged to the late party', () => {
    const s = session();
    idOf(s.submit(R.norland, C.ping('vesteria')));
    s.advanceBy(8);
    expect(listFilter(s.state.journal, (e) => e.kind === 'deadline.reminder')).toHaveLength(1);
    s.advanceBy(2);
    expect(ledger(s)).toEqual([
      expect.objectContaining({
        kind: 'missed',
        at: 600_000,
        rule: 'ack-ping',
        mode: 'warn',
        party: 'vesteria',
        against: 'norland',
        cbms: [8],
        cost: [{ var: 'trust', pair: ['norland', 'vesteria'], add: -1 }],
      }),
    ]);
    expect(trust(s, 'norland|vesteria')).toBe(3);
    expect(s.state.breaches['ack-ping']).toEqual({ n: 1, by: { vesteria: 1 } });
  });

  it('a late acknowledgement is still accepted but does not undo the miss', () => {
    const s = session();
    const ping = idOf(s.submit(R.norland, C.ping('vesteria')));
    s.advanceBy(12);
    ok(s.submit(R.vesteria, C.ack(ping)));
    expect(ledger(s).map((e) => e.kind)).toEqual(['missed']);
  });

  it('an answer meets the earliest open deadline of the same pair', () => {
    const s = session();
    idOf(s.submit(R.norland, C.ping('vesteria')));
    s.advanceBy(1);
    const second = idOf(s.submit(R.norland, C.ping('vesteria')));
    ok(s.submit(R.vesteria, C.ack(second)));
    const met = ledger(s).find((e) => e.kind === 'met');
    expect(met?.deadline?.openedAt).toBe(0);
    s.advanceBy(15);
    expect(
      ledger(s)
        .filter((e) => e.kind === 'missed')
        .map((e) => e.deadline?.openedAt),
    ).toEqual([60_000]);
  });

  it('requests for assistance are met by an offer or a decline; unanswered ones are recorded', () => {
    const s = session();
    const req = idOf(s.submit(R.norland, C.request('kestrel')));
    ok(s.submit(R.kestrel, C.decline(req)));
    idOf(s.submit(R.norland, C.request('vesteria')));
    ok(s.submit(R.vesteria, C.offer('norland')));
    idOf(s.submit(R.vesteria, C.request('kestrel')));
    s.advanceBy(16);
    expect(ledger(s).map((e) => [e.kind, e.party, e.against])).toEqual([
      ['met', 'kestrel', 'norland'],
      ['met', 'vesteria', 'norland'],
      ['missed', 'kestrel', 'vesteria'],
    ]);
    expect(ledger(s)[2]).toMatchObject({ mode: 'record', norms: ['h'] });
    expect(trust(s, 'kestrel|vesteria')).toBe(3);
    expect(s.state.vars.world.pressure).toBe(4); // 3 + 1 for the unanswered request
  });
});
