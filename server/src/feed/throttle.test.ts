import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function rig(intervalMs = 250) {
  const state: Record<string, number> = {};
  const runs: [string, number][] = [];
  const throttle = createThrottle(
    (key) => runs.push([key, state[key] ?? 0]),
    intervalMs,
    () => Date.now(),
  );
  return { state, runs, throttle };
}

describe('throttle', () => {
  it('runs the first request at once and collapses the rest into one trailing run on the latest state', () => {
    const { state, runs, throttle } = rig();
    for (let v = 1; v <= 10; v++) {
      state.ex1 = v;
      throttle.request('ex1');
      vi.advanceTimersByTime(10);
    }
    expect(runs).toEqual([['ex1', 1]]);
    vi.advanceTimersByTime(150);
    expect(runs).toEqual([
      ['ex1', 1],
      ['ex1', 10],
    ]);
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(2);
  });

  it('never runs a key more often than once per interval over a long stream', () => {
    const { state, runs, throttle } = rig(250);
    for (let t = 0; t < 2000; t += 20) {
      state.ex1 = t;
      throttle.request('ex1');
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(250);
    expect(runs.length).toBeLessThanOrEqual(2000 / 250 + 1);
    expect(runs.at(-1)).toEqual(['ex1', 1980]);
  });

  it('throttles each key on its own', () => {
    const { runs, throttle } = rig();
    throttle.request('ex1');
    throttle.request('ex2');
    throttle.request('ex1');
    expect(runs.map(([k]) => k)).toEqual(['ex1', 'ex2']);
    vi.advanceTimersByTime(250);
    expect(runs.map(([k]) => k)).toEqual(['ex1', 'ex2', 'ex1']);
  });

  it('flush runs what is pending now; cancel drops it', () => {
    const { runs, throttle } = rig();
    throttle.request('ex1');
    throttle.request('ex1');
    throttle.flush();
    expect(runs).toHaveLength(2);
    throttle.request('ex1');
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(2);
  });
});
