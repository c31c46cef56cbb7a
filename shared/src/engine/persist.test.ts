import { describe, expect, it } from 'vitest';
import {
  append,
  emptyList,
  emptyMap,
  listAt,
  listFilter,
  listLast,
  mapDelete,
  mapGet,
  mapHas,
  mapSet,
  mapValues,
  toArray,
} from './persist.ts';

describe('append-only list', () => {
  it('keeps every item in order across chunk boundaries, and old versions unchanged', () => {
    let list = emptyList<number>();
    const versions = [list];
    for (let i = 0; i < 100; i++) {
      list = append(list, i);
      versions.push(list);
    }
    expect(toArray(list)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(list.size).toBe(100);
    expect(listAt(list, 0)).toBe(0);
    expect(listAt(list, 31)).toBe(31);
    expect(listAt(list, 32)).toBe(32);
    expect(listAt(list, 99)).toBe(99);
    expect(listAt(list, 100)).toBeUndefined();
    expect(listLast(list)).toBe(99);
    expect(toArray(versions[40] ?? emptyList())).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(listFilter(list, (n) => n % 25 === 0)).toEqual([0, 25, 50, 75]);
  });

  it('indexes and lists items across blocks of 1,024', () => {
    let list = emptyList<number>();
    for (let i = 0; i < 5000; i++) list = append(list, i);
    expect(list.blocks).toHaveLength(4);
    expect(toArray(list)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    for (const i of [0, 1023, 1024, 2047, 4095, 4096, 4999]) expect(listAt(list, i)).toBe(i);
    expect(listAt(list, 5000)).toBeUndefined();
    expect(listAt(list, -1)).toBeUndefined();
  });

  it('builds equal structures from equal sequences (so replayed states deep-equal live ones)', () => {
    const build = () => [1, 2, 3].reduce((l, n) => append(l, n), emptyList<number>());
    expect(build()).toEqual(build());
  });
});

describe('persistent map', () => {
  it('sets, gets, overwrites and deletes without changing earlier versions', () => {
    let map = emptyMap<string>();
    const keys = Array.from({ length: 500 }, (_, i) => `ping-${i}`);
    for (const k of keys) map = mapSet(map, k, k.toUpperCase());
    expect(map.size).toBe(500);
    expect(mapGet(map, 'ping-123')).toBe('PING-123');
    const before = map;
    map = mapSet(map, 'ping-123', 'changed');
    expect(map.size).toBe(500);
    expect(mapGet(map, 'ping-123')).toBe('changed');
    expect(mapGet(before, 'ping-123')).toBe('PING-123');
    map = mapDelete(map, 'ping-7');
    expect(map.size).toBe(499);
    expect(mapHas(map, 'ping-7')).toBe(false);
    expect(mapHas(before, 'ping-7')).toBe(true);
    expect(mapDelete(map, 'nope')).toBe(map);
    expect(mapValues(map).sort()).toHaveLength(499);
  });

  it('does not confuse inherited object keys with entries', () => {
    const map = emptyMap<number>();
    expect(mapGet(map, 'toString')).toBeUndefined();
    expect(mapHas(mapSet(map, 'a', 1), 'constructor')).toBe(false);
  });
});
