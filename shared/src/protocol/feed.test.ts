import { describe, expect, it } from 'vitest';
import { C, ok, R, session } from '../engine/testKit.ts';
import type { ObserverView } from '../engine/viewTypes.ts';
import { applyFeedUpdate, type FeedUpdate, type HeldPicture } from './feed.ts';

type Session = ReturnType<typeof session>;

const pictureOf = (s: Session): HeldPicture => ({
  seq: s.state.seq,
  view: s.view({ kind: 'observer' }) as ObserverView,
});

/** What the server's feed sends (server/src/feed/compact.ts `updateOf`): small parts whole, items above `since`. */
function updateOf(s: Session, since: number): FeedUpdate {
  const { seq, view: v } = pictureOf(s);
  const newer = <T extends { readonly seq: number }>(items: readonly T[]) => items.filter((i) => i.seq > since);
  return {
    exerciseId: 'ex1',
    since,
    seq,
    clock: v.clock,
    phases: v.phases,
    variables: v.variables,
    seats: v.parties.map((p) => ({ id: p.id, seated: p.seated })),
    ending: v.ending,
    injects: newer(v.injects),
    messages: newer(v.messages),
    actions: newer(v.actions),
    rulings: newer(v.rulings),
    timeline: newer(v.timeline),
  };
}

const apply = (held: HeldPicture, update: FeedUpdate) => applyFeedUpdate(held, update).picture;

describe('applying live-feed updates onto a snapshot', () => {
  it('rebuilds exactly the picture a fresh snapshot would give', () => {
    const s = session();
    const snapshot = pictureOf(s);
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'We are investigating')));
    ok(s.submit(R.facilitator, C.write('all', 'Markets fall', 'news', 'Breaking')));
    const first = updateOf(s, snapshot.seq);
    ok(s.submit(R.facilitator, C.adjust('escalation', { add: 1 })));
    ok(s.submit(R.facilitator, C.pause()));
    const second = updateOf(s, first.seq);

    const outcome = applyFeedUpdate(snapshot, first);
    expect(outcome.kind).toBe('applied');
    const held = apply(outcome.picture, second);
    expect(held).toEqual(pictureOf(s));
    expect(held.view.messages.map((m) => m.text)).toEqual(['We are investigating']);
    expect(held.view.clock.status).toBe('paused');
  });

  it('ignores a repeated or older update', () => {
    const s = session();
    const snapshot = pictureOf(s);
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'once')));
    const update = updateOf(s, snapshot.seq);
    const held = apply(snapshot, update);
    const again = applyFeedUpdate(held, update);
    expect(again.kind).toBe('stale');
    expect(again.picture).toBe(held);
    expect(again.picture.view.messages.map((m) => m.text)).toEqual(['once']);
  });

  it('refuses an update that skips items it does not hold, then takes them in order', () => {
    const s = session();
    const snapshot = pictureOf(s);
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'first')));
    const first = updateOf(s, snapshot.seq);
    ok(s.submit(R.vesteria, C.say({ kind: 'public' }, 'second')));
    const second = updateOf(s, first.seq);

    const early = applyFeedUpdate(snapshot, second);
    expect(early.kind).toBe('gap');
    expect(early.picture).toBe(snapshot);
    const held = apply(apply(snapshot, first), second);
    expect(held.view.messages.map((m) => m.text)).toEqual(['first', 'second']);
  });

  it('leaves no duplicates when an update starts before a newer snapshot', () => {
    const s = session();
    const since = s.state.seq;
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'before the snapshot')));
    const snapshot = pictureOf(s);
    ok(s.submit(R.vesteria, C.say({ kind: 'public' }, 'after the snapshot')));
    const held = apply(snapshot, updateOf(s, since));
    expect(held.view.messages.map((m) => m.text)).toEqual(['before the snapshot', 'after the snapshot']);
    expect(held).toEqual(pictureOf(s));
  });
});
