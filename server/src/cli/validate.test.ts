/** `./parley validate` as a user runs it: a real process, its output and its exit status. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimalScenarioYaml, replaceInFixture } from '@parley/shared/scenario/fixtures.ts';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const main = join(root, 'server/src/cli/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'parley-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

function validate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [main, 'validate', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const noStackTrace = (text: string): void => {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(text).not.toMatch(/internal error/);
};

describe('./parley validate', () => {
  it('exits 0 on a valid scenario and prints the summary', () => {
    const good = write('good.yaml', minimalScenarioYaml);
    const run = validate(good);
    expect(run.stdout).toBe('1 file, 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
  });

  it('exits 1 on a bad scenario with the formatted message, and no stack trace', () => {
    const bad = write('bad.yaml', replaceInFixture('kind: company', 'kind: goverment'));
    const run = validate(bad);
    expect(run.stdout.split('\n')).toEqual([
      `${bad}:46:11 delegations[2].kind: expected one of state, cert, company, civil-society, international-organisation, got "goverment"`,
      '1 file, 1 error, 0 warnings',
      '',
    ]);
    expect(run.status).toBe(1);
    noStackTrace(run.stdout + run.stderr);
  });

  it('marks warnings and still exits 0 when there are only warnings', () => {
    const warned = write('warned.yaml', replaceInFixture('  fr: Exercice panne générale\n', ''));
    const run = validate(warned);
    expect(run.stdout).toBe(
      `${warned}:5:3 warning: title: missing translation for "fr"\n1 file, 0 errors, 1 warning\n`,
    );
    expect(run.status).toBe(0);
  });

  it.each([
    [
      'a binary file',
      'binary.yaml',
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]),
      'the file contains a NUL byte',
    ],
    [
      'an alias bomb',
      'bomb.yaml',
      `a: &a [x,x,x,x,x,x,x,x,x]\n${'bcdefgh'
        .split('')
        .map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)
        .join('\n')}\n`,
      'billion laughs',
    ],
    [
      '10,000-deep nesting',
      'deep.yaml',
      `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      'nested more than 64 levels deep',
    ],
    [
      'a 3 MiB file',
      'huge.yaml',
      `summary: "${'x'.repeat(3 * 1024 * 1024)}"\n`,
      'the file is 3.0 MiB; a scenario file may be at most 512 KiB',
    ],
    ['a list instead of a scenario', 'list.yaml', '- a\n- b\n', 'got a list'],
  ])('exits 1 on %s with a message, not a crash', (_, name, content, message) => {
    const path = write(name, content);
    const run = validate(path);
    expect(run.stdout).toContain(`${path}:`);
    expect(run.stdout).toContain(message);
    expect(run.stdout).toMatch(/1 file, 1 error, 0 warnings\n$/);
    expect(run.status).toBe(1);
    noStackTrace(run.stdout + run.stderr);
  });

  it('validates every *.yaml / *.yml in a directory, recursively, skipping node_modules', () => {
    const tree = join(dir, 'tree');
    write('tree/a.yaml', minimalScenarioYaml);
    write('tree/nested/b.yml', replaceInFixture('version: 1', 'version: 2'));
    write('tree/node_modules/c.yaml', 'not: a scenario\n');
    write('tree/notes.txt', 'ignored');
    const run = validate(tree);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/tree\/nested\/b\.yml:2:10 version: expected 1, got 2$/);
    expect(lines[1]).toBe('2 files, 1 error, 0 warnings');
    expect(run.status).toBe(1);
  });

  it('exits 2 with a usage message when given nothing', () => {
    const run = validate();
    expect(run.stderr).toBe('usage: ./parley validate <file|dir>...\n');
    expect(run.status).toBe(2);
  });

  it('exits 2 naming a path that does not exist', () => {
    const run = validate(join(dir, 'missing.yaml'));
    expect(run.stderr).toContain(`no such file or directory: ${join(dir, 'missing.yaml')}`);
    expect(run.status).toBe(2);
    noStackTrace(run.stderr);
  });
});

describe('the shipped scenarios', () => {
  const scenarios = join(root, 'scenarios');
  const shipped = existsSync(scenarios) ? readdirSync(scenarios).filter((f) => /\.ya?ml$/.test(f)) : [];

  it.skipIf(shipped.length === 0)('all validate without errors', () => {
    const run = validate('scenarios');
    expect(run.stdout).toMatch(new RegExp(`^${shipped.length} files?, 0 errors, \\d+ warnings?$`, 'm'));
    expect(run.status).toBe(0);
  });
});
