import { describe, expect, it } from 'vitest';
import { compiled } from './testKit.ts';
import { applyChanges, initialVars, pairKey, resolveEffects, variableValue } from './world.ts';

const trust = compiled.variables.get('trust');
const escalation = compiled.variables.get('escalation');

describe('world variables', () => {
  it('starts from initial values, with per-pair overrides and the overall value', () => {
    const vars = initialVars(compiled);
    expect(vars.world.escalation).toBe(2);
    expect(vars.pairs.trust?.[pairKey('vesteria', 'norland')]).toBe(4);
    expect(vars.pairs.trust?.[pairKey('norland', 'kestrel')]).toBe(5);
    // 5 parties → 10 pairs; one at 4, nine at 5: mean 4.9
    expect(vars.overall.trust).toBeCloseTo(4.9);
  });

  it('clamps to the range and keeps the pair key independent of order', () => {
    let vars = initialVars(compiled);
    vars = applyChanges(vars, [{ var: 'escalation', add: 50 }], compiled);
    expect(vars.world.escalation).toBe(10);
    vars = applyChanges(vars, [{ var: 'trust', pair: ['vesteria', 'norland'], set: -3 }], compiled);
    expect(trust && variableValue(vars, trust, ['norland', 'vesteria'])).toBe(0);
    expect(escalation && variableValue(vars, escalation)).toBe(10);
  });

  it('leaves the input untouched and returns it when nothing changes', () => {
    const vars = initialVars(compiled);
    const copy = structuredClone(vars);
    const same = applyChanges(vars, [{ var: 'escalation', add: 0 }], compiled);
    expect(same).toBe(vars);
    applyChanges(vars, [{ var: 'escalation', add: 1 }], compiled);
    expect(vars).toEqual(copy);
  });

  it('applies a pair change without a pair to every pair', () => {
    const vars = applyChanges(initialVars(compiled), [{ var: 'trust', add: 1 }], compiled);
    expect(Object.values(vars.pairs.trust ?? {})).toEqual(expect.arrayContaining([5, 6]));
    expect(vars.overall.trust).toBeCloseTo(5.9);
  });

  it('binds $actor, $target once per target, and $signatory to every pair of signatories', () => {
    const changes = resolveEffects(
      [
        { var: 'trust', pair: ['$actor', '$target'], add: -1 },
        { var: 'escalation', add: 1 },
      ],
      { actor: 'norland', targets: ['vesteria', 'kestrel'] },
    );
    expect(changes).toEqual([
      { var: 'trust', pair: ['norland', 'vesteria'], add: -1 },
      { var: 'trust', pair: ['kestrel', 'norland'], add: -1 },
      { var: 'escalation', add: 1 },
    ]);
    const signed = resolveEffects([{ var: 'trust', pair: ['$signatory', '$signatory'], add: 2 }], {
      signatories: ['a', 'b', 'c'],
    });
    expect(signed.map((c) => c.pair)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });
});
