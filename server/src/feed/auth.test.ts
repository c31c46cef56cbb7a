import { describe, expect, it } from 'vitest';
import { checkFeedAuth, parseFeedAuth } from './auth.ts';
import type { FeedAuth } from './types.ts';

describe('feed handshake', () => {
  it('accepts an exercise or a workshop with a token, and nothing else', () => {
    expect(parseFeedAuth({ exerciseId: 'ex-1', token: 'HX7K9QPM' })).toEqual({ exerciseId: 'ex-1', token: 'HX7K9QPM' });
    expect(parseFeedAuth({ workshopId: 'w_1', token: 't' })).toEqual({ workshopId: 'w_1', token: 't' });
    for (const bad of [
      undefined,
      null,
      'ex1:token',
      {},
      { exerciseId: 'ex1' },
      { exerciseId: 'ex1', token: '' },
      { exerciseId: 'ex1', token: 42 },
      { exerciseId: '../ex1', token: 't' },
      { exerciseId: 'ex1', token: 'x'.repeat(501) },
    ]) {
      expect(parseFeedAuth(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('asks authorize and reports the grant, a refusal, or that access cannot be checked', async () => {
    const seen: FeedAuth[] = [];
    const authorize = async (auth: FeedAuth) => {
      seen.push(auth);
      if ('workshopId' in auth) return auth.token === 'trainer' ? { exercises: ['a', 'b'] } : null;
      if (auth.token === 'down') throw new Error('db down');
      return auth.token === 'obs' ? { exercises: [auth.exerciseId] } : null;
    };
    expect(await checkFeedAuth({ exerciseId: 'a', token: 'obs' }, authorize)).toEqual({
      ok: true,
      grant: { exercises: ['a'] },
      workshopId: null,
    });
    expect(await checkFeedAuth({ workshopId: 'w', token: 'trainer' }, authorize)).toEqual({
      ok: true,
      grant: { exercises: ['a', 'b'] },
      workshopId: 'w',
    });
    expect(await checkFeedAuth({ exerciseId: 'a', token: 'nope' }, authorize)).toEqual({
      ok: false,
      reason: 'refused',
    });
    expect(await checkFeedAuth({ exerciseId: 'a', token: 'down' }, authorize)).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
    const before = seen.length;
    expect(await checkFeedAuth({ token: 'obs' }, authorize)).toEqual({ ok: false, reason: 'malformed' });
    expect(seen).toHaveLength(before);
  });
});
