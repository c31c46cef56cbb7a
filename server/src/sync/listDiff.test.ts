/** A synced list through the real encoder and decoder: what the client holds after each diff, and what it cost. */
import type { DocEntry } from '@parley/shared/sync/flatten.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffList, type ListChanges } from './listDiff.ts';
import { createRoomState, ViewDoc, ViewList } from './schema.ts';
import { decodedState, Wire, type WireClient } from './testWire.ts';

type DecodedEntry = { key: string; json: string };

function setup() {
  const state = createRoomState();
  const wire = new Wire(state);
  const doc = new ViewDoc();
  state.docs.set('k', doc);
  const list = new ViewList();
  doc.lists.set('items', list);
  let previous: readonly DocEntry[] = [];
  const client: WireClient = wire.join('k', doc);
  const decoded = () => {
    const d = decodedState(client).docs.get('k') as { lists: Map<string, { items: Iterable<DecodedEntry> }> };
    return [...(d.lists.get('items')?.items ?? [])];
  };
  const apply = (next: readonly DocEntry[]) => {
    const changes: ListChanges = { added: 0, removed: 0, rewritten: 0 };
    diffList(list.items, previous, next, changes);
    previous = next;
    const [bytes] = wire.patch();
    return { changes, bytes: bytes?.length ?? 0 };
  };
  return { apply, decoded };
}

const e = (key: string, json = `{"v":"${key}"}`): DocEntry => ({ key, json });
const plain = (entries: readonly DecodedEntry[]) => entries.map((x) => ({ key: x.key, json: x.json }));

describe('diffList', () => {
  it('appends new items and sends nothing for a list that did not change', () => {
    const { apply, decoded } = setup();
    expect(apply([e('a'), e('b')]).changes).toEqual({ added: 2, removed: 0, rewritten: 0 });
    const first = decoded();
    const third = apply([e('a'), e('b'), e('c')]);
    expect(third.changes).toEqual({ added: 1, removed: 0, rewritten: 0 });
    expect(plain(decoded())).toEqual([e('a'), e('b'), e('c')]);
    // The client keeps the same decoded objects for the items it already had.
    expect(decoded()[0]).toBe(first[0]);
    expect(decoded()[1]).toBe(first[1]);
    expect(apply([e('a'), e('b'), e('c')])).toEqual({ changes: { added: 0, removed: 0, rewritten: 0 }, bytes: 0 });
  });

  it('rewrites only the JSON of an item that changed', () => {
    const { apply, decoded } = setup();
    apply([e('a'), e('b'), e('c')]);
    const before = decoded();
    const step = apply([e('a'), e('b', '{"v":"B2"}'), e('c')]);
    expect(step.changes).toEqual({ added: 0, removed: 0, rewritten: 1 });
    expect(step.bytes).toBeLessThan(30);
    expect(plain(decoded())).toEqual([e('a'), e('b', '{"v":"B2"}'), e('c')]);
    expect(decoded()[1]).toBe(before[1]);
  });

  it('removes vanished items and inserts new ones where they belong, rewriting only from the first difference', () => {
    const { apply, decoded } = setup();
    apply([e('a'), e('b'), e('c'), e('d')]);
    expect(apply([e('a'), e('b'), e('c')]).changes).toEqual({ added: 0, removed: 1, rewritten: 0 });
    expect(plain(decoded())).toEqual([e('a'), e('b'), e('c')]);
    expect(apply([e('a'), e('c')]).changes).toEqual({ added: 0, removed: 1, rewritten: 1 });
    expect(plain(decoded())).toEqual([e('a'), e('c')]);
    expect(apply([e('a'), e('y'), e('c'), e('z')]).changes).toEqual({ added: 2, removed: 0, rewritten: 1 });
    expect(plain(decoded())).toEqual([e('a'), e('y'), e('c'), e('z')]);
    expect(apply([e('c', '{"v":"C2"}'), e('z')]).changes).toEqual({ added: 0, removed: 2, rewritten: 2 });
    expect(plain(decoded())).toEqual([e('c', '{"v":"C2"}'), e('z')]);
    expect(apply([]).changes).toEqual({ added: 0, removed: 2, rewritten: 0 });
    expect(decoded()).toEqual([]);
  });

  it('keeps the client in step over random edits (inserts, removals, moves, rewrites)', () => {
    const edit = fc.record({
      op: fc.constantFrom('insert', 'remove', 'move', 'rewrite', 'append'),
      at: fc.nat(20),
      to: fc.nat(20),
      count: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (steps) => {
        const { apply, decoded } = setup();
        let list: DocEntry[] = [];
        let fresh = 0;
        for (const edits of steps) {
          list = [...list]; // `apply` keeps the previous list: edit a copy
          for (const { op, at, to, count } of edits) {
            const i = list.length === 0 ? 0 : at % list.length;
            if (op === 'insert') list.splice(i, 0, ...Array.from({ length: count }, () => e(`n${fresh++}`)));
            else if (op === 'append') list.push(...Array.from({ length: count }, () => e(`n${fresh++}`)));
            else if (op === 'remove') list.splice(i, count);
            else if (op === 'rewrite' && list[i]) list[i] = e(list[i].key, `{"v":${fresh++}}`);
            else if (op === 'move' && list.length > 1) list.splice(to % list.length, 0, ...list.splice(i, 1));
          }
          apply(list);
          expect(plain(decoded())).toEqual(list);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('follows a reordering', () => {
    const { apply, decoded } = setup();
    apply([e('a'), e('b'), e('c'), e('d')]);
    apply([e('a'), e('c'), e('b'), e('d')]);
    expect(plain(decoded())).toEqual([e('a'), e('c'), e('b'), e('d')]);
    apply([e('d'), e('c'), e('b', '{"v":"B2"}'), e('a'), e('e')]);
    expect(plain(decoded())).toEqual([e('d'), e('c'), e('b', '{"v":"B2"}'), e('a'), e('e')]);
  });
});
