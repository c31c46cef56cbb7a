import { describe, expect, it } from 'vitest';
import { C, compiled, idOf, ok, R, session } from '../engine/testKit.ts';
import { MINUTE } from '../engine/types.ts';
import { buildReview } from './build.ts';
import { filterTimeline } from './timeline.ts';

/** A short exercise: a ping answered in 4 minutes, one missed, a breach, messages, injects, observations, an end. */
function played() {
  const s = session();
  const answered = idOf(s.submit(R.norland, C.ping('vesteria', 'PING-ANSWERED')));
  s.advanceBy(4);
  ok(s.submit(R.vesteria, C.ack(answered, 'Received')));
  ok(s.submit(R.kestrel, C.ping('vesteria', 'PING-MISSED')));
  ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'DM-NV')));
  ok(s.submit(R.vesteria, C.say({ kind: 'group', group: 'nordic' }, 'GROUP-NORDIC')));
  ok(s.submit(R.facilitator, C.adjust('impact', { add: 1 }, 'REASON-CONTROL')));
  ok(s.submit(R.facilitator, C.release('call')));
  ok(s.submit(R.norland, C.act('hack_back', ['vesteria'])));
  s.advanceBy(12);
  ok(
    s.submit(
      R.evaluator,
      C.observe('OBS-NORLAND', { delegation: 'norland', objective: 'restraint', rating: 'not-met' }),
    ),
  );
  ok(s.submit(R.evaluatorAll, C.observe('OBS-CALL', { delegation: 'vesteria', inject: 'call', rating: 'met' })));
  ok(s.submit(R.facilitator, C.end('stalemate')));
  return s;
}

describe('buildReview', () => {
  const s = played();
  const review = buildReview(compiled, s.events, { seed: 1 });

  it('tells every event in words, with its time, sender, channel and audience', () => {
    const dm = review.timeline.find((e) => e.kind === 'message' && e.text.includes('DM-NV'));
    expect(dm).toMatchObject({
      actor: { role: 'delegation', delegation: 'norland' },
      who: 'Norland',
      channel: 'bilateral',
      audience: { kind: 'parties', parties: ['norland', 'vesteria'] },
      text: 'to Vesteria: “DM-NV”',
    });
    const call = review.timeline.find((e) => e.kind === 'inject.delivered' && e.ref === 'call');
    expect(call?.channel).toBeTruthy();
    expect(call?.actor.role).toBe('facilitator');
    expect(review.timeline.find((e) => e.kind === 'ping.acked')?.text).toBe(
      'acknowledged the ping of Norland after 04:00',
    );
    expect(review.timeline.map((e) => e.seq)).toEqual([...review.timeline.map((e) => e.seq)].sort((a, b) => a - b));
    expect(review.timeline.at(-1)?.text).toBe('play ended: “Stalemate” (facilitator)');
  });

  it('filters the timeline by delegation and by channel', () => {
    const kestrel = filterTimeline(review.timeline, { delegation: 'kestrel' });
    expect(kestrel.some((e) => e.text.includes('DM-NV'))).toBe(false);
    expect(kestrel.some((e) => e.kind === 'ping.sent')).toBe(true);
    expect(kestrel.some((e) => e.kind === 'exercise.started')).toBe(false);
    const groups = filterTimeline(review.timeline, { channel: 'group' });
    expect(groups.map((e) => e.text)).toEqual(['to the group “Nordic CERT forum”: “GROUP-NORDIC”']);
    expect(filterTimeline(review.timeline, { channel: 'group:nordic' })).toEqual(groups);
    expect(filterTimeline(review.timeline, { delegation: 'kestrel', channel: 'bilateral' })).toEqual([]);
  });

  it('charts escalation, trust per pair and the other variables at every change', () => {
    const escalation = review.series.find((v) => v.id === 'escalation');
    expect(escalation?.overall.map((p) => p.value)).toEqual([2, 3]);
    const hackBack = review.timeline.find((e) => e.kind === 'action' && e.ref === 'hack_back');
    expect(escalation?.overall[1]?.seq).toBe(hackBack?.seq);
    const trust = review.series.find((v) => v.id === 'trust');
    const kv = trust?.pairs.find((p) => p.between.includes('kestrel') && p.between.includes('vesteria'));
    expect(kv?.points.map((p) => p.value)).toEqual([5, 4]); // the missed acknowledgement cost a point
    expect(review.series.find((v) => v.id === 'impact')?.overall.map((p) => p.value)).toEqual([1, 2, 3]);
  });

  it('tables deadlines met and missed with response times, and breaches with their tags, per delegation', () => {
    const rows = review.compliance.rows.map((r) => [r.kind, r.rule, r.party, r.responseMs]);
    expect(rows).toEqual([
      ['met', 'ack-ping', 'vesteria', 4 * MINUTE],
      ['breach', 'no-hack-back', 'norland', null],
      ['missed', 'ack-ping', 'vesteria', null],
    ]);
    expect(review.compliance.rows.find((r) => r.kind === 'breach')).toMatchObject({ norms: ['f', 'k'], cbms: [] });
    expect(review.compliance.byDelegation.find((d) => d.delegation === 'vesteria')).toMatchObject({
      met: 1,
      missed: 1,
      breaches: 0,
      meanResponseMs: 4 * MINUTE,
    });
    expect(review.compliance.totals).toMatchObject({ met: 1, missed: 1, breaches: 1, open: 0 });
  });

  it('places observations beside the inject they name or the moment before them', () => {
    const [norland, call] = review.observations;
    const delivered = review.timeline.find((e) => e.kind === 'inject.delivered' && e.ref === 'call');
    expect(call?.anchor?.seq).toBe(delivered?.seq);
    expect(call?.injectTitle).toBeTruthy();
    expect(norland?.objectiveTitle).toBe('Avoid escalation without signalling');
    const before = filterTimeline(review.timeline, { delegation: 'norland' }).filter(
      (e) => e.seq < (norland?.seq ?? 0) && e.kind !== 'observation.recorded',
    );
    expect(norland?.anchor).toEqual({ seq: before.at(-1)?.seq, at: before.at(-1)?.at, text: before.at(-1)?.text });
    expect(norland?.anchor?.text).toMatch(/^inject “Attribution report”/); // arrived after the hack back
  });

  it('sums up the ending, the duration and the counts', () => {
    expect(review.summary).toMatchObject({
      scenario: 'grey-tide',
      status: 'ended',
      ending: { id: 'stalemate', title: 'Stalemate', how: 'facilitator' },
      durationMs: 16 * MINUTE,
      events: s.events.length,
      ratings: { met: 1, partially: 0, 'not-met': 1 },
    });
    expect(review.summary.counts).toMatchObject({ deadlinesMet: 1, deadlinesMissed: 1, breaches: 1, observations: 2 });
  });

  it('gives an evaluator only what concerns the delegations it watches', () => {
    const mine = buildReview(compiled, s.events, { seed: 1, viewer: R.evaluator });
    const json = JSON.stringify(mine);
    for (const marker of ['DM-NV', 'GROUP-NORDIC', 'OBS-NORLAND']) expect(json).toContain(marker);
    for (const marker of ['REASON-CONTROL', 'OBS-CALL']) expect(json).not.toContain(marker);
    expect(mine.timeline.some((e) => e.kind === 'ping.sent' && e.by === 'kestrel')).toBe(false);
    expect(review.timeline.some((e) => e.kind === 'ping.sent' && e.by === 'kestrel')).toBe(true);
    expect(mine.series.some((v) => v.id === 'impact')).toBe(false);
    expect(mine.compliance.rows.map((r) => r.party)).toEqual(['norland']);
    expect(mine.observations.map((o) => o.text)).toEqual(['OBS-NORLAND']);
    expect(mine.timeline.some((e) => e.kind === 'variable.adjusted')).toBe(false);
  });
});
