/** Test support: the scenario fixture (shared/src/scenario/fixtures.ts), validated and compiled, optionally edited. */
import { type CompiledScenario, compileScenario } from '../engine/compile.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { editFixture, minimalScenarioYaml } from '../scenario/fixtures.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';

export function compiledFixture(edit?: (scenario: ScenarioInput) => void): CompiledScenario {
  const result = parseScenario(edit ? editFixture(edit) : minimalScenarioYaml, 'fixture.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
  return compileScenario(result.scenario);
}
