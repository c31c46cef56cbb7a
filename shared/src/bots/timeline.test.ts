/** The run report a trainer reads: the timeline in words and the summary figures. */
import { describe, expect, it } from 'vitest';
import { clock, firstLine } from '../wording/names.ts';
import { simulate } from './simulate.ts';
import { endingSummary, summarize } from './summary.ts';
import { compiledFixture } from './testing.ts';
import { formatTimeline, timeline } from './timeline.ts';

const c = compiledFixture();
const mixed = { norland: 'cooperative', sudmark: 'hawkish', gridco: 'passive' } as const;

describe('timeline', () => {
  const run = simulate(c, { seed: 1, policies: mixed });
  const lines = timeline(c, run.events, { seed: 1 });
  const text = formatTimeline(lines);

  it('tells who did what, with targets, rungs, rule tags and the ending', () => {
    expect(text).toMatch(/00:00 {2}control +exercise started/);
    expect(text).toMatch(/phase +entered “Detection”/);
    expect(text).toMatch(/Sudmark +assessed severity \d\/5, suspects Norland \(high confidence\)/);
    expect(text).toMatch(/Sudmark +Public attribution → Norland \(confidence: high.*\) \[rung 5\]/);
    expect(text).toMatch(/Sudmark +breached “Consult before attributing publicly” towards Norland \[CBM 3\]/);
    expect(text).toMatch(/Norland +pinged the contact point of Sudmark/);
    expect(text).toMatch(/world +Escalation \(max over pairs\) 2 → [4-9]/);
    expect(text).toMatch(/control +play ended: “Escalation spiral” \(condition\)/);
  });

  it('reports deadlines met and missed, with their tags', () => {
    const slow = simulate(c, {
      seed: 1,
      policies: { norland: 'cooperative', sudmark: 'cooperative', gridco: 'passive' },
    });
    const report = formatTimeline(timeline(c, slow.events, { seed: 1 }));
    expect(report).toMatch(/Sudmark +met “Acknowledge pings” towards Norland in 0\d:00/);
    expect(report).toMatch(/GridCo +missed “Acknowledge pings” towards (Norland|Sudmark) \[CBM 8\]/);
    expect(report).toMatch(/signed “Information-sharing arrangement”/);
  });

  it('is in time order, one entry per line', () => {
    expect(lines.map((l) => l.at)).toEqual([...lines.map((l) => l.at)].sort((a, b) => a - b));
    expect(text.split('\n')).toHaveLength(lines.length);
  });

  it('summarises the ending, breaches, deadlines, rungs and the final world', () => {
    const summary = summarize(c, run.events, run.state, { sent: run.sent, refused: run.refusals.length });
    expect(summary.events).toBe(run.events.length);
    expect(summary.breaches).toBeGreaterThanOrEqual(1);
    expect(summary.breachesByRule).toContainEqual(expect.objectContaining({ rule: 'consult-first', cbms: [3] }));
    expect(summary.highestRung.sudmark).toBeGreaterThanOrEqual(5);
    expect(summary.variables.map((v) => v.id)).toEqual(['escalation', 'trust', 'public_pressure']);
    expect(endingSummary(c, run.state)).toMatchObject({ id: 'escalation-spiral', tone: 'negative', how: 'condition' });
  });
});

describe('formatting', () => {
  it('shows game time as mm:ss, and h:mm:ss from the first hour', () => {
    expect(clock(0)).toBe('00:00');
    expect(clock(5 * 60_000 + 30_000)).toBe('05:30');
    expect(clock(75 * 60_000)).toBe('1:15:00');
  });

  it('takes the opening sentence of a narrative', () => {
    expect(firstLine('**The island** is dark.\nAmbassadors were\nrecalled.\n\nLater...')).toBe('The island is dark.');
    expect(firstLine('No full stop here')).toBe('No full stop here');
  });
});
