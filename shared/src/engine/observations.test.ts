import { describe, expect, it } from 'vitest';
import { replay } from './reducer.ts';
import { C, compiled, idOf, ok, R, refusal, session } from './testKit.ts';
import { MINUTE } from './types.ts';
import { viewFor } from './view.ts';
import type { EvaluatorView, FacilitatorView } from './viewTypes.ts';

const texts = (v: { observations: readonly { text: string }[] }) => v.observations.map((o) => o.text);

describe('evaluator observations', () => {
  it('are stamped at the game time, with what they refer to, and replay to the same state', () => {
    const s = session();
    s.advanceBy(7);
    const id = idOf(
      s.submit(
        R.evaluator,
        C.observe('Ping answered late', {
          delegation: 'norland',
          objective: 'poc',
          inject: 'call',
          rating: 'partially',
        }),
      ),
    );
    const view = viewFor(compiled, s.state, R.facilitator) as FacilitatorView;
    expect(view.observations).toEqual([
      {
        id,
        seq: s.state.seq,
        at: 7 * MINUTE,
        by: 'evaluator',
        text: 'Ping answered late',
        objective: 'poc',
        inject: 'call',
        delegation: 'norland',
        rating: 'partially',
      },
    ]);
    expect(view.timeline.at(-1)).toMatchObject({
      kind: 'observation.recorded',
      ref: id,
      audience: { kind: 'control' },
    });
    expect(replay(compiled, s.events, s.options)).toEqual(s.state);
  });

  it('refuses observations on delegations the evaluator does not watch, and unknown references', () => {
    const s = session();
    expect(refusal(s.submit(R.evaluator, C.observe('x', { delegation: 'vesteria' })))).toEqual({
      code: 'not-allowed',
      message: 'You do not evaluate Vesteria',
      key: 'observation.notWatched',
      params: { party: 'vesteria' },
    });
    expect(refusal(s.submit(R.evaluator, C.observe('x', { delegation: 'frnace' }))).message).toBe(
      'Unknown delegation "frnace"',
    );
    expect(refusal(s.submit(R.evaluator, C.observe('x', { objective: 'nope' }))).message).toBe(
      'Unknown objective "nope"',
    );
    expect(refusal(s.submit(R.facilitator, C.observe('x', { inject: 'adhoc-99' }))).message).toBe(
      'Unknown inject "adhoc-99"',
    );
    ok(s.submit(R.evaluatorAll, C.observe('Vesteria held back', { delegation: 'vesteria' })));
  });

  it('accepts ad hoc injects the evaluator could see, and works while paused and after the end, not before start', () => {
    const s = session(undefined, false);
    expect(refusal(s.submit(R.evaluator, C.observe('Too early'))).message).toBe('The exercise has not started yet');
    ok(s.submit(R.facilitator, C.start()));
    const toNorland = idOf(s.submit(R.facilitator, C.write(['norland'], 'Ad hoc for Norland')));
    const toKestrel = idOf(s.submit(R.facilitator, C.write(['kestrel'], 'Ad hoc for Kestrel')));
    ok(s.submit(R.evaluator, C.observe('Read it', { inject: toNorland })));
    expect(refusal(s.submit(R.evaluator, C.observe('?', { inject: toKestrel }))).code).toBe('unknown');
    ok(s.submit(R.facilitator, C.pause()));
    ok(s.submit(R.evaluator, C.observe('During the pause')));
    ok(s.submit(R.facilitator, C.end()));
    ok(s.submit(R.evaluator, C.observe('Hot wash note')));
    expect(texts(viewFor(compiled, s.state, R.facilitator) as FacilitatorView)).toEqual([
      'Read it',
      'During the pause',
      'Hot wash note',
    ]);
  });

  it('are seen by the facilitator and by evaluators of that delegation (general ones by all), by nobody else', () => {
    const s = session();
    ok(s.submit(R.evaluator, C.observe('OBS-NORLAND', { delegation: 'norland' })));
    ok(s.submit(R.evaluatorAll, C.observe('OBS-VESTERIA', { delegation: 'vesteria' })));
    ok(s.submit(R.facilitator, C.observe('OBS-GENERAL')));
    const all = ['OBS-NORLAND', 'OBS-VESTERIA', 'OBS-GENERAL'];
    expect(texts(viewFor(compiled, s.state, R.facilitator) as FacilitatorView)).toEqual(all);
    expect(texts(viewFor(compiled, s.state, R.evaluatorAll) as EvaluatorView)).toEqual(all);
    expect(texts(viewFor(compiled, s.state, R.evaluator) as EvaluatorView)).toEqual(['OBS-NORLAND', 'OBS-GENERAL']);
    for (const role of [R.norland, R.vesteria, R.kestrel, R.observer]) {
      const json = JSON.stringify(viewFor(compiled, s.state, role));
      for (const marker of all) expect(json, `${role.kind} sees ${marker}`).not.toContain(marker);
      expect(json).not.toContain('observation');
    }
  });
});
