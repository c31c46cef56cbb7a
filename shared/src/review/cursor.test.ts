import { describe, expect, it } from 'vitest';
import { replay } from '../engine/reducer.ts';
import { C, compiled, ok, R, session } from '../engine/testKit.ts';
import { viewFor } from '../engine/view.ts';
import { buildReview } from './build.ts';
import { reviewCursor } from './cursor.ts';

describe('reviewCursor', () => {
  it('gives the state and each role’s view as they were after any event, in any order', () => {
    const s = session();
    ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'DM-EARLY')));
    s.advanceBy(6);
    ok(s.submit(R.facilitator, C.release('call')));
    ok(s.submit(R.norland, C.act('hack_back', ['vesteria'])));
    const events = s.events;
    const cursor = reviewCursor(compiled, events, { seed: 1, checkpointEvery: 3 });
    expect(cursor.length).toBe(events.length);
    for (const seq of [events.length, 0, 4, 2, events.length - 1, 1, 5, 5]) {
      expect(cursor.stateAt(seq)).toEqual(replay(compiled, events.slice(0, seq), { seed: 1 }));
    }
    expect(cursor.stateAt(999)).toEqual(s.state);
    const dm = events.find((e) => e.type === 'message.send')?.seq ?? 0;
    expect(JSON.stringify(cursor.viewAt(R.vesteria, dm))).toContain('DM-EARLY');
    expect(JSON.stringify(cursor.viewAt(R.vesteria, dm - 1))).not.toContain('DM-EARLY');
    expect(JSON.stringify(cursor.viewAt(R.kestrel, dm))).not.toContain('DM-EARLY');
    expect(cursor.viewAt(R.observer, events.length)).toEqual(viewFor(compiled, s.state, R.observer));
  });
});

/** A 10,000-event log of the test scenario: pings, acknowledgements and messages every game second or so. */
function longLog() {
  const s = session();
  const pairs = [
    ['norland', 'vesteria'],
    ['vesteria', 'kestrel'],
    ['kestrel', 'norland'],
  ] as const;
  const roleOf = { norland: R.norland, vesteria: R.vesteria, kestrel: R.kestrel } as const;
  for (let i = 0; s.events.length < 10_000; i++) {
    const [from, to] = pairs[i % 3] as (typeof pairs)[number];
    const ping = s.submit(roleOf[from], C.ping(to, `Ping ${i}`));
    if (ping.ok && i % 4 !== 0) s.submit(roleOf[to], C.ack(ping.events[0]?.id ?? '', 'ok'));
    s.submit(roleOf[from], C.say({ kind: 'bilateral', with: to }, `Message ${i}`));
    s.advanceBy(0.02);
    if (s.state.status === 'ended') throw new Error(`play ended after ${s.events.length} events`);
  }
  return s.events.slice(0, 10_000);
}

describe('reviewCursor on a 10,000-event log', () => {
  // Its speed is measured by `./parley bench` (review and scrubber figures); here, only that it is right.
  it('gives, at random moments, exactly the state a replay of the log up to there gives', () => {
    const events = longLog();
    const cursor = reviewCursor(compiled, events, { seed: 1 });
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % (events.length + 1);
    };
    for (let i = 0; i < 12; i++) {
      const seq = next();
      expect(cursor.stateAt(seq)).toEqual(replay(compiled, events.slice(0, seq), { seed: 1 }));
    }
    expect(cursor.stateAt(events.length)).toEqual(replay(compiled, events, { seed: 1 }));
    expect(buildReview(compiled, events, { seed: 1 }).summary.events).toBe(10_000);
  }, 60_000);
});
