import { describe, expect, it } from 'vitest';
import { nextRng, Rng, seedRng } from './rng.ts';

describe('seeded rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('keeps its state as plain numbers that survive JSON and resume the sequence', () => {
    const rng = new Rng(7);
    rng.next();
    const saved = JSON.parse(JSON.stringify(rng.state));
    const resumed = new Rng(saved);
    expect(Array.from({ length: 5 }, () => resumed.next())).toEqual(Array.from({ length: 5 }, () => rng.next()));
  });

  it('is pure: nextRng does not change its input', () => {
    const s = seedRng(1);
    const copy = { ...s };
    const [v1] = nextRng(s);
    const [v2] = nextRng(s);
    expect(v1).toBe(v2);
    expect(s).toEqual(copy);
  });

  it('draws floats in [0, 1) spread over the range, and integers within bounds', () => {
    const rng = new Rng(123);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10000; i++) {
      const v = rng.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      buckets[Math.floor(v * 10)]++;
    }
    for (const n of buckets) expect(n).toBeGreaterThan(850);
    const ints = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffles without losing elements and picks only from the list', () => {
    const rng = new Rng(5);
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(rng.shuffle(items).sort()).toEqual(items);
    expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(/empty/);
  });
});
