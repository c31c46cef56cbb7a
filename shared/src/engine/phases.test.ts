import { describe, expect, it } from 'vitest';
import { listFilter } from './persist.ts';
import { C, compiled, ok, R, session } from './testKit.ts';
import { dueTimers, nextDueAt } from './timers.ts';

const MIN = 60_000;
const entered = (s: ReturnType<typeof session>) =>
  listFilter(s.state.journal, (e) => e.kind === 'phase.entered').map((e) => e.ref);

describe('the phase statechart', () => {
  it('starts in the first phase and its initial sub-phase', () => {
    const s = session();
    expect(s.state.phase.active).toEqual(['detection', 'triage']);
    expect(s.state.phase.value).toEqual({ detection: 'triage' });
    expect(entered(s)).toEqual(['detection', 'triage']);
  });

  it('moves between nested phases on a condition, keeping the parent’s entry time', () => {
    const s = session();
    s.advanceBy(3);
    ok(s.submit(R.norland, C.assess(3)));
    expect(s.state.phase.active).toEqual(['detection', 'analysis']);
    expect(s.state.phase.enteredAt).toEqual({ detection: 0, analysis: 3 * MIN });
    ok(s.submit(R.norland, C.act('share_iocs', ['vesteria'])));
    expect(s.state.phase.active).toEqual(['detection', 'analysis']);
    ok(s.submit(R.vesteria, C.act('share_iocs', ['norland'])));
    expect(s.state.phase.active).toEqual(['response']);
    expect(entered(s)).toEqual(['detection', 'triage', 'analysis', 'response']);
  });

  it('fires a time condition when nobody acts (elapsed since entering triage)', () => {
    const s = session();
    expect(nextDueAt(compiled, s.state)).toBe(5 * MIN);
    const events = s.advanceBy(12);
    expect(events.map((e) => (e.type === 'timer.fire' ? e.timer.kind : e.type))).toContain('condition');
    expect(s.state.phase.active).toEqual(['detection', 'analysis']);
    expect(s.state.phase.enteredAt.analysis).toBe(10 * MIN);
  });

  it('runs out a time box into the next phase and triggers its onEnter inject', () => {
    const s = session();
    s.advanceBy(30);
    expect(s.state.phase.active).toEqual(['response']);
    expect(s.state.phase.enteredAt.response).toBe(30 * MIN);
    expect(s.state.injects.statement?.status).toBe('released');
    expect(s.state.vars.world.pressure).toBe(4);
  });

  it('ends play when a time box with an ending runs out', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.adjudicate('Straight to response', [], 'response')));
    s.advanceBy(40);
    expect(s.state.status).toBe('ended');
    expect(s.state.ending).toEqual({ id: 'stalemate', at: 40 * MIN, how: 'timeout', note: null });
  });

  it('moves where the facilitator adjudicates, nested or not', () => {
    const s = session();
    s.advanceBy(2);
    ok(s.submit(R.facilitator, C.adjudicate('Analysis now', [], 'analysis')));
    expect(s.state.phase.active).toEqual(['detection', 'analysis']);
    expect(s.state.phase.enteredAt.detection).toBe(0);
    ok(s.submit(R.facilitator, C.adjudicate('Back to triage', [], 'triage')));
    expect(s.state.phase.active).toEqual(['detection', 'triage']);
    ok(s.submit(R.facilitator, C.adjudicate('Response', [], 'response')));
    expect(s.state.phase.active).toEqual(['response']);
    ok(s.submit(R.facilitator, C.adjudicate('Restart detection', [], 'detection')));
    expect(s.state.phase.active).toEqual(['detection', 'triage']);
    expect(s.state.phase.enteredAt.detection).toBe(2 * MIN);
  });

  it('lists pending timers in firing order with a deterministic tie-break', () => {
    const s = session();
    ok(s.submit(R.norland, C.ping('vesteria')));
    ok(s.submit(R.kestrel, C.ping('vesteria')));
    const timers = dueTimers(compiled, s.state);
    expect(timers.map((t) => [t.at / MIN, t.timer.kind])).toEqual([
      [5, 'inject'],
      [7.5, 'reminder'],
      [7.5, 'reminder'],
      [10, 'deadline'],
      [10, 'deadline'],
      [10, 'condition'],
      [25, 'inject'],
      [30, 'timebox'],
      [90, 'timeLimit'],
    ]);
    expect(dueTimers(compiled, s.state, 7.5 * MIN)).toHaveLength(3);
  });
});

describe('endings', () => {
  it('by a transition with `end` (de-escalation lasting five minutes)', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.adjudicate('Talks start', [], 'deescalation')));
    s.advanceBy(4);
    expect(s.state.status).toBe('running');
    s.advanceBy(1);
    expect(s.state.ending).toEqual({ id: 'settlement', at: 5 * MIN, how: 'transition', note: null });
  });

  it('by a condition, checked after every event', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.adjust('pressure', { set: 9 })));
    expect(s.state.status).toBe('running');
    ok(s.submit(R.facilitator, C.actorAct('press', 'news_report')));
    expect(s.state.ending).toMatchObject({ id: 'spiral', how: 'condition' });
    expect(s.advanceBy(10)).toEqual([]);
  });

  it('by the time limit, with the default ending', () => {
    const s = session({ seed: 1 }, false);
    ok(s.submit(R.facilitator, C.start()));
    // Keep every time box from ending play by restarting detection before it runs out.
    s.advanceBy(30);
    ok(s.submit(R.facilitator, C.adjudicate('Hold', [], 'detection')));
    s.advanceBy(29);
    ok(s.submit(R.facilitator, C.adjudicate('Hold', [], 'detection')));
    s.advanceBy(40);
    expect(s.state.ending).toEqual({ id: 'stalemate', at: 90 * MIN, how: 'time-limit', note: null });
  });

  it('by the facilitator at any time', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.end('spiral')));
    expect(s.state.ending).toMatchObject({ id: 'spiral', how: 'facilitator' });
    expect(nextDueAt(compiled, s.state)).toBeNull();
  });
});
