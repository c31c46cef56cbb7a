import { describe, expect, it } from 'vitest';
import { GameClock, HostClock } from './clock.ts';
import { FakeWall } from './testKit.ts';

describe('GameClock', () => {
  it('runs at the anchored speed and stands still when stopped', () => {
    const c = new GameClock({ gameMs: 1000, wallMs: 50_000, speed: 4, running: true });
    expect(c.gameAt(50_000)).toBe(1000);
    expect(c.gameAt(50_250)).toBe(2000);
    expect(c.gameAt(49_000)).toBe(1000); // wall time before the anchor never moves game time back
    c.set({ gameMs: 2000, wallMs: 50_250, speed: 4, running: false });
    expect(c.gameAt(90_000)).toBe(2000);
  });

  it('says when, on the wall, a game time is due, rounding up so that it is reached', () => {
    const c = new GameClock({ gameMs: 0, wallMs: 0, speed: 3, running: true });
    const delay = c.delayUntil(1000, 0) as number;
    expect(delay).toBe(334);
    expect(c.gameAt(delay)).toBeGreaterThanOrEqual(1000);
    expect(c.delayUntil(-5, 0)).toBe(0);
    c.set({ gameMs: 0, wallMs: 0, speed: 1, running: false });
    expect(c.delayUntil(1000, 0)).toBeNull();
  });
});

describe('HostClock', () => {
  it('wakes once when the game time is reached, and re-arming replaces the wake-up', async () => {
    const wall = new FakeWall();
    const clock = new HostClock(wall, { gameMs: 0, speed: 2, running: true });
    const woke: number[] = [];
    clock.wakeAt(10_000, () => woke.push(1));
    clock.wakeAt(4_000, () => woke.push(clock.now()));
    await wall.advance(1_999);
    expect(woke).toEqual([]);
    await wall.advance(1);
    expect(woke).toEqual([4_000]);
    await wall.advance(60_000);
    expect(woke).toEqual([4_000]);
  });

  it('never re-anchors backwards', () => {
    const wall = new FakeWall();
    const clock = new HostClock(wall, { gameMs: 5_000, speed: 1, running: true });
    wall.t += 1_000;
    clock.reanchor(2_000, 1, false);
    expect(clock.now()).toBe(6_000);
    clock.reanchor(9_000, 1, false);
    expect(clock.now()).toBe(9_000);
  });
});
