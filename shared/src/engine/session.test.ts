import { describe, expect, it } from 'vitest';
import { replay } from './reducer.ts';
import { ExerciseSession } from './session.ts';
import { C, compiled, ok, R, refusal, session } from './testKit.ts';

const MIN = 60_000;

describe('the in-memory host', () => {
  it('stamps events with seq, game time, role, command id and generated ids', () => {
    const s = session();
    s.advanceBy(2);
    const [event] = ok(s.submit(R.norland, C.ping('vesteria'), 'cmd-1'));
    expect(event).toMatchObject({
      type: 'poc.ping',
      to: 'vesteria',
      at: 2 * MIN,
      role: R.norland,
      commandId: 'cmd-1',
      id: `ping-${event?.seq}`,
    });
    expect(s.events.map((e) => e.seq)).toEqual(s.events.map((_, i) => i + 1));
  });

  it('answers a repeated command id with the original result and applies nothing again', () => {
    const s = session();
    const first = s.submit(R.norland, C.ping('vesteria'), 'same');
    const state = s.state;
    const again = s.submit(R.norland, C.ping('vesteria'), 'same');
    expect(again).toBe(first);
    expect(s.state).toBe(state);
    expect(s.state.pings.size).toBe(1);
    const refused = s.submit(R.norland, C.ping('norland'), 'bad');
    expect(s.submit(R.norland, C.ping('vesteria'), 'bad')).toBe(refused);
  });

  it('remembers command ids across a restore from the log', () => {
    const s = session();
    ok(s.submit(R.norland, C.ping('vesteria'), 'p1'));
    const restored = new ExerciseSession(compiled, { seed: 1 }, s.events);
    expect(restored.state).toEqual(s.state);
    expect(restored.now).toBe(s.now);
    expect(ok(restored.submit(R.norland, C.ping('vesteria'), 'p1'))).toHaveLength(1);
    expect(restored.state.pings.size).toBe(1);
  });

  it('fires due timers as logged system events stamped at their due time', () => {
    const s = session();
    const fired = s.advanceTo(6 * MIN);
    expect(fired.map((e) => [e.type, e.at, e.role.kind])).toEqual([['timer.fire', 5 * MIN, 'system']]);
    expect(s.now).toBe(6 * MIN);
    expect(s.advanceTo(3 * MIN)).toEqual([]);
    expect(s.now).toBe(6 * MIN);
  });

  it('does not advance while paused, but a clock jump does', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.pause()));
    expect(s.advanceBy(20)).toEqual([]);
    expect(s.now).toBe(0);
    const events = ok(s.submit(R.facilitator, C.jump(6)));
    expect(events.map((e) => e.type)).toEqual(['clock.jump', 'timer.fire']);
    expect(s.now).toBe(6 * MIN);
    expect(s.state.injects.blackout?.status).toBe('released');
    expect(s.state.status).toBe('paused');
  });

  it('catches up with the clock after a command (an inject edited to a time already past fires at once)', () => {
    const s = session();
    s.advanceBy(12);
    const events = ok(s.submit(R.facilitator, C.edit('call', { at: 1 })));
    expect(events.map((e) => e.type)).toEqual(['inject.edit', 'timer.fire']);
    expect(s.state.injects.call).toMatchObject({ status: 'released', settledAt: 12 * MIN });
  });

  it('replays its log to exactly the live state', () => {
    const s = session();
    ok(s.submit(R.norland, C.ping('vesteria')));
    s.advanceBy(11);
    ok(s.submit(R.norland, C.act('sanctions', ['vesteria'], { severity: 2 })));
    s.advanceBy(30);
    expect(replay(compiled, s.events, { seed: 1 })).toEqual(s.state);
  });

  it('refuses out-of-order events in the reducer (a host bug, not a user error)', () => {
    const s = session();
    const events = [...s.events];
    const last = events[events.length - 1];
    if (!last) throw new Error('no events');
    expect(() => replay(compiled, [...events, last], { seed: 1 })).toThrow(/does not follow/);
    expect(refusal(s.submit(R.observer, C.assess(1))).code).toBe('role');
  });
});
