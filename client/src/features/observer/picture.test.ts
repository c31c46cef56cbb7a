import { describe, expect, it } from 'vitest';
import { type ClockAnchor, gameNow } from '../../state/clock.ts';
import { feedAnchor } from './picture.ts';

const running = (gameMs: number, wallMs: number, speed = 1): ClockAnchor => ({ gameMs, wallMs, speed, running: true });

describe("the projector's clock", () => {
  it('starts from what the feed says', () => {
    const stopped: ClockAnchor = { gameMs: 0, wallMs: 0, speed: 1, running: false };
    expect(feedAnchor(stopped, { now: 60_000, speed: 1 }, 'running', 5000)).toEqual(running(60_000, 5000));
  });

  it('never steps back when the feed arrives a little behind what is shown', () => {
    const shown = running(60_000, 0);
    const later = feedAnchor(shown, { now: 60_400, speed: 1 }, 'running', 1000);
    expect(later).toBe(shown);
    expect(gameNow(later, 1000)).toBe(61_000);
  });

  it('moves on when the feed is ahead, far behind, paused or at another speed', () => {
    const shown = running(60_000, 0);
    expect(feedAnchor(shown, { now: 62_000, speed: 1 }, 'running', 1000)).toEqual(running(62_000, 1000));
    expect(feedAnchor(shown, { now: 10_000, speed: 1 }, 'running', 1000)).toEqual(running(10_000, 1000));
    expect(feedAnchor(shown, { now: 60_800, speed: 1 }, 'paused', 1000).running).toBe(false);
    expect(feedAnchor(shown, { now: 60_800, speed: 2 }, 'running', 1000)).toEqual(running(60_800, 1000, 2));
  });
});
