import type { ReviewEntry, ReviewObservation } from '@parley/shared/review/types.ts';
import { describe, expect, it } from 'vitest';
import {
  channelsOf,
  groupTitles,
  linkTargets,
  namesFromTimeline,
  observationsByAnchor,
  pageOf,
  pageWith,
} from './timelineView.ts';

const entry = (seq: number, over: Partial<ReviewEntry> = {}): ReviewEntry => ({
  seq,
  at: seq * 1000,
  kind: 'message',
  actor: { role: 'delegation', delegation: 'norland' },
  by: 'norland',
  who: 'Norland',
  to: [],
  channel: null,
  audience: { kind: 'public' },
  ref: null,
  text: `entry ${seq}`,
  ...over,
});

describe('timeline view', () => {
  it('lists the channels in use, every group under one filter, in a stable order', () => {
    const timeline = [
      entry(1, { channel: 'team' }),
      entry(2, { channel: 'group:nordic', text: 'to the group “Nordic forum”: “hi”' }),
      entry(3, { channel: 'news' }),
      entry(4, { channel: 'group:baltic' }),
      entry(5),
    ];
    expect(channelsOf(timeline)).toEqual(['news', 'group', 'team']);
    expect(groupTitles(timeline)).toEqual(new Map([['nordic', 'Nordic forum']]));
  });

  it('names parties as the timeline does, never by a hidden author', () => {
    const names = namesFromTimeline([entry(1), entry(2, { by: 'kestrel', who: 'unknown' }), entry(3, { by: null })]);
    expect(names).toEqual(new Map([['norland', 'Norland']]));
  });

  it('pages a long timeline and finds the page of a moment', () => {
    const items = Array.from({ length: 120 }, (_, i) => entry(i + 1));
    const second = pageOf(items, 1);
    expect(second).toMatchObject({ page: 1, pages: 3 });
    expect(second.items.map((e) => e.seq)).toEqual(items.slice(50, 100).map((e) => e.seq));
    expect(pageOf(items, 99).page).toBe(2);
    expect(pageOf([], 0)).toEqual({ items: [], page: 0, pages: 1 });
    expect(pageWith(items, 101)).toBe(2);
    expect(pageWith(items, 999)).toBe(-1);
  });

  it('groups the observations by the moment they refer to', () => {
    const o = (seq: number, anchor: number | null) =>
      ({ seq, anchor: anchor === null ? null : { seq: anchor, at: 0, text: '' } }) as ReviewObservation;
    const byAnchor = observationsByAnchor([o(10, 4), o(11, 4), o(12, null), o(13, 7)]);
    expect([...byAnchor.keys()]).toEqual([4, 7]);
    expect(byAnchor.get(4)?.map((x) => x.seq)).toEqual([10, 11]);
  });
});

describe('link targets', () => {
  it('puts the target of an event on the line an observation names, else on its first line', () => {
    const items = [entry(1), entry(2, { text: 'action' }), entry(2, { text: 'breach' }), entry(3), entry(3)];
    const note = { seq: 9, anchor: { seq: 2, at: 0, text: 'breach' } } as ReviewObservation;
    expect([...linkTargets(items, new Map([[2, [note]]]))]).toEqual([0, 2, 3]);
    expect([...linkTargets(items, new Map())]).toEqual([0, 1, 3]);
  });
});
