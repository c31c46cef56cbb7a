import { describe, expect, it } from 'vitest';
import { createRateWindow } from './rate.ts';

describe('rate window', () => {
  it('counts what happened in the last window only', () => {
    let t = 0;
    const w = createRateWindow({ seconds: 60, now: () => t });
    w.add(10);
    t = 59_999;
    w.add();
    expect(w.total()).toBe(11);
    expect(w.perMinute()).toBe(11);
    t = 60_000;
    expect(w.total()).toBe(1);
    t = 200_000;
    expect(w.total()).toBe(0);
    expect(w.perSecond()).toBe(0);
  });

  it('reuses a slot a full window later without keeping the old count', () => {
    let t = 5_000;
    const w = createRateWindow({ seconds: 10, now: () => t });
    w.add(7);
    t = 15_000; // same slot, next lap
    w.add(1);
    expect(w.total()).toBe(1);
    expect(w.perSecond()).toBeCloseTo(0.1, 9);
    expect(w.perMinute()).toBe(6);
  });
});
