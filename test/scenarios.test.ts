/**
 * Every shipped scenario validates, and every one of its endings is reached by some seeded bot run: a fixed, small
 * search over policy assignments × seeds. A failure lists which run reached which ending.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cycle, type PolicyName, type SimulateOptions, simulate } from '@parley/shared/bots/index.ts';
import { compileScenario } from '@parley/shared/engine/index.ts';
import { formatDiagnostic, parseScenario } from '@parley/shared/scenario/index.ts';
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
