import { describe, expect, it } from 'vitest';
import { minimalScenarioYaml } from '../scenario/fixtures.ts';
import { formatDiagnostic, parseScenario, type Scenario } from '../scenario/index.ts';
import { replaceInjects } from './yamlEdit.ts';

function scenarioOf(yaml: string): Scenario {
  const result = parseScenario(yaml, 'test.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
  return result.scenario;
}

describe('replaceInjects', () => {
  const fixture = scenarioOf(minimalScenarioYaml);

  it('rewrites only the injects section, which reads back as the same injects', () => {
    const yaml = replaceInjects(minimalScenarioYaml, fixture.injects);
    const before = minimalScenarioYaml.split('\ninjects:\n');
    const after = yaml.split('\ninjects:\n');
    expect(after[0]).toBe(before[0]);
    expect(after[1]?.slice(after[1].indexOf('\nactions:\n'))).toBe(before[1]?.slice(before[1].indexOf('\nactions:\n')));
    expect(scenarioOf(yaml)).toStrictEqual(fixture);
  });

  it('writes injects as a trainer would: no filled-in defaults, short lists on one line, a blank line between', () => {
    const yaml = replaceInjects(minimalScenarioYaml, fixture.injects.slice(1, 3));
    const section = yaml.slice(yaml.indexOf('\ninjects:\n'), yaml.indexOf('\nactions:\n'));
    expect(section).toBe(`
injects:
  - id: cert-bulletin
    title: CERT bulletin
    onEnter: analysis
    delay: 2
    from: gridco
    to: [norland, sudmark]
    channel: cert
    indicators:
      - {type: ip, value: 203.0.113.7}
    body: GridCo shares the command-and-control address.
    expects:
      text: Share the indicators with the other CERT.
      actions: [share-iocs]

  - id: intel-report
    title: Intelligence assessment
    at: 15
    phase: detection
    to: [norland]
    channel: intel
    confidence: medium
    body: The tooling matches a group that operates from Sudmark.
    objective: restraint`);
  });

  it('adds the section when the file has none', () => {
    const without = minimalScenarioYaml.replace(/\ninjects:\n[\s\S]*?\nactions:\n/, '\nactions:\n');
    expect(scenarioOf(replaceInjects(without, fixture.injects)).injects).toStrictEqual(fixture.injects);
  });
});
