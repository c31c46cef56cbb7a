import { describe, expect, it } from 'vitest';
import { listLast, toArray } from './persist.ts';
import { C, idOf, ok, R, refusal, session } from './testKit.ts';

const delivered = (s: ReturnType<typeof session>) => toArray(s.state.deliveries).map((d) => d.id);
const statusOf = (s: ReturnType<typeof session>, id: string) => s.state.injects[id]?.status;

describe('exercise status (facilitator)', () => {
  it('starts once, pauses and resumes, and ends', () => {
    const s = session({ seed: 1 }, false);
    expect(refusal(s.submit(R.facilitator, C.pause())).message).toBe('The exercise has not started yet');
    expect(refusal(s.submit(R.facilitator, C.release('call'))).message).toBe('The exercise has not started yet');
    ok(s.submit(R.facilitator, C.speed(4)));
    expect(s.state.speed).toBe(4);
    ok(s.submit(R.facilitator, C.start()));
    expect(s.state).toMatchObject({ status: 'running', startedAt: 0 });
    expect(refusal(s.submit(R.facilitator, C.start())).message).toBe('The exercise has already started');
    expect(refusal(s.submit(R.facilitator, C.resume())).message).toBe('The exercise is not paused');
    ok(s.submit(R.facilitator, C.pause()));
    expect(refusal(s.submit(R.facilitator, C.pause())).message).toBe('The exercise is already paused');
    ok(s.submit(R.facilitator, C.resume()));
    ok(s.submit(R.facilitator, C.end('settlement', 'Well played')));
    expect(s.state.ending).toMatchObject({ id: 'settlement', how: 'facilitator', note: 'Well played' });
    expect(refusal(s.submit(R.facilitator, C.broadcast('all', 'x'))).message).toBe('The exercise has ended');
  });

  it('ends with the default ending when none is named, and refuses unknown endings', () => {
    const s = session();
    expect(refusal(s.submit(R.facilitator, C.end('victory'))).message).toBe('Unknown ending "victory"');
    ok(s.submit(R.facilitator, C.end()));
    expect(s.state.ending).toMatchObject({ id: 'stalemate', how: 'facilitator' });
  });
});

describe('the MSEL', () => {
  it('delivers timed injects when due, in time order', () => {
    const s = session();
    expect(delivered(s)).toEqual(['alert']);
    s.advanceBy(4);
    expect(delivered(s)).toEqual(['alert']);
    s.advanceBy(1);
    expect(delivered(s)).toEqual(['alert', 'blackout']);
    expect(listLast(s.state.deliveries)).toMatchObject({
      at: 300_000,
      public: true,
      to: ['norland', 'vesteria', 'kestrel'],
    });
  });

  it('lapses an inject whose phase is over when it falls due', () => {
    const s = session();
    s.advanceBy(26);
    expect(s.state.phase.active).not.toContain('triage');
    expect(statusOf(s, 'customer')).toBe('lapsed');
    expect(delivered(s)).not.toContain('customer');
  });

  it('delivers an edited inject at its new time with the new text, while its phase is active', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.edit('customer', { at: 3, title: 'Urgent complaint', to: ['kestrel', 'norland'] })));
    s.advanceBy(3);
    expect(statusOf(s, 'customer')).toBe('released');
    expect(listLast(s.state.deliveries)).toMatchObject({
      id: 'customer',
      title: 'Urgent complaint',
      to: ['kestrel', 'norland'],
      at: 180_000,
    });
    expect(refusal(s.submit(R.facilitator, C.edit('customer', { body: 'late' }))).message).toBe(
      '“Urgent complaint” was already released',
    );
  });

  it('holds manual injects for release, releases once, and skips', () => {
    const s = session();
    s.advanceBy(60);
    expect(statusOf(s, 'call')).toBe('pending');
    ok(s.submit(R.facilitator, C.release('call')));
    expect(statusOf(s, 'call')).toBe('released');
    expect(refusal(s.submit(R.facilitator, C.release('call'))).message).toBe(
      '“Phone call from the minister” was already released',
    );
    expect(refusal(s.submit(R.facilitator, C.skip('call'))).message).toMatch(/already released/);
    expect(refusal(s.submit(R.facilitator, C.release('nope'))).message).toBe('Unknown inject "nope"');
  });

  it('skips an inject before it is due so it never arrives, and can still release it by hand', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.skip('blackout')));
    s.advanceBy(10);
    expect(statusOf(s, 'blackout')).toBe('skipped');
    expect(delivered(s)).not.toContain('blackout');
    expect(refusal(s.submit(R.facilitator, C.skip('blackout'))).message).toMatch(/already skipped/);
    ok(s.submit(R.facilitator, C.release('blackout')));
    expect(delivered(s)).toContain('blackout');
  });

  it('delivers onEnter injects after their delay and conditional injects when their condition holds', () => {
    const s = session();
    ok(s.submit(R.norland, C.assess(3)));
    expect(s.state.phase.active).toContain('analysis');
    expect(statusOf(s, 'intel')).toBe('scheduled');
    s.advanceBy(2);
    expect(statusOf(s, 'intel')).toBe('released');
    ok(s.submit(R.norland, C.ping('vesteria')));
    ok(s.submit(R.norland, C.signal('public_attribution', ['vesteria'], { confidence: 'high' })));
    expect(statusOf(s, 'leak')).toBe('released');
    expect(s.state.vars.world.pressure).toBe(5);
  });

  it('writes ad-hoc injects delivered at once, and refuses bad recipients', () => {
    const s = session();
    const id = idOf(s.submit(R.facilitator, C.write(['vesteria'], 'Ad hoc body')));
    expect(id).toMatch(/^adhoc-\d+$/);
    expect(listLast(s.state.deliveries)).toMatchObject({ id, adhoc: true, to: ['vesteria'], public: false });
    expect(refusal(s.submit(R.facilitator, C.write(['frnace'], 'x'))).message).toBe('Unknown delegation "frnace"');
    expect(refusal(s.submit(R.facilitator, C.write(['press'], 'x'))).message).toMatch(/no seat/);
    expect(refusal(s.submit(R.facilitator, C.write('all', 'x', 'intel'))).message).toMatch(/needs a confidence/);
    expect(refusal(s.submit(R.facilitator, C.edit('call', { to: ['frnace'] }))).message).toBe(
      'Unknown delegation "frnace"',
    );
  });
});

describe('world variables and adjudication', () => {
  it('adjusts world and pair variables, clamped', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.adjust('escalation', { add: 3 })));
    expect(s.state.vars.world.escalation).toBe(5);
    ok(s.submit(R.facilitator, C.adjust('trust', { set: 99, pair: ['vesteria', 'kestrel'] })));
    expect(s.state.vars.pairs.trust?.['kestrel|vesteria']).toBe(10);
  });

  it('refuses unknown variables, pairs on world variables, missing pairs, and add with set', () => {
    const s = session();
    const cases: [ReturnType<typeof C.adjust>, string][] = [
      [C.adjust('morale', { add: 1 }), 'Unknown variable "morale"'],
      [
        C.adjust('escalation', { add: 1, pair: ['norland', 'vesteria'] }),
        '“Escalation” is a world variable: it has no pairs',
      ],
      [C.adjust('trust', { add: 1 }), '“Trust” is kept per pair: say which pair'],
      [
        C.adjust('trust', { add: 1, pair: ['norland', 'norland'] }),
        'A pair needs two different parties, not Norland twice',
      ],
      [C.adjust('trust', { add: 1, pair: ['norland', 'frnace'] }), 'Unknown party "frnace"'],
      [C.adjust('escalation', { add: 1, set: 2 }), 'Give either an amount to add or a value to set for “Escalation”'],
      [C.adjust('escalation', {}), 'Give either an amount to add or a value to set for “Escalation”'],
    ];
    for (const [command, message] of cases) expect(refusal(s.submit(R.facilitator, command)).message).toBe(message);
  });

  it('adjudicates with effects and an optional move, refusing bindings and unknown phases', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.adjudicate('The grid holds', [{ var: 'pressure', add: -1 }], 'deescalation')));
    expect(s.state.vars.world.pressure).toBe(2);
    expect(s.state.phase.active).toEqual(['deescalation']);
    expect(listLast(s.state.rulings)).toMatchObject({ text: 'The grid holds', phase: 'deescalation' });
    expect(
      refusal(s.submit(R.facilitator, C.adjudicate('x', [{ var: 'trust', pair: ['$actor', 'norland'], add: 1 }])))
        .message,
    ).toBe('“$actor” has no meaning here: name the party');
    expect(refusal(s.submit(R.facilitator, C.adjudicate('x', [], 'endgame'))).message).toBe('Unknown phase "endgame"');
  });

  it('broadcasts to all or some delegations', () => {
    const s = session();
    const id = idOf(s.submit(R.facilitator, C.broadcast(['kestrel'], 'Check your mail')));
    expect(listLast(s.state.messages)).toMatchObject({
      id,
      from: null,
      channel: { kind: 'broadcast', to: ['kestrel'] },
    });
    expect(refusal(s.submit(R.facilitator, C.broadcast(['kestrel', 'kestrel'], 'x'))).message).toMatch(/only once/);
  });

  it('plays simulated parties through their own catalogue actions', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.actorAct('press', 'news_report')));
    expect(s.state.vars.world.pressure).toBe(4);
    expect(listLast(s.state.actions)).toMatchObject({ by: 'press', simulated: true });
    expect(refusal(s.submit(R.facilitator, C.actorAct('press', 'ddos', ['norland']))).message).toBe(
      'Daily Wire cannot take “DDoS attack” in this scenario',
    );
    expect(refusal(s.submit(R.facilitator, C.actorAct('norland', 'hunt'))).message).toBe(
      'Unknown simulated party "norland"',
    );
  });
});
