import { describe, expect, it } from 'vitest';
import type { Condition } from '../scenario/schema.ts';
import { type Bindings, compileCondition, nextElapsedThreshold } from './conditions.ts';
import type { ExerciseState } from './state.ts';
import { C, compiled, idOf, ok, R, session } from './testKit.ts';

const MIN = 60_000;
const holds = (state: ExerciseState, cond: Condition, b: Bindings = {}, at = state.now) =>
  compileCondition(cond, compiled).test({ state, at }, b);

describe('conditions', () => {
  it('count actions by party, target, lists and bounds', () => {
    const s = session();
    ok(s.submit(R.norland, C.act('share_iocs', ['vesteria'])));
    ok(s.submit(R.norland, C.act('share_iocs', ['kestrel'])));
    ok(s.submit(R.vesteria, C.act('share_iocs', ['norland'])));
    const st = s.state;
    expect(holds(st, { action: 'share_iocs', atLeast: 3 })).toBe(true);
    expect(holds(st, { action: 'share_iocs', atLeast: 4 })).toBe(false);
    expect(holds(st, { action: 'share_iocs', by: 'norland', atLeast: 2 })).toBe(true);
    expect(holds(st, { action: 'share_iocs', by: 'norland', to: 'kestrel', atLeast: 1 })).toBe(true);
    expect(holds(st, { action: 'share_iocs', to: 'norland', atLeast: 2 })).toBe(false);
    expect(holds(st, { action: 'share_iocs', by: ['kestrel', 'vesteria'], atLeast: 1 })).toBe(true);
    expect(holds(st, { action: ['hunt', 'share_iocs'], by: 'norland', atLeast: 1, atMost: 1 })).toBe(false);
    expect(
      holds(
        st,
        { action: 'share_iocs', by: '$actor', to: '$target', atLeast: 1 },
        { actor: 'vesteria', target: 'norland' },
      ),
    ).toBe(true);
    expect(
      holds(
        st,
        { action: 'share_iocs', by: '$actor', to: '$target', atLeast: 1 },
        { actor: 'vesteria', target: 'kestrel' },
      ),
    ).toBe(false);
    // Unbound $target matches any target.
    expect(holds(st, { action: 'share_iocs', by: '$actor', to: '$target', atLeast: 2 }, { actor: 'norland' })).toBe(
      true,
    );
  });

  it('count built-in actions too (a ping, its acknowledgement towards the sender)', () => {
    const s = session();
    const ping = idOf(s.submit(R.norland, C.ping('vesteria')));
    ok(s.submit(R.vesteria, C.ack(ping)));
    expect(holds(s.state, { action: 'poc.ping', by: 'norland', to: 'vesteria', atLeast: 1 })).toBe(true);
    expect(holds(s.state, { action: 'poc.ack', by: 'vesteria', to: 'norland', atLeast: 1 })).toBe(true);
  });

  it('compare world, pair and overall values; combine with all/any/not', () => {
    const st = session().state;
    expect(holds(st, { var: 'escalation', gte: 2, lt: 3 })).toBe(true);
    expect(holds(st, { var: 'escalation', gt: 2 })).toBe(false);
    expect(holds(st, { var: 'trust', pair: ['vesteria', 'norland'], eq: 4 })).toBe(true);
    expect(
      holds(st, { var: 'trust', pair: ['$actor', '$target'], eq: 4 }, { actor: 'norland', target: 'vesteria' }),
    ).toBe(true);
    expect(holds(st, { var: 'trust', pair: ['$actor', '$target'], eq: 4 }, { actor: 'norland' })).toBe(false);
    expect(holds(st, { var: 'trust', lt: 5 })).toBe(true); // mean 4.9
    expect(holds(st, { all: [{ var: 'escalation', eq: 2 }, { not: { var: 'pressure', eq: 2 } }] })).toBe(true);
    expect(holds(st, { any: [{ var: 'escalation', eq: 9 }, { phase: 'nowhere' }] })).toBe(false);
  });

  it('see active phases with their ancestors, and time since the start or since entering a phase', () => {
    const s = session();
    s.advanceBy(4);
    ok(s.submit(R.norland, C.assess(3)));
    const st = s.state;
    expect(holds(st, { phase: 'detection' })).toBe(true);
    expect(holds(st, { phase: 'analysis' })).toBe(true);
    expect(holds(st, { phase: 'triage' })).toBe(false);
    expect(holds(st, { elapsed: { gte: 4 } })).toBe(true);
    expect(holds(st, { elapsed: { gte: 2 }, since: 'analysis' }, {}, 6 * MIN)).toBe(true);
    expect(holds(st, { elapsed: { gt: 2 }, since: 'analysis' }, {}, 6 * MIN)).toBe(false);
    expect(holds(st, { elapsed: { gte: 0 }, since: 'triage' })).toBe(false);
  });

  it('see released injects, signed texts, breaches and latest assessments', () => {
    const s = session();
    expect(holds(s.state, { released: 'alert' })).toBe(true);
    expect(holds(s.state, { released: 'blackout' })).toBe(false);
    const p = idOf(s.submit(R.norland, C.propose(['norland', 'vesteria'])));
    for (const r of [R.norland, R.vesteria]) ok(s.submit(r, C.accept(p, 1)));
    for (const r of [R.norland, R.vesteria]) ok(s.submit(r, C.sign(p)));
    expect(holds(s.state, { signed: 'restraint' })).toBe(true);
    expect(holds(s.state, { signed: 'restraint', by: ['vesteria'] })).toBe(true);
    expect(holds(s.state, { signed: 'restraint', by: ['kestrel'] })).toBe(false);
    ok(s.submit(R.norland, C.act('sanctions', ['vesteria'], { severity: 1 })));
    ok(s.submit(R.norland, C.act('sanctions', ['vesteria'], { severity: 1 })));
    expect(holds(s.state, { breached: 'signal-first', atLeast: 2 })).toBe(true);
    expect(holds(s.state, { breached: 'signal-first', by: 'vesteria' })).toBe(false);
    ok(s.submit(R.vesteria, C.assess(4, 'bear', 'medium')));
    expect(holds(s.state, { assessed: 'vesteria', severity: { gte: 4 }, suspect: 'bear', confidence: 'low' })).toBe(
      true,
    );
    expect(holds(s.state, { assessed: 'vesteria', confidence: 'high' })).toBe(false);
    expect(holds(s.state, { assessed: 'kestrel' })).toBe(false);
  });

  it('find the next moment an elapsed test can change', () => {
    const st = session().state;
    const leaves = compileCondition(
      { any: [{ elapsed: { gt: 3 } }, { elapsed: { lte: 1.5 }, since: 'triage' }] },
      compiled,
    ).elapsed;
    expect(nextElapsedThreshold(leaves, st, 0)).toBe(1.5 * MIN + 1);
    expect(nextElapsedThreshold(leaves, st, 2 * MIN)).toBe(3 * MIN + 1);
    expect(nextElapsedThreshold(leaves, st, 4 * MIN)).toBeNull();
  });
});
