import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './suggest.ts';

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('frnace', 'france')).toBe(1);
    expect(editDistance('timeboxx', 'timebox')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('did you mean', () => {
  const delegations = ['france', 'germany', 'estonia', 'gridco'];

  it('suggests the nearest id when it is a plausible typo', () => {
    expect(didYouMean('frnace', delegations)).toBe(' (did you mean "france"?)');
    expect(didYouMean('Estonia', delegations)).toBe(' (did you mean "estonia"?)');
    expect(closest('germny', delegations)).toBe('germany');
  });

  it('stays quiet when nothing is close', () => {
    expect(didYouMean('japan', delegations)).toBe('');
    expect(didYouMean('x', ['yz'])).toBe('');
  });

  it('prefers the closest of several candidates', () => {
    expect(closest('gte', ['gt', 'gte', 'lte'])).toBeUndefined(); // an exact match needs no suggestion
    expect(closest('gtee', ['gt', 'gte', 'lte'])).toBe('gte');
  });
});
