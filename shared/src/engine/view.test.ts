import { describe, expect, it } from 'vitest';
import type { Role } from '../protocol/roles.ts';
import { C, compiled, idOf, ok, R, session } from './testKit.ts';
import { MARKERS } from './testScenario.ts';
import { viewFor } from './view.ts';
import type { DelegationView, EvaluatorView, FacilitatorView, ObserverView } from './viewTypes.ts';

/** A played-out exercise where every private channel carries a distinctive marker. */
function playedOut() {
  const s = session();
  ok(s.submit(R.norland, C.ping('vesteria', 'PING-NV-01')));
  const kPing = idOf(s.submit(R.kestrel, C.ping('vesteria', 'PING-KV-02')));
  ok(s.submit(R.norland, { type: 'assess', severity: 3, suspect: 'vesteria', confidence: 'low', note: 'ASSESS-N-03' }));
  s.advanceBy(3); // the joint intelligence report arrives in analysis
  ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'DM-NV-04')));
  ok(s.submit(R.vesteria, C.say({ kind: 'group', group: 'nordic' }, 'GROUP-NORDIC-05')));
  ok(s.submit(R.kestrel, C.say({ kind: 'bilateral', with: 'press' }, 'DM-KP-06')));
  ok(s.submit(R.kestrel, C.say({ kind: 'public' }, 'PUBLIC-07')));
  ok(s.submit(R.norland, C.propose(['norland', 'kestrel'], 'restraint', [{ id: 'logs', text: 'CLAUSE-NK-08' }])));
  ok(s.submit(R.facilitator, C.write(['kestrel'], 'ADHOC-K-09')));
  ok(s.submit(R.facilitator, C.broadcast(['vesteria'], 'BC-V-10')));
  ok(s.submit(R.facilitator, C.adjust('impact', { add: 1 }, 'REASON-11')));
  ok(s.submit(R.facilitator, C.release('call')));
  ok(s.submit(R.vesteria, C.request('kestrel', 'REQUEST-VK-12')));
  ok(s.submit(R.norland, C.act('hack_back', ['vesteria'])));
  ok(s.submit(R.vesteria, C.act('hunt')));
  ok(s.submit(R.facilitator, C.adjudicate('RULING-13')));
  ok(s.submit(R.evaluator, C.observe('OBS-N-14', { delegation: 'norland', objective: 'poc', rating: 'met' })));
  ok(s.submit(R.evaluatorAll, C.observe('OBS-V-15', { delegation: 'vesteria' })));
  ok(s.submit(R.facilitator, C.observe('OBS-G-16', { inject: 'call' })));
  return { s, kPing };
}

const json = (role: Role) => {
  const { s } = playedOut();
  return JSON.stringify(viewFor(compiled, s.state, role));
};

const EXPECTED: Record<string, readonly string[]> = {
  norland: [
    MARKERS.norlandBriefing,
    MARKERS.norlandIntel,
    MARKERS.jointIntel,
    'PING-NV-01',
    'ASSESS-N-03',
    'DM-NV-04',
    'GROUP-NORDIC-05',
    'CLAUSE-NK-08',
  ],
  vesteria: [
    MARKERS.vesteriaBriefing,
    MARKERS.vesteriaCall,
    MARKERS.jointIntel,
    'PING-NV-01',
    'PING-KV-02',
    'DM-NV-04',
    'GROUP-NORDIC-05',
    'BC-V-10',
    'REQUEST-VK-12',
  ],
  kestrel: [MARKERS.kestrelBriefing, 'PING-KV-02', 'DM-KP-06', 'CLAUSE-NK-08', 'ADHOC-K-09', 'REQUEST-VK-12'],
};
const PUBLIC = ['PUBLIC-07', 'RULING-13'];
/** Observations: control and evaluators only (an evaluator of Norland sees Norland's and the general one). */
const NORLAND_EVALUATOR = ['OBS-N-14', 'OBS-G-16'];
const CONTROL_ONLY = ['REASON-11', MARKERS.controlNotes, 'OBS-N-14', 'OBS-V-15', 'OBS-G-16'];
const ALL_PRIVATE = [...new Set([...Object.values(EXPECTED).flat(), ...CONTROL_ONLY])];

describe('views keep secrets', () => {
  for (const id of ['norland', 'vesteria', 'kestrel'] as const) {
    it(`${id} sees its own matters and the public picture, and nothing else`, () => {
      const text = json({ kind: 'delegation', delegation: id, seat: id === 'kestrel' ? 'soc' : 'mfa' });
      const mine = EXPECTED[id] ?? [];
      for (const m of [...mine, ...PUBLIC]) expect(text, m).toContain(m);
      for (const m of ALL_PRIVATE.filter((x) => !mine.includes(x))) expect(text, m).not.toContain(m);
    });
  }

  it('an observer sees the public picture only', () => {
    const text = json(R.observer);
    for (const m of PUBLIC) expect(text).toContain(m);
    for (const m of ALL_PRIVATE) expect(text, m).not.toContain(m);
    const { s } = playedOut();
    const view = viewFor(compiled, s.state, R.observer) as ObserverView;
    expect(view.variables.map((v) => v.id)).toEqual(['escalation', 'pressure']);
    expect(view.timeline.every((e) => e.audience.kind === 'public')).toBe(true);
  });

  it('an evaluator sees what its delegations see, plus their whole rule ledger', () => {
    const text = json(R.evaluator);
    const seen = [...(EXPECTED.norland ?? []), ...NORLAND_EVALUATOR];
    for (const m of [...seen, ...PUBLIC]) expect(text, m).toContain(m);
    for (const m of ALL_PRIVATE.filter((x) => !seen.includes(x))) expect(text, m).not.toContain(m);
    const { s } = playedOut();
    const view = viewFor(compiled, s.state, R.evaluator) as EvaluatorView;
    expect(view.ledger.map((e) => e.rule)).toEqual(['no-hack-back']);
  });

  it('the facilitator sees everything', () => {
    const text = json(R.facilitator);
    for (const m of [...ALL_PRIVATE, ...PUBLIC]) expect(text, m).toContain(m);
    const { s } = playedOut();
    const view = viewFor(compiled, s.state, R.facilitator) as FacilitatorView;
    expect(view.msel.find((m) => m.id === 'call')?.status).toBe('released');
    expect(view.variables.map((v) => v.id)).toContain('impact');
    expect(view.delegations).toHaveLength(3);
    expect(view.deadlines.map((d) => d.rule).sort()).toEqual(['ack-ping', 'ack-ping', 'answer-assistance']);
  });

  it('leaks no ids of other delegations’ pings', () => {
    const { s, kPing } = playedOut();
    expect(JSON.stringify(viewFor(compiled, s.state, R.norland))).not.toContain(`"${kPing}"`);
    expect(JSON.stringify(viewFor(compiled, s.state, R.vesteria))).toContain(`"${kPing}"`);
  });

  it('hides a deniable action’s author from its target, in the action list and the timeline', () => {
    const { s } = playedOut();
    const target = viewFor(compiled, s.state, R.vesteria) as DelegationView;
    const author = viewFor(compiled, s.state, R.norland) as DelegationView;
    expect(target.actions.find((a) => a.action === 'hack_back')?.by).toBeNull();
    expect(author.actions.find((a) => a.action === 'hack_back')?.by).toBe('norland');
    const entry = target.timeline.find((e) => e.kind === 'action' && e.ref === 'hack_back');
    expect(entry?.by).toBeNull();
    expect(viewFor(compiled, s.state, R.kestrel).actions.some((a) => a.action === 'hack_back')).toBe(false);
  });

  it('shows private actions to their author only, and recorded breaches to control only', () => {
    const { s } = playedOut();
    const vesteria = viewFor(compiled, s.state, R.vesteria) as DelegationView;
    const norland = viewFor(compiled, s.state, R.norland) as DelegationView;
    expect(vesteria.actions.some((a) => a.action === 'hunt')).toBe(true);
    expect(norland.actions.some((a) => a.action === 'hunt')).toBe(false);
    expect(norland.breaches).toEqual([]);
    expect(norland.timeline.some((e) => e.kind === 'rule.breached')).toBe(false);
  });

  it('shows per-pair values only to the pair’s parties, and hides control-only variables', () => {
    const { s } = playedOut();
    const kestrel = viewFor(compiled, s.state, R.kestrel) as DelegationView;
    const trust = kestrel.variables.find((v) => v.id === 'trust');
    expect(trust?.value).toBeNull();
    expect(trust?.pairs.every((p) => p.between.includes('kestrel'))).toBe(true);
    expect(trust?.pairs).toHaveLength(4);
    expect(kestrel.variables.some((v) => v.id === 'impact')).toBe(false);
  });

  it('gives a delegation its catalogue with the rules that would speak up, and its own ladder', () => {
    const { s } = playedOut();
    const norland = viewFor(compiled, s.state, R.norland) as DelegationView;
    expect(norland.catalogue.map((a) => a.id)).toEqual(compiled.delegations.get('norland')?.actions);
    expect(norland.catalogue.find((a) => a.id === 'public_attribution')?.rules).toEqual([
      { id: 'consult-first', title: 'Consult before attribution', mode: 'block' },
    ]);
    expect(norland.catalogue.find((a) => a.id === 'hack_back')?.rules).toEqual([]);
    expect(norland.ladder).toEqual({ current: 8, highest: 8 });
    expect(norland.parties.map((p) => p.id)).toEqual(['norland', 'vesteria', 'kestrel', 'press', 'bear']);
    expect(norland.deadlines.map((d) => [d.rule, d.status])).toEqual([['ack-ping', 'open']]);
  });
});

describe("the facilitator's view of the scenario", () => {
  it('lists the simulated parties with their actions, every phase in order, the endings, and inject texts as edited', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.edit('call', { body: 'The minister wants options by 11:00.' })));
    const v = viewFor(compiled, s.state, R.facilitator, s.now) as FacilitatorView;
    expect(v.actors.map((a) => [a.id, a.actions.map((x) => x.id)])).toEqual([
      ['press', ['news_report']],
      ['bear', ['ddos']],
    ]);
    expect(v.outline.map((p) => `${'-'.repeat(p.depth)}${p.id}`)).toEqual([
      'detection',
      '-triage',
      '-analysis',
      'response',
      'deescalation',
    ]);
    expect(v.endings.map((e) => [e.id, e.default])).toEqual([
      ['spiral', false],
      ['settlement', false],
      ['stalemate', true],
    ]);
    expect(v.msel.find((m) => m.id === 'call')?.body).toBe('The minister wants options by 11:00.');
  });
});

describe('objectives and rules for control and evaluators', () => {
  it('lists the objectives with their tags, and every rule with its current mode', () => {
    const s = session();
    const v = viewFor(compiled, s.state, R.evaluator, s.now) as EvaluatorView;
    expect(v.objectives.map((o) => [o.id, o.norms, o.cbms])).toEqual([
      ['poc', [], [8, 13]],
      ['restraint', ['a', 'b'], []],
    ]);
    expect(v.rules.find((r) => r.id === 'no-hack-back')).toMatchObject({ mode: 'record', norms: ['f', 'k'] });
    const f = viewFor(compiled, s.state, R.facilitator, s.now) as FacilitatorView;
    expect(f.rules.map((r) => r.id)).toEqual([
      'consult-first',
      'signal-first',
      'no-hack-back',
      'ack-ping',
      'answer-assistance',
    ]);
    expect(f.objectives).toEqual(v.objectives);
    const observer = viewFor(compiled, s.state, R.observer, s.now);
    expect('rules' in observer).toBe(false);
  });
});
