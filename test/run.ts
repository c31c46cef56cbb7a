/**
 * `./parley test`: the whole suite, in order: lint and format (Biome), type check (tsc), then every vitest project.
 * Stops at the first failing step; ends with one summary line `tests: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const report = '.parley/vitest-report.json';
mkdirSync('.parley', { recursive: true });
const extra = process.argv.slice(2);

const steps: { name: string; argv: string[] }[] = [
  { name: 'lint', argv: ['pnpm', 'exec', 'biome', 'ci', '--colors=off', '--error-on-warnings', '.'] },
  { name: 'types', argv: ['pnpm', 'exec', 'tsc', '-p', 'tsconfig.json'] },
  { name: 'client types', argv: ['pnpm', 'exec', 'tsc', '-p', 'client/tsconfig.json'] },
  {
    name: 'vitest',
    argv: [
      'pnpm',
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...extra,
    ],
  },
];

for (const step of steps) {
  const started = performance.now();
  process.stdout.write(`\n── ${step.name} ──\n`);
  const [bin = 'pnpm', ...args] = step.argv;
  const run = spawnSync(bin, args, { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    process.stdout.write(`\n${step.name} failed after ${seconds}s\n`);
    summarize();
    process.exit(run.status ?? 1);
  }
  process.stdout.write(`${step.name}: ok in ${seconds}s\n`);
}
summarize();

function summarize(): void {
  try {
    const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    process.stdout.write(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed\n`);
  } catch {
    // No report: vitest did not run.
  }
}
