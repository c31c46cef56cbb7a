import { describe, expect, it } from 'vitest';
import { formatGameTime, gameNow } from './clock.ts';

describe('gameNow', () => {
  const anchor = { gameMs: 60_000, wallMs: 1_000_000, speed: 2, running: true };

  it('runs from the anchor at the exercise speed while play runs', () => {
    expect(gameNow(anchor, 1_000_000)).toBe(60_000);
    expect(gameNow(anchor, 1_010_000)).toBe(80_000);
  });

  it('stands still while paused', () => {
    expect(gameNow({ ...anchor, running: false }, 1_010_000)).toBe(60_000);
  });

  it('never goes back when this machine is behind the server', () => {
    expect(gameNow(anchor, 990_000)).toBe(60_000);
  });
});

describe('formatGameTime', () => {
  it('shows hours, minutes and seconds', () => {
    expect(formatGameTime(3_909_000, 'en')).toBe('01:05:09');
    expect(formatGameTime(0, 'fr')).toBe('00:00:00');
  });
});
