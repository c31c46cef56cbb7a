/**
 * Every shipped scenario validates, and every one of its endings is reached by some seeded bot run: a fixed, small
 * search over policy assignments × seeds. A failure lists which run reached which ending.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cycle, type PolicyName, type SimulateOptions, simulate } from '@parley/shared/bots/index.ts';
import { compileScenario } from '@parley/shared/engine/index.ts';
import { formatDiagnostic, parseScenario, UN_NORM_KEYS } from '@parley/shared/scenario/index.ts';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', 'scenarios');
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

const SEEDS = [1, 2, 3];

/** Policy assignments tried on every scenario (mixes are cycled over the delegations in scenario order). */
function assignments(delegations: readonly string[]): [string, SimulateOptions['policies']][] {
  const mix = (...names: PolicyName[]) => cycle(delegations, names);
  return [
    ['cooperative', 'cooperative'],
    ['hawkish', 'hawkish'],
    ['passive', 'passive'],
    ['random', 'random'],
    ['default mix', undefined],
    ['cooperative,passive', mix('cooperative', 'passive')],
    ['passive,cooperative', mix('passive', 'cooperative')],
    ['cooperative,hawkish', mix('cooperative', 'hawkish')],
  ];
}

it('has scenarios to check', () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('%s', (file) => {
  const result = parseScenario(readFileSync(join(dir, file)), `scenarios/${file}`);

  it('validates with no errors', () => {
    expect(result.ok ? [] : result.errors.map(formatDiagnostic)).toEqual([]);
  });

  it('reaches every ending in some seeded bot run', () => {
    if (!result.ok) throw new Error(`${file} is invalid`);
    const c = compileScenario(result.scenario);
    const reached = new Map<string, string[]>();
    for (const [name, policies] of assignments(c.delegationIds)) {
      for (const seed of SEEDS) {
        const run = simulate(c, { seed, policies });
        const id = run.ending?.id ?? '(none)';
        reached.set(id, [...(reached.get(id) ?? []), `${name} #${seed} at ${(run.ending?.at ?? 0) / 60_000} min`]);
      }
    }
    const table = [...reached].map(([id, runs]) => `  ${id}: ${runs.join('; ')}`).join('\n');
    const missing = result.scenario.endings.map((e) => e.id).filter((id) => !reached.has(id));
    expect(missing, `endings no bot run reached in ${file}; runs by ending:\n${table}`).toEqual([]);
  });
});

describe('the shipped library', () => {
  const scenarios = files.flatMap((file) => {
    const r = parseScenario(readFileSync(join(dir, file)), file);
    return r.ok ? [r.scenario] : [];
  });
  const tagged = (s: (typeof scenarios)[number]) => [...s.objectives, ...s.actions, ...s.rules, ...s.templates];

  it('together tags all 11 UN norms and at least 10 of the 16 OSCE CBMs', () => {
    const norms = new Set(scenarios.flatMap((s) => tagged(s).flatMap((t) => t.norms)));
    const cbms = new Set(scenarios.flatMap((s) => tagged(s).flatMap((t) => t.cbms)));
    expect(UN_NORM_KEYS.filter((n) => !norms.has(n))).toEqual([]);
    expect(cbms.size).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s is substantive: 3–6 delegations, 15+ injects, 2+ endings, objectives tagged', (file) => {
    const s = scenarios.find((x) => `${x.id}.yaml` === file);
    if (!s) throw new Error(`${file} is invalid or its id does not match its file name`);
    expect(s.delegations.length).toBeGreaterThanOrEqual(3);
    expect(s.delegations.length).toBeLessThanOrEqual(6);
    expect(s.injects.length).toBeGreaterThanOrEqual(15);
    expect(s.endings.length).toBeGreaterThanOrEqual(2);
    expect(s.objectives.filter((o) => o.norms.length === 0 || o.cbms.length === 0).map((o) => o.id)).toEqual([]);
  });
});
