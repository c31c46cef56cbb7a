import { describe, expect, it } from 'vitest';
import { createReadingStore, parseSeen, readingKey, unreadIds, withSeen } from './reading.ts';

const memory = () => {
  const data = new Map<string, string>();
  return {
    data,
    storage: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => data.set(k, v) },
  };
};

describe('what a seat has seen', () => {
  it('keys what it saw by exercise, delegation, seat and kind of item', () => {
    expect(readingKey('x1', 'veldmark', 'mfa', 'feed')).not.toBe(readingKey('x1', 'veldmark', 'cert', 'feed'));
    expect(readingKey('x1', 'veldmark', 'mfa', 'feed')).not.toBe(readingKey('x2', 'veldmark', 'mfa', 'feed'));
    expect(readingKey('x1', 'veldmark', 'mfa', 'feed')).not.toBe(readingKey('x1', 'veldmark', 'mfa', 'notes'));
  });

  it('reads back a stored list and ignores anything else', () => {
    expect(parseSeen('["a","b"]')).toEqual(['a', 'b']);
    expect(parseSeen('["a",3,null]')).toEqual(['a']);
    expect(parseSeen('{"a":1}')).toEqual([]);
    expect(parseSeen('not json')).toEqual([]);
    expect(parseSeen(null)).toEqual([]);
  });

  it('adds new ids once, keeps the list when nothing is new, and forgets the oldest past the cap', () => {
    const seen = ['a', 'b'];
    expect(withSeen(seen, ['b', 'c', 'c'])).toEqual(['a', 'b', 'c']);
    expect(withSeen(seen, ['a'])).toBe(seen);
    expect(withSeen(['a', 'b', 'c'], ['d', 'e'], 3)).toEqual(['c', 'd', 'e']);
  });

  it('says which items are unread', () => {
    expect([...unreadIds([{ id: 'a' }, { id: 'b' }, { id: 'c' }], new Set(['b']))]).toEqual(['a', 'c']);
  });

  it('remembers across page loads and tells subscribers when something is marked seen', () => {
    const { data, storage } = memory();
    const first = createReadingStore(() => storage);
    let told = 0;
    first.subscribe('k', () => told++);
    first.mark('k', ['i1', 'i2']);
    first.mark('k', ['i1']);
    expect(told).toBe(1);
    expect(JSON.parse(data.get('k') ?? '[]')).toEqual(['i1', 'i2']);
    const reloaded = createReadingStore(() => storage);
    expect([...reloaded.get('k')]).toEqual(['i1', 'i2']);
    expect(reloaded.get('other').size).toBe(0);
  });

  it('still works for the page when storage refuses', () => {
    const store = createReadingStore(() => ({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    }));
    store.mark('k', ['a']);
    expect(store.get('k').has('a')).toBe(true);
  });
});
