import { describe, expect, it } from 'vitest';
import { GuessLimiter } from './guessLimiter.ts';

describe('GuessLimiter', () => {
  it('lets an address fail `limit` times per window, then says how long to wait', () => {
    let now = 0;
    const limiter = new GuessLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('10.0.0.1')).toBe(0);
      limiter.fail('10.0.0.1');
      now += 1_000;
    }
    expect(limiter.retryAfter('10.0.0.1')).toBe(57_000);
    expect(limiter.retryAfter('10.0.0.2')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter('10.0.0.1')).toBe(0);
  });

  it('forgets the oldest addresses past its capacity', () => {
    const limiter = new GuessLimiter({ limit: 1, maxAddresses: 2, now: () => 0 });
    limiter.fail('a');
    limiter.fail('b');
    limiter.fail('c');
    expect(limiter.retryAfter('a')).toBe(0);
    expect(limiter.retryAfter('b')).toBeGreaterThan(0);
    expect(limiter.retryAfter('c')).toBeGreaterThan(0);
  });
});
