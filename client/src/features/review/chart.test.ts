import { describe, expect, it } from 'vitest';
import { changes, linearScale, phaseBands, stepPath, timeTicks, valueAt, valueTicks } from './chart.ts';

const MIN = 60_000;
const pt = (seq: number, at: number, value: number) => ({ seq, at, value });

describe('chart geometry', () => {
  it('maps a domain onto a range, inverted for the value axis', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect([y(0), y(5), y(10)]).toEqual([200, 100, 0]);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });

  it('puts round value ticks inside the range', () => {
    expect(valueTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueTicks(1, 9, 4)).toEqual([2, 4, 6, 8]);
    expect(valueTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(valueTicks(5, 5)).toEqual([5]);
  });

  it('puts time ticks on whole minutes, about as many as asked', () => {
    expect(timeTicks(0, 30 * MIN, 6)).toEqual([0, 5, 10, 15, 20, 25, 30].map((m) => m * MIN));
    expect(timeTicks(90_000, 4 * MIN, 6)).toEqual([2 * MIN, 3 * MIN, 4 * MIN]);
    expect(timeTicks(0, 600 * MIN, 5).length).toBeLessThanOrEqual(6);
  });

  it('draws a variable as steps held until the next change, to the end of play', () => {
    const x = linearScale([0, 100], [0, 100]);
    const y = linearScale([0, 10], [10, 0]);
    expect(stepPath([pt(0, 0, 2), pt(4, 40, 5)], x, y, 0, 100)).toBe('M0 8H40V5H100');
    expect(stepPath([], x, y, 0, 100)).toBe('');
  });

  it('reads the value after an event: the last change at or before it', () => {
    const points = [pt(0, 0, 2), pt(5, 10, 3), pt(9, 20, 1)];
    expect([valueAt(points, 0), valueAt(points, 4), valueAt(points, 5), valueAt(points, 100)]).toEqual([2, 2, 3, 1]);
    expect(valueAt([pt(3, 0, 7)], 2)).toBeNull();
    expect(changes(points)).toBe(2);
  });

  it('bands each phase from its entry to the next, inside the chart', () => {
    const bands = phaseBands(
      [
        { at: 10, label: 'B' },
        { at: 0, label: 'A' },
      ],
      0,
      30,
    );
    expect(bands).toEqual([
      { from: 0, to: 10, label: 'A' },
      { from: 10, to: 30, label: 'B' },
    ]);
  });
});
