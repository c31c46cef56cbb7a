/** The MSEL round trip on every shipped scenario, and `./parley msel export|import` as a user runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimalScenarioYaml } from '@parley/shared/scenario/fixtures.ts';
import { formatDiagnostic, parseScenario, type Scenario } from '@parley/shared/scenario/index.ts';
import { mselFromCsv, mselToCsv, replaceInjects } from '@parley/shared/studio/index.ts';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const main = join(root, 'server/src/cli/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'parley-msel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shipped = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function scenarioOf(text: string, name: string): Scenario {
  const result = parseScenario(text, name);
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
  return result.scenario;
}

function msel(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [main, 'msel', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.each(shipped)('%s', (file) => {
  const text = readFileSync(join(root, 'scenarios', file), 'utf8');
  const scenario = scenarioOf(text, file);

  it.each(scenario.languages.flatMap((language) => [',', ';'].map((delimiter) => [language, delimiter] as const)))(
    'round-trips its injects through CSV (main language %s, delimiter "%s")',
    (language, delimiter) => {
      const csv = mselToCsv(scenario, { language, delimiter: delimiter as ',' | ';' });
      expect(mselFromCsv(csv, scenario, { language })).toStrictEqual({ ok: true, injects: scenario.injects });
    },
  );

  it('reads back the same scenario after the injects are written into its YAML', () => {
    expect(scenarioOf(replaceInjects(text, scenario.injects), file)).toStrictEqual(scenario);
  });
});

describe('./parley msel', { timeout: 60_000 }, () => {
  const scenarioFile = join(dir, 'drill.yaml');
  writeFileSync(scenarioFile, minimalScenarioYaml);

  it('exports a CSV and imports it back into a scenario that validates with the same injects', () => {
    const csvFile = join(dir, 'drill.csv');
    expect(msel('export', scenarioFile, '-o', csvFile).status).toBe(0);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.split('\r\n')[1]).toBe(
      'outage-news,at 0,,,all,news,,,Blackout in the north,Three substations in northern Norland went dark at 03:10.,,,poc-use,,,,,,,',
    );
    const edited = csv.replace('Blackout in the north', 'Blackout in the far north');
    writeFileSync(csvFile, edited);
    const run = msel('import', scenarioFile, csvFile);
    expect(run.stderr).toBe('parley msel: 6 injects imported\n');
    expect(run.status).toBe(0);
    const after = scenarioOf(run.stdout, 'out.yaml');
    const before = scenarioOf(minimalScenarioYaml, 'drill.yaml');
    expect(after.injects[0]?.title).toBe('Blackout in the far north');
    expect({ ...after, injects: after.injects.slice(1) }).toStrictEqual({
      ...before,
      injects: before.injects.slice(1),
    });
  });

  it('lists bad rows by row and column and writes nothing', () => {
    const csvFile = join(dir, 'bad.csv');
    const out = join(dir, 'never.yaml');
    writeFileSync(csvFile, 'id;trigger;audience;channel;title;body\r\nx;at 5;norlnd;news;T;B\r\n');
    const run = msel('import', scenarioFile, csvFile, '-o', out);
    expect(run.stderr).toBe(
      `${csvFile}: row 2, column "audience": unknown delegation "norlnd" (did you mean "norland"?)\nparley msel: 1 error; nothing written\n`,
    );
    expect(run.status).toBe(1);
    expect(readdirSync(dir)).not.toContain('never.yaml');
  });

  it('refuses an import that would break the scenario, such as removing an inject a condition names', () => {
    const csvFile = join(dir, 'short.csv');
    const csv = mselToCsv(scenarioOf(minimalScenarioYaml, 'drill.yaml'));
    writeFileSync(
      csvFile,
      csv
        .split('\r\n')
        .filter((line) => !line.startsWith('missed-ack'))
        .join('\r\n'),
    );
    const withoutRule = msel('import', scenarioFile, csvFile);
    expect(withoutRule.status).toBe(0);
    const leakless = csv
      .split('\r\n')
      .filter((line) => !line.startsWith('leak,'))
      .join('\r\n');
    writeFileSync(csvFile, leakless.replace('at 0,', '"when { released: leak }",'));
    const run = msel('import', scenarioFile, csvFile);
    expect(run.stderr).toContain('unknown inject "leak"');
    expect(run.status).toBe(1);
  });

  it('reports usage errors with status 2', () => {
    expect(msel('frobnicate').status).toBe(2);
    expect(msel('export').status).toBe(2);
    expect(msel('export', scenarioFile, '--language', 'de').status).toBe(2);
  });
});
