import { compileScenario } from '@parley/shared/engine/compile.ts';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import { describe, expect, it } from 'vitest';
import gridlock from '../../../../../scenarios/gridlock.yaml?raw';
import { aggregate, compareJobs, playRun, type RunOutcome, seedsUpTo, standardMixes } from './runs.ts';

const outcome = (mix: string, seed: number, ending: string | null): RunOutcome => ({
  mix,
  seed,
  ending,
  how: ending === null ? null : 'condition',
  minute: 10,
  breaches: 0,
  missed: 0,
  met: 0,
});

describe('aggregate', () => {
  it('counts runs per ending in scenario order, lists endings no run reached, and groups runs by mix', () => {
    const runs = [
      outcome('hawkish', 2, 'spiral'),
      outcome('cooperative', 1, 'accord'),
      outcome('hawkish', 1, 'spiral'),
      outcome('cooperative', 2, null),
    ];
    const a = aggregate(runs, ['accord', 'stalemate', 'spiral']);
    expect(a.counts).toEqual([
      { ending: 'accord', runs: 1 },
      { ending: 'spiral', runs: 2 },
      { ending: null, runs: 1 },
    ]);
    expect(a.unreached).toEqual(['stalemate']);
    expect(a.rows.map((r) => [r.mix, r.runs.map((o) => o.seed)])).toEqual([
      ['hawkish', [1, 2]],
      ['cooperative', [1, 2]],
    ]);
    expect(a.total).toBe(4);
  });

  it('reports every ending as unreached when there are no runs', () => {
    expect(aggregate([], ['a', 'b'])).toMatchObject({ counts: [], unreached: ['a', 'b'], rows: [], total: 0 });
  });
});

describe('compareJobs', () => {
  const ids = ['a', 'b', 'c'];
  it('tries the standard mixes × seeds, with explicit policies for every delegation', () => {
    const jobs = compareJobs(ids, { a: 'cooperative', b: 'cooperative', c: 'cooperative' }, seedsUpTo(2));
    expect(jobs).toHaveLength(standardMixes(ids).length * 2);
    for (const j of jobs) expect(Object.keys(j.policies).sort()).toEqual(ids);
    expect(jobs.find((j) => j.mix === 'default mix')?.policies).toEqual({
      a: 'cooperative',
      b: 'hawkish',
      c: 'passive',
    });
  });

  it("puts the reader's own mix first when it is not a standard one", () => {
    const own = { a: 'random', b: 'hawkish', c: 'passive' } as const;
    const jobs = compareJobs(ids, own, [1]);
    expect(jobs[0]).toEqual({ mix: 'yours', policies: own, seed: 1 });
  });
});

describe('playRun', () => {
  it('plays the same run twice the same way, and reports its ending, ledger and timeline', () => {
    const parsed = parseScenario(gridlock, 'gridlock.yaml');
    if (!parsed.ok) throw new Error('gridlock parses');
    const c = compileScenario(parsed.scenario);
    const job = { mix: 'hawkish', policies: { veldmark: 'hawkish', halvania: 'hawkish' } as const, seed: 1 };
    const a = playRun(c, job, true);
    const b = playRun(c, job, false);
    expect(b).toEqual(a.outcome);
    expect(a.outcome.ending).not.toBeNull();
    expect(parsed.scenario.endings.map((e) => e.id)).toContain(a.outcome.ending);
    expect(a.timeline.length).toBeGreaterThan(5);
    expect(a.summary.deadlines.met + a.summary.deadlines.missed).toBe(a.outcome.met + a.outcome.missed);
  });
});
