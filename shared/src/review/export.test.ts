import { describe, expect, it } from 'vitest';
import { C, compiled, ok, R, session } from '../engine/testKit.ts';
import { buildReview } from './build.ts';
import { csvCell, reviewCsv, toCsv, toJSON } from './export.ts';

describe('review exports', () => {
  it('quotes CSV fields as RFC 4180 says and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 'with, comma'],
          ['say "hi"', 'two\nlines'],
        ],
      ),
    ).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n');
    expect(['=SUM(A1)', '+1', '-2', '@cmd', '\tx'].map(csvCell)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@cmd", "'\tx"]);
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect([csvCell(-2), csvCell(null), csvCell(3.5)]).toEqual(['-2', '', '3.5']);
  });

  it('writes the timeline, compliance and observations tables, one row per item', () => {
    const s = session();
    ok(s.submit(R.norland, C.say({ kind: 'public' }, '=cmd|"/c calc"!A1')));
    ok(s.submit(R.norland, C.act('hack_back', ['vesteria'])));
    ok(s.submit(R.evaluator, C.observe('Good, fast', { delegation: 'norland', rating: 'met' })));
    const review = buildReview(compiled, s.events, { seed: 1 });
    const timeline = reviewCsv(review, 'timeline').trimEnd().split('\r\n');
    expect(timeline[0]).toBe('seq,time,at_ms,kind,role,delegation,who,to,channel,audience,text');
    expect(timeline).toHaveLength(review.timeline.length + 1);
    expect(timeline.find((l) => l.includes('calc'))).toContain(',public,public,"said publicly: “=cmd|""/c calc""!A1”"');
    const compliance = reviewCsv(review, 'compliance').trimEnd().split('\r\n');
    expect(compliance[1]).toMatch(/^\d+,00:00,breach,no-hack-back,No hacking back,record,norland,vesteria,hack_back,/);
    expect(compliance[1]?.endsWith(',f k,')).toBe(true);
    expect(reviewCsv(review, 'observations').split('\r\n')[1]).toContain(',evaluator,norland,,,met,"Good, fast",');
  });

  it('exports JSON with the log for control, without it for an evaluator', () => {
    const s = session();
    const control = toJSON('grey-tide', { seed: 1 }, s.events, buildReview(compiled, s.events, { seed: 1 }));
    expect(control).toMatchObject({ format: 'parley.review/1', scenario: 'grey-tide', options: { seed: 1 } });
    expect(control.events).toHaveLength(s.events.length);
    const evaluator = buildReview(compiled, s.events, { seed: 1, viewer: R.evaluator });
    expect(toJSON('grey-tide', { seed: 1 }, s.events, evaluator).events).toBeNull();
  });
});
