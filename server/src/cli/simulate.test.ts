/** `./parley simulate` as a user runs it: a real process, its output and its exit status. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimalScenarioYaml, replaceInFixture } from '@parley/shared/scenario/fixtures.ts';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const main = join(root, 'server/src/cli/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'parley-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = join(dir, 'blackout-drill.yaml');
writeFileSync(fixture, minimalScenarioYaml);

function simulate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [main, 'simulate', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const noStackTrace = (text: string): void => {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(text).not.toMatch(/internal error/);
};

describe('./parley simulate', () => {
  it('prints a timeline, the ending reached and a summary', () => {
    const run = simulate(fixture, '--seed', '3');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Blackout drill, seed 3');
    expect(lines[1]).toBe('Policies: norland cooperative, sudmark hawkish, gridco passive');
    expect(run.stdout).toMatch(/^ {3}00:00 {2}control +exercise started$/m);
    expect(run.stdout).toMatch(/Sudmark +Public attribution → Norland/);
    expect(run.stdout).toMatch(/^Ending: “Escalation spiral” \(negative\), by condition at \d\d:\d\d$/m);
    expect(run.stdout).toMatch(/^ {2}Accusations and sanctions followed each other\.$/m);
    expect(run.stdout).toMatch(
      /^Summary: \d+ events; bots sent \d+ commands, 0 refused; \d+ rule breaches; deadlines/m,
    );
    expect(run.stderr).toBe('');
  });

  it('prints byte-identical output for the same seed, and another run for another seed', () => {
    const a = simulate(fixture, '--seed', '5', '--policy', 'random');
    const b = simulate(fixture, '--seed', '5', '--policy', 'random');
    const c = simulate(fixture, '--seed', '6', '--policy', 'random');
    expect(a.stdout.length).toBeGreaterThan(500);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('assigns policies by list or by delegation', () => {
    expect(simulate(fixture, '--policy', 'passive,cooperative').stdout).toMatch(
      /^Policies: norland passive, sudmark cooperative, gridco passive$/m,
    );
    expect(simulate(fixture, '--policy', 'gridco=random').stdout).toMatch(
      /^Policies: norland cooperative, sudmark hawkish, gridco random$/m,
    );
  });

  it('prints one JSON document with --json', () => {
    const run = simulate(fixture, '--policy', 'cooperative', '--json');
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      scenario: 'blackout-drill',
      seed: 1,
      policies: { norland: 'cooperative', sudmark: 'cooperative', gridco: 'cooperative' },
      ending: { id: 'cooperation', title: 'Joint response', tone: 'positive' },
      summary: { events: doc.events.length, commands: { refused: 0 } },
    });
    expect(doc.events[0]).toMatchObject({ seq: 1, at: 0, type: 'exercise.start' });
  });

  it('plays a shipped scenario named by its id', () => {
    const id = readdirSync(join(root, 'scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .sort()[0]
      ?.replace(/\.yaml$/, '');
    const run = simulate(id ?? 'missing', '--policy', 'passive');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Ending: /m);
  });

  it('says so when the scenario file does not exist, with no stack trace', () => {
    const run = simulate(join(dir, 'nope.yaml'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^parley simulate: cannot read scenario ".*nope\.yaml" \(no such file\)$/m);
    expect(run.stdout).toBe('');
    noStackTrace(run.stderr);
    const unknown = simulate('no-such-scenario');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/scenarios\/no-such-scenario\.yaml: no such file/);
  });

  it('prints the diagnostics of an invalid scenario and exits 1', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, replaceInFixture('kind: company', 'kind: goverment'));
    const run = simulate(bad);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+ delegations\[2\]\.kind: expected one of/);
    expect(run.stdout).toBe('');
    noStackTrace(run.stderr);
  });

  it.each([
    [['--seed', 'x', 'f.yaml'], /--seed must be an integer, got "x"/],
    [[], /which scenario\?/],
    [['f.yaml', '--policy', 'dovish'], /unknown policy "dovish" \(choose from cooperative, hawkish, passive, random\)/],
    [['f.yaml', '--bogus'], /unknown option "--bogus"/],
  ])('rejects bad arguments %j with a message, the usage and status 2', (args, message) => {
    const run = simulate(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/usage: \.\/parley simulate/);
    noStackTrace(run.stderr);
  });

  it('rejects a policy for a delegation the scenario does not have', () => {
    const run = simulate(fixture, '--policy', 'atlantis=hawkish');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no delegation "atlantis" in this scenario \(delegations: norland, sudmark, gridco\)/);
  });
});
