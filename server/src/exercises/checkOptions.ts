/** Exercise options that refer to the scenario (rule modes, evaluator assignments) must name what it has. */
import { closest, type Scenario } from '@parley/shared';
import type { CreateExerciseInput } from './inputs.ts';

/** What is wrong with the options, in words, or null. */
export function checkOptions(input: CreateExerciseInput, scenario: Scenario): string | null {
  const rules = new Map(scenario.rules.map((r) => [r.id, r]));
  for (const [id, mode] of Object.entries(input.ruleModes ?? {})) {
    const rule = rules.get(id);
    if (!rule) {
      const near = closest(id, [...rules.keys()]);
      return `ruleModes: "${id}" is not a rule of ${scenario.id}${near ? ` (did you mean "${near}"?)` : ''}; its rules are ${[...rules.keys()].join(', ') || 'none'}.`;
    }
    if (rule.type === 'deadline' && mode === 'block') {
      return `ruleModes: "${id}" is a deadline rule, which can only warn or record (a missed deadline cannot be blocked).`;
    }
  }
  const delegations = scenario.delegations.map((d) => d.id);
  for (const [i, e] of (input.evaluators ?? []).entries()) {
    for (const d of e.delegations === 'all' || e.delegations === undefined ? [] : e.delegations) {
      if (!delegations.includes(d)) {
        return `evaluators.${i}.delegations: "${d}" is not a delegation of ${scenario.id}; its delegations are ${delegations.join(', ')}.`;
      }
    }
  }
  return null;
}
