import type { VariableView } from '@parley/shared/engine/viewTypes.ts';
import { describe, expect, it } from 'vitest';
import { buildAdjudicate, buildAdjust, emptyChange, pairsByValue, share } from './worldForms.ts';

const world: VariableView = {
  id: 'public_pressure',
  label: 'Public pressure',
  description: null,
  scope: 'world',
  min: 0,
  max: 10,
  value: 4,
  pairs: [],
};
const pair: VariableView = {
  ...world,
  id: 'trust',
  label: 'Trust',
  scope: 'pair',
  pairs: [
    { between: ['a', 'b'], value: 2 },
    { between: ['a', 'c'], value: 7 },
  ],
};
const vars = [world, pair];

describe('adjusting a variable', () => {
  it('adds or sets a world value, with a reason', () => {
    expect(buildAdjust({ ...emptyChange('public_pressure'), amount: '2' }, ' Riots ', vars)).toEqual({
      ok: true,
      command: { type: 'variable.adjust', var: 'public_pressure', add: 2, reason: 'Riots' },
    });
    const set = buildAdjust({ ...emptyChange('public_pressure'), how: 'set', amount: '7,5' }, 'Ruling', vars);
    expect(set.ok && set.command).toMatchObject({ set: 7.5 });
  });

  it('needs a pair of two different parties for a per-pair variable', () => {
    const row = { ...emptyChange('trust'), amount: '-1' };
    expect(buildAdjust(row, 'x', vars)).toEqual({ ok: false, problems: { change: 'pair' } });
    expect(buildAdjust({ ...row, a: 'a', b: 'a' }, 'x', vars)).toEqual({ ok: false, problems: { change: 'pairSame' } });
    const ok = buildAdjust({ ...row, a: 'a', b: 'b' }, 'x', vars);
    expect(ok.ok && ok.command).toMatchObject({ var: 'trust', pair: ['a', 'b'], add: -1 });
  });

  it('refuses a missing reason, a non-number, adding nothing and a value outside the range', () => {
    expect(buildAdjust({ ...emptyChange('public_pressure'), amount: 'lots' }, '', vars)).toEqual({
      ok: false,
      problems: { change: 'amount', reason: 'reasonRequired' },
    });
    expect(buildAdjust({ ...emptyChange('public_pressure'), amount: '0' }, 'r', vars).ok).toBe(false);
    const high = buildAdjust({ ...emptyChange('public_pressure'), how: 'set', amount: '11' }, 'r', vars);
    expect(high).toEqual({ ok: false, problems: { change: 'outOfRange' } });
  });
});

describe('adjudicating', () => {
  it('sends the ruling with its changes and an optional phase', () => {
    const rows = [{ ...emptyChange('public_pressure'), amount: '-2' }];
    expect(buildAdjudicate(' The démarche lands. ', rows, 'attribution', vars)).toEqual({
      ok: true,
      command: {
        type: 'adjudicate',
        ruling: 'The démarche lands.',
        effects: [{ var: 'public_pressure', add: -2 }],
        phase: 'attribution',
      },
    });
    const plain = buildAdjudicate('Noted.', [], '', vars);
    expect(plain.ok && plain.command).toEqual({ type: 'adjudicate', ruling: 'Noted.', effects: [] });
  });

  it('needs a ruling and well-formed changes', () => {
    expect(buildAdjudicate('', [emptyChange('trust')], '', vars)).toEqual({
      ok: false,
      problems: { ruling: 'rulingRequired', effects: 'amount' },
    });
  });
});

describe('showing variables', () => {
  it('lists pairs tensest first and places a value within its range', () => {
    expect(pairsByValue(pair).map((p) => p.value)).toEqual([7, 2]);
    expect(share(4, world)).toBe(0.4);
    expect(share(12, world)).toBe(1);
  });
});
