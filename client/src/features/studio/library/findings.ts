/**
 * What the Findings panel lists about the working text: the validator's errors and warnings, then (for a valid text)
 * the lint findings placed at their line, as the server's check does (server/src/studio/check.ts). Missing
 * translations come from the validator only (lint repeats them). Sorted by severity, then by place in the text.
 */

import { formatPath } from '@parley/shared/scenario/diagnostics.ts';
import { createLocator } from '@parley/shared/scenario/locate.ts';
import type { ParseResult } from '@parley/shared/scenario/parse.ts';
import type { Scenario } from '@parley/shared/scenario/schema.ts';
import { parseSource } from '@parley/shared/scenario/source.ts';
import { type LintCode, lintScenario } from '@parley/shared/studio/lint.ts';

export type FindingSeverity = 'error' | 'warning' | 'info';

export type Finding = {
  readonly severity: FindingSeverity;
  /** 1-based line and column in the text. */
  readonly line: number;
  readonly column: number;
  /** The field, e.g. `injects[2].at` (empty for the whole scenario). */
  readonly field: string;
  readonly message: string;
  /** The lint check that found it (null for the validator). */
  readonly code: LintCode | null;
};

const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };
const FROM_VALIDATOR: ReadonlySet<LintCode> = new Set(['missing-translation', 'unknown-translation-language']);

/** The validator's errors and warnings (cheap: the parse has them). */
export function validatorFindings(parsed: ParseResult): Finding[] {
  const diagnostics = parsed.ok ? parsed.warnings : [...parsed.errors, ...parsed.warnings];
  return diagnostics.map((d) => ({
    severity: d.severity === 'error' ? 'error' : 'warning',
    line: d.line,
    column: d.column,
    field: d.path,
    message: d.message,
    code: null,
  }));
}

/**
 * Lint's findings on a valid scenario, placed at their line in its text (costly: run it in a worker). With `seeds`,
 * bots also play the scenario under lint's policy mixes to find endings no run reaches.
 */
export function lintFindings(
  source: string,
  scenario: Scenario,
  language = 'en',
  seeds: readonly number[] = [],
): Finding[] {
  const options = seeds.length > 0 ? { language, botRuns: { seeds: [...seeds] } } : { language };
  const lint = lintScenario(scenario, options).filter((f) => !FROM_VALIDATOR.has(f.code));
  if (lint.length === 0) return [];
  const doc = parseSource(source);
  const locate = doc.doc === undefined ? undefined : createLocator(doc.doc, doc.lineCounter);
  return lint.map((f) => {
    const at = locate?.({ path: f.path }) ?? { line: 1, column: 1 };
    return {
      severity: f.severity,
      line: at.line,
      column: at.column,
      field: formatPath(f.path),
      message: f.message,
      code: f.code,
    };
  });
}

/** Errors first, then warnings, then notes; each by place in the text. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.line - b.line || a.column - b.column);
}

/** Everything the Findings panel lists about a text and its parse. */
export function findingsOf(source: string, parsed: ParseResult, language = 'en'): Finding[] {
  const lint = parsed.ok ? lintFindings(source, parsed.scenario, language) : [];
  return sortFindings([...validatorFindings(parsed), ...lint]);
}

/** How many of each severity. */
export function countFindings(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
