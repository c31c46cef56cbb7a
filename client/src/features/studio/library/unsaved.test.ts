import { describe, expect, it } from 'vitest';
import { dropUnsaved, keepUnsaved, readUnsaved } from './unsaved.ts';

/** An in-memory Storage. */
function memory(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('the copy of unsaved text kept on this device', () => {
  it('keeps the text per document with the version it was edited from, until dropped', () => {
    const store = memory();
    const at = new Date('2026-03-01T10:00:00Z');
    keepUnsaved('doc-a', { baseVersion: 3, source: 'version: 1\n' }, store, at);
    keepUnsaved('doc-b', { baseVersion: 1, source: 'other' }, store, at);
    expect(readUnsaved('doc-a', store)).toEqual({ baseVersion: 3, source: 'version: 1\n', keptAt: at.toISOString() });
    dropUnsaved('doc-a', store);
    expect(readUnsaved('doc-a', store)).toBeNull();
    expect(readUnsaved('doc-b', store)?.source).toBe('other');
  });

  it('ignores what it cannot read, and a storage that refuses', () => {
    const store = memory();
    store.setItem('parley.studio.unsaved.doc-a', '{not json');
    store.setItem('parley.studio.unsaved.doc-b', JSON.stringify({ source: 1 }));
    expect(readUnsaved('doc-a', store)).toBeNull();
    expect(readUnsaved('doc-b', store)).toBeNull();
    const full = {
      ...memory(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as Storage;
    expect(() => keepUnsaved('doc-a', { baseVersion: 1, source: 'x' }, full)).not.toThrow();
  });
});
