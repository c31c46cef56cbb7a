/**
 * Lint findings (shared/src/studio/lint.ts) placed at their line and column, as the server's check places them
 * (server/src/studio/check.ts). Run in the editor's worker (lint.worker.ts): it parses the text again.
 */
import { formatPath } from '@parley/shared/scenario/diagnostics.ts';
import { createLocator } from '@parley/shared/scenario/locate.ts';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import { parseSource } from '@parley/shared/scenario/source.ts';
import { type LintFinding, lintScenario } from '@parley/shared/studio/lint.ts';

/** A finding placed at its line (as server/src/studio/check.ts places them). */
export type PlacedFinding = {
  readonly line: number;
  readonly column: number;
  readonly field: string;
  readonly message: string;
  readonly severity: 'warning' | 'info';
};

/** Lint codes the validator already reports as warnings (missing translations): not marked twice. */
const VALIDATOR_CODES: ReadonlySet<LintFinding['code']> = new Set([
  'missing-translation',
  'unknown-translation-language',
]);

/** Lints the text (nothing when it is invalid: the validator's errors come first) and places the findings. */
export function lintAndPlace(source: string, language?: string): PlacedFinding[] {
  const parsed = parseScenario(source, 'scenario.yaml');
  if (!parsed.ok) return [];
  const findings = lintScenario(parsed.scenario, { language }).filter((f) => !VALIDATOR_CODES.has(f.code));
  if (findings.length === 0) return [];
  const tree = parseSource(source);
  const locate = tree.doc === undefined ? undefined : createLocator(tree.doc, tree.lineCounter);
  return findings.map((f) => {
    const at = locate?.({ path: f.path }) ?? { line: 1, column: 1 };
    return { line: at.line, column: at.column, field: formatPath(f.path), message: f.message, severity: f.severity };
  });
}
