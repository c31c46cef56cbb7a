import type { ObserverView } from '@parley/shared';
import { C, ok, R, session } from '@parley/shared/engine/testKit.ts';
import { describe, expect, it } from 'vitest';
import { isVisibleChange, metricsOf, updateOf } from './compact.ts';
import type { ExerciseStats } from './types.ts';

const picture = (s: ReturnType<typeof session>) => ({
  seq: s.state.seq,
  view: s.view({ kind: 'observer' }) as ObserverView,
});

const stats: ExerciseStats = {
  clients: { facilitator: 1, delegation: 2, evaluator: 0, observer: 4 },
  commandsPerMinute: 30,
  refusedPerMinute: 2,
  breaches: 1,
};

describe('feed payloads', () => {
  it('an update carries the items newer than `since` and the small parts whole', () => {
    const s = session();
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'old')));
    const since = s.state.seq;
    ok(s.submit(R.vesteria, C.say({ kind: 'public' }, 'new')));
    const u = updateOf('ex1', picture(s), since);
    expect(u.since).toBe(since);
    expect(u.seq).toBe(s.state.seq);
    expect(u.messages.map((m) => m.text)).toEqual(['new']);
    expect(u.timeline.every((e) => e.seq > since)).toBe(true);
    expect(u.clock.status).toBe('running');
    expect(u.seats.map((p) => p.id)).toEqual(expect.arrayContaining(['norland', 'vesteria', 'kestrel']));
    expect(u.variables.map((v) => v.id)).toContain('escalation');
  });

  it('an update with nothing new to see is not a visible change', () => {
    const s = session();
    const first = updateOf('ex1', picture(s), 0);
    ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'private')));
    const quiet = updateOf('ex1', picture(s), first.seq);
    expect(isVisibleChange(quiet, first)).toBe(false);
    ok(s.submit(R.facilitator, C.pause()));
    expect(isVisibleChange(updateOf('ex1', picture(s), first.seq), first)).toBe(true);
    expect(isVisibleChange(quiet, null)).toBe(true);
  });

  it('metrics name the innermost phase and the public escalation; trust hidden from the public stays null', () => {
    const s = session();
    const m = metricsOf('ex1', picture(s), stats, 42);
    expect(m).toMatchObject({ exerciseId: 'ex1', at: 42, phase: 'triage', escalation: 2, trust: null, breaches: 1 });
    expect(m.clock).toEqual({ now: 0, speed: 1 });
    expect(metricsOf('ex1', null, stats, 42)).toMatchObject({
      status: null,
      clock: null,
      phase: null,
      escalation: null,
    });
  });
});
