/**
 * The pure engine stays pure: no clock reads or unseeded randomness in shared/ (Biome's import rules cover node:*,
 * Colyseus and React; this covers what an import rule cannot see).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const forbidden: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\s*\(/, 'new Date()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bsetTimeout\s*\(|\bsetInterval\s*\(/, 'timers'],
  [/\bprocess\./, 'process'],
];

describe('shared/ is pure', () => {
  const files = sources(join(root, 'shared', 'src'));

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(forbidden)('never uses %s', (pattern, what) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(offenders, `${what} found in shared/`).toEqual([]);
  });
});
