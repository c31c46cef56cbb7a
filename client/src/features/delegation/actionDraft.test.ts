import type { CatalogueEntry, PartyCard } from '@parley/shared/engine/viewTypes.ts';
import { describe, expect, it } from 'vitest';
import {
  draftCommand,
  draftGaps,
  EMPTY_DRAFT,
  eligibleTargets,
  optionLabel,
  setParam,
  toggleTarget,
} from './actionDraft.ts';
import { costLine } from './cost.ts';

const action = (over: Partial<CatalogueEntry>): CatalogueEntry => ({
  id: 'public_attribution',
  label: 'Public attribution',
  command: 'signal',
  channel: 'public',
  visibility: 'public',
  targets: { min: 1, max: 1, kinds: ['state'] },
  params: [],
  effects: [],
  rung: 5,
  deniable: false,
  norms: [],
  cbms: [],
  rules: [],
  ...over,
});

const party = (id: string, kind: PartyCard['kind']): PartyCard => ({
  id,
  name: id,
  kind,
  seated: true,
  briefing: null,
  color: null,
});

const parties = [party('veldmark', 'state'), party('dravonia', 'state'), party('rgcc', 'international-organisation')];

describe('an action being filled in', () => {
  it('offers every other party of the kinds the action allows', () => {
    expect(eligibleTargets(action({}), parties, 'veldmark').map((p) => p.id)).toEqual(['dravonia']);
    const open = action({ targets: { min: 0, max: 2 } });
    expect(eligibleTargets(open, parties, 'veldmark').map((p) => p.id)).toEqual(['dravonia', 'rgcc']);
  });

  it('swaps the target of a single-target action and stops at the maximum of a multi-target one', () => {
    const one = toggleTarget(toggleTarget(EMPTY_DRAFT, 'dravonia', 1), 'rgcc', 1);
    expect(one.targets).toEqual(['rgcc']);
    const two = toggleTarget(toggleTarget(toggleTarget(EMPTY_DRAFT, 'a', 2), 'b', 2), 'c', 2);
    expect(two.targets).toEqual(['a', 'b']);
    expect(toggleTarget(two, 'a', 2).targets).toEqual(['b']);
  });

  it('lists what is missing: targets, required parameters, numbers out of range', () => {
    const a = action({
      params: [
        { id: 'confidence', label: 'Stated confidence', type: 'confidence', required: true },
        { id: 'line', label: 'Key message', type: 'text', required: false },
        { id: 'days', label: 'Days', type: 'number', required: false, min: 1, max: 30 },
      ],
    });
    expect(draftGaps(a, EMPTY_DRAFT)).toEqual([
      { kind: 'targets', min: 1, max: 1 },
      { kind: 'required', param: 'confidence' },
    ]);
    const filled = setParam(setParam(toggleTarget(EMPTY_DRAFT, 'dravonia', 1), 'confidence', 'high'), 'days', '40');
    expect(draftGaps(a, filled)).toEqual([{ kind: 'number', param: 'days', min: 1, max: 30 }]);
    expect(draftGaps(a, setParam(filled, 'days', '3'))).toEqual([]);
  });

  it('becomes a signal or an action command, numbers as numbers, blanks left out', () => {
    const a = action({
      params: [
        { id: 'line', label: 'Key message', type: 'text', required: false },
        { id: 'days', label: 'Days', type: 'number', required: false },
        { id: 'note', label: 'Note', type: 'text', required: false },
      ],
    });
    const draft = setParam(
      setParam(setParam(toggleTarget(EMPTY_DRAFT, 'dravonia', 1), 'line', ' Calm '), 'days', '3'),
      'note',
      ' ',
    );
    expect(draftCommand(a, draft)).toEqual({
      type: 'signal.send',
      action: 'public_attribution',
      targets: ['dravonia'],
      params: { line: 'Calm', days: 3 },
    });
    expect(draftCommand(action({ command: 'act' }), EMPTY_DRAFT).type).toBe('action.take');
  });

  it('writes choice options in words', () => {
    expect(optionLabel('seize_servers')).toBe('Seize servers');
    expect(optionLabel('knowingly-allowed')).toBe('Knowingly allowed');
  });
});

describe('a cost in words', () => {
  const names = {
    variable: (id: string) => ({ trust: 'Trust', public_pressure: 'Public pressure' })[id] ?? id,
    party: (id: string) => id.toUpperCase(),
    number: (n: number) => String(n),
  };

  it('names the indicator and the pair, with a signed amount', () => {
    expect(costLine({ var: 'trust', pair: ['veldmark', 'dravonia'], add: -2 }, names)).toEqual({
      variable: 'Trust',
      pair: 'VELDMARK – DRAVONIA',
      amount: '\u22122',
      direction: 'down',
    });
    expect(costLine({ var: 'public_pressure', add: 1 }, names)).toEqual({
      variable: 'Public pressure',
      pair: null,
      amount: '+1',
      direction: 'up',
    });
    expect(costLine({ var: 'public_pressure', set: 4 }, names).amount).toBe('= 4');
    const mine = { ...names, me: 'veldmark' };
    expect(costLine({ var: 'trust', pair: ['dravonia', 'veldmark'], add: 1 }, mine).pair).toBe('VELDMARK – DRAVONIA');
  });
});
