import { C, ok, R, session } from '@parley/shared/engine/testKit.ts';
import type { EvaluatorView } from '@parley/shared/engine/viewTypes.ts';
import { describe, expect, it } from 'vitest';
import { activityCounts, activityOf, ruleTitles } from './activity.ts';
import { injectChoices } from './observations.ts';

function played() {
  const s = session();
  ok(s.submit(R.norland, C.ping('vesteria', 'Please confirm receipt')));
  ok(
    s.submit(R.norland, { type: 'assess', severity: 3, suspect: 'vesteria', confidence: 'low', note: 'Looks staged' }),
  );
  ok(s.submit(R.vesteria, C.say({ kind: 'bilateral', with: 'norland' }, 'We are looking into it')));
  ok(s.submit(R.facilitator, C.write(['norland'], 'For Norland only', 'email', 'Private lead')));
  ok(s.submit(R.norland, C.act('hack_back', ['vesteria'])));
  return s.view(R.evaluator) as EvaluatorView;
}

describe("a watched delegation's activity", () => {
  it('lists its actions, assessments, messages it sees and rule events, newest first', () => {
    const view = played();
    const items = activityOf(view, 'norland');
    expect(items.map((i) => i.kind)).toEqual(['rule', 'action', 'message', 'assessment']);
    expect(items.map((i) => i.seq)).toEqual([...items.map((i) => i.seq)].sort((a, b) => b - a));
    const rule = items[0];
    expect(rule?.kind === 'rule' && rule.entry.rule).toBe('no-hack-back');
    expect(activityCounts(view, 'norland')).toEqual({ actions: 1, breaches: 1, met: 0, missed: 0 });
    expect(activityOf(view, 'vesteria')).toEqual([]);
  });

  it('offers the injects the watched delegations received, newest first, once each', () => {
    const view = played();
    const titles = injectChoices(view).map((d) => d.title);
    expect(titles[0]).toBe('Private lead');
    expect(new Set(injectChoices(view).map((d) => d.id)).size).toBe(titles.length);
  });

  it('names the rules the view knows', () => {
    expect([...ruleTitles(played()).keys()]).toContain('ack-ping');
  });
});
