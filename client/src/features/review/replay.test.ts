import { C, compiled, idOf, ok, R, session } from '@parley/shared/engine/testKit.ts';
import { buildReview } from '@parley/shared/review/build.ts';
import { describe, expect, it } from 'vitest';
import { countUpTo, frameAt, seenBy, step, stopsFor } from './replay.ts';

/** A short exercise: a private ping, a bilateral message, a public statement, a control adjustment, an end. */
function played() {
  const s = session();
  const ping = idOf(s.submit(R.norland, C.ping('vesteria', 'PING')));
  s.advanceBy(3);
  ok(s.submit(R.vesteria, C.ack(ping, 'Received')));
  ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'DM-NV')));
  ok(s.submit(R.kestrel, C.say({ kind: 'public' }, 'PUBLIC-K')));
  ok(s.submit(R.facilitator, C.adjust('impact', { add: 1 }, 'REASON-CONTROL')));
  s.advanceBy(5);
  ok(s.submit(R.facilitator, C.end('stalemate')));
  return buildReview(compiled, s.events, { seed: 1 });
}

describe('the replay frame', () => {
  const review = played();
  const total = review.summary.events;
  const dm = review.timeline.find((e) => e.text.includes('DM-NV'));
  if (!dm) throw new Error('the bilateral message is in the timeline');

  it('shows each role only the entries that reached it', () => {
    const norland = { kind: 'delegation', delegation: 'norland' } as const;
    const kestrel = { kind: 'delegation', delegation: 'kestrel' } as const;
    expect(seenBy(dm, norland)).toBe(true);
    expect(seenBy(dm, kestrel)).toBe(false);
    expect(seenBy(dm, { kind: 'observer' })).toBe(false);
    expect(seenBy(dm, { kind: 'control' })).toBe(true);
    const end = (role: Parameters<typeof frameAt>[1]) =>
      frameAt(review, role, total)
        .seen.map((e) => e.text)
        .join();
    expect(end({ kind: 'observer' })).toContain('PUBLIC-K');
    expect(end({ kind: 'observer' })).not.toContain('DM-NV');
    expect(end(kestrel)).not.toContain('REASON-CONTROL');
    expect(end({ kind: 'control' })).toContain('REASON-CONTROL');
  });

  it('tells the clock, status and phase at a moment; earlier moments show less', () => {
    const last = frameAt(review, { kind: 'control' }, total);
    expect(last.status).toBe('ended');
    const before = frameAt(review, { kind: 'control' }, dm.seq);
    expect(before.status).toBe('running');
    expect(before.at).toBe(dm.at);
    expect(before.at).toBeLessThan(last.at);
    expect(before.current?.seq).toBe(dm.seq);
    expect(before.seen[0]).toBe(before.current);
    expect(before.seen.some((e) => e.text.includes('PUBLIC-K'))).toBe(false);
    expect(frameAt(review, { kind: 'control' }, 0)).toMatchObject({ status: 'setup', seen: [], current: null });
  });

  it('gives control the variables then, and other roles none', () => {
    const impactAt = (seq: number) =>
      frameAt(review, { kind: 'control' }, seq).variables?.find((v) => v.id === 'impact')?.value;
    expect(impactAt(total)).toBe((impactAt(dm.seq) ?? 0) + 1);
    expect(frameAt(review, { kind: 'observer' }, total).variables).toBeNull();
  });

  it('steps between the events a role saw, and stays put at either end', () => {
    const stops = stopsFor(review, { kind: 'observer' });
    expect(stops[0]).toBe(0);
    expect(stops).not.toContain(dm.seq);
    const next = step(stops, 0, 1);
    expect(next).toBe(stops[1]);
    expect(step(stops, next, -1)).toBe(0);
    expect(step(stops, 0, -1)).toBe(0);
    const lastStop = stops.at(-1) ?? 0;
    expect(step(stops, lastStop, 1)).toBe(lastStop);
    expect(step([0, 4, 9], 6, -1)).toBe(4);
    expect(step([0, 4, 9], 6, 1)).toBe(9);
  });

  it('counts the timeline entries up to an event', () => {
    expect(countUpTo(review.timeline, 0)).toBe(0);
    expect(countUpTo(review.timeline, total)).toBe(review.timeline.length);
    expect(review.timeline[countUpTo(review.timeline, dm.seq) - 1]?.seq).toBe(dm.seq);
  });
});
