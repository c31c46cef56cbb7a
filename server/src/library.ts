/**
 * The scenario library on disk: every `*.yaml` in the scenarios directory, parsed and validated. A file that fails
 * validation is listed with its diagnostics rather than hidden, so a trainer sees why it is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, formatDiagnostic, parseScenario } from '@parley/shared/scenario/index.ts';
import type { Scenario } from '@parley/shared/scenario/schema.ts';

export type LibraryEntry =
  | { file: string; ok: true; scenario: Scenario }
  | { file: string; ok: false; errors: string[] };

export function loadLibrary(dir: string): LibraryEntry[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((file) => {
      const result = parseScenario(readFileSync(join(dir, file)), file);
      return result.ok
        ? { file, ok: true as const, scenario: result.scenario }
        : { file, ok: false as const, errors: result.errors.map((d: Diagnostic) => formatDiagnostic(d)) };
    });
}
