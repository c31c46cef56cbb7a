/** `./parley lint` as a user runs it: a real process, its output and its exit status. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimalScenarioYaml, positionOf, replaceInFixture } from '@parley/shared/scenario/fixtures.ts';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const main = join(root, 'server/src/cli/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'parley-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function lint(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [main, 'lint', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The fixture where "response" cannot be left: no onTimeout, no transition, and another phase after it. */
const stuck = replaceInFixture(
  `    onTimeout: { end: stalemate }
    transitions:
      - end: cooperation
        when: { signed: info-sharing }
`,
  `  - id: wrap-up
    title: Wrap-up
    transitions:
      - end: cooperation
        when: { signed: info-sharing }
`,
).replace(
  '      - to: response\n        when: { action: attribute }\n',
  '      - to: response\n        when: { action: attribute }\n      - to: wrap-up\n        when: { var: trust, gte: 8 }\n',
);

describe('./parley lint', { timeout: 60_000 }, () => {
  it('prints the summary and exits 0 on a scenario with nothing to say', () => {
    const run = lint(write('good.yaml', minimalScenarioYaml));
    expect(run.stdout).toBe('1 file, 0 errors, 0 warnings, 0 notes\n');
    expect(run.status).toBe(0);
  });

  it('points each finding at its line and column; --strict turns warnings into a failure', () => {
    const file = write('stuck.yaml', stuck);
    const { line, column } = positionOf(stuck, 'response\n    title: Response');
    const run = lint(file);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:${column} warning: phases\\[1\\]\\.id: phase "response" \\(Response\\) has no way out`,
        ),
      ),
      '1 file, 0 errors, 1 warning, 0 notes',
      '',
    ]);
    expect(run.status).toBe(0);
    expect(lint('--strict', file).status).toBe(1);
  });

  it('prints the validator errors of an invalid file and exits 1', () => {
    const bad = write('bad.yaml', replaceInFixture('kind: company', 'kind: goverment'));
    const run = lint(bad);
    expect(run.stdout).toContain(`${bad}:46:11 delegations[2].kind: expected one of`);
    expect(run.stdout).toMatch(/1 file, 1 error, 0 warnings, 0 notes\n$/);
    expect(run.status).toBe(1);
  });

  it('reports usage errors with status 2', () => {
    expect(lint('--frobnicate', 'x.yaml').status).toBe(2);
    const missing = lint(join(dir, 'nope.yaml'));
    expect(missing.stderr).toContain('no such file or directory');
    expect(missing.status).toBe(2);
  });

  it('runs over the shipped scenarios without errors', () => {
    const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    const run = lint('scenarios');
    expect(run.stdout).toMatch(new RegExp(`^${files.length} files, 0 errors, \\d+ warnings?, \\d+ notes?$`, 'm'));
    expect(run.status).toBe(0);
  });

  it('with --bots, notes endings no bot run reaches', () => {
    const miracle = replaceInFixture(
      '  - id: stalemate\n',
      '  - id: miracle\n    title: Calm returns\n    narrative: Nobody talks about it.\n    when: { var: public_pressure, eq: 0 }\n  - id: stalemate\n',
    );
    const run = lint(write('miracle.yaml', miracle), '--seeds', '1');
    expect(run.stdout).toContain('note: endings[2].id: ending "miracle" (Calm returns) was not reached in 8 bot runs');
    expect(run.status).toBe(0);
  });
});
