/** The simulation driver: reproducible, replayable, bounded in time, with a scripted facilitator. */
import { describe, expect, it } from 'vitest';
import { replay } from '../engine/reducer.ts';
import { MINUTE } from '../engine/types.ts';
import { simulate } from './simulate.ts';
import { compiledFixture } from './testing.ts';

const c = compiledFixture();

describe('simulate', () => {
  it('plays the same run for the same seed', () => {
    const a = simulate(c, { seed: 7, policies: 'random' });
    const b = simulate(c, { seed: 7, policies: 'random' });
    expect(a.events.length).toBeGreaterThan(20);
    expect(b.events).toEqual(a.events);
    expect(b.ending).toEqual(a.ending);
  });

  it('plays different runs for different seeds', () => {
    const runs = [1, 2, 3].map((seed) => JSON.stringify(simulate(c, { seed, policies: 'random' }).events));
    expect(new Set(runs).size).toBe(3);
  });

  it('logs a run that replays to the same final state', () => {
    for (const policies of ['cooperative', 'hawkish', 'random', undefined] as const) {
      const run = simulate(c, { seed: 5, policies });
      expect(replay(c, run.events, { seed: 5 })).toEqual(run.state);
    }
  });

  it('starts play, releases manual injects after a few minutes and never adjudicates', () => {
    const run = simulate(c, { seed: 1, policies: 'passive' });
    const control = run.events.filter((e) => e.role.kind === 'facilitator');
    expect(control.map((e) => e.type)).toEqual(['exercise.start', 'inject.release']);
    expect(control[1]?.at).toBe(5 * MINUTE);
    expect(run.state.injects['ping-reminder']?.status).toBe('released');
  });

  it('ends at an ending, and the engine ends play at the time limit', () => {
    const quick = simulate(c, { seed: 1, policies: 'hawkish' });
    expect(quick.ending).toMatchObject({ id: 'escalation-spiral', how: 'condition' });
    const limited = simulate(
      compiledFixture((s) => {
        s.timeLimit = 30;
      }),
      { seed: 1, policies: 'passive' },
    );
    expect(limited.ending).toMatchObject({ id: 'stalemate', how: 'time-limit', at: 30 * MINUTE });
  });

  it('has the facilitator end play when a scenario without a time limit runs long', () => {
    const open = compiledFixture((s) => {
      delete s.timeLimit;
      for (const p of s.phases) delete p.onTimeout;
    });
    const run = simulate(open, { seed: 1, policies: 'passive' });
    expect(run.ending).toMatchObject({ id: 'stalemate', how: 'facilitator', at: 90 * MINUTE });
    const short = simulate(open, { seed: 1, policies: 'passive', maxMinutes: 12, stepMinutes: 3 });
    expect(short.ending).toMatchObject({ how: 'facilitator', at: 12 * MINUTE });
  });

  it('gives each bot a turn every step, all of them at the same game time', () => {
    const run = simulate(c, { seed: 2, policies: 'cooperative', stepMinutes: 3 });
    const times = new Set(run.events.filter((e) => e.role.kind === 'delegation').map((e) => e.at / MINUTE));
    expect([...times].every((t) => t % 3 === 0)).toBe(true);
  });
});
