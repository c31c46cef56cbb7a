/**
 * What the studio says about a version's text: the validator's errors and warnings (`file:line:column field:
 * message`), the lint findings of a valid scenario placed at their line, and the facts the library lists and
 * searches (id, title, summary…), read leniently from an invalid text too so that a draft still shows its title.
 */
import {
  type Diagnostic,
  decodeScenarioInput,
  formatDiagnostic,
  formatPath,
  parseScenario,
  type Scenario,
} from '@parley/shared';
import { createLocator } from '@parley/shared/scenario/locate.ts';
import { parseSource } from '@parley/shared/scenario/source.ts';
import { type LintFinding, lintScenario } from '@parley/shared/studio/index.ts';
import type { StudioVersionFacts } from '../store/types.ts';

/** A lint finding with where it points in the text. */
export type LocatedFinding = LintFinding & {
  readonly line: number;
  readonly column: number;
  /** The field as text, e.g. `injects[3].at` (empty for the whole scenario). */
  readonly field: string;
  /** `file:line:column warning|note: field: message`, as `./parley lint` prints it. */
  readonly text: string;
};

/** A validator diagnostic with its one-line text. */
export type CheckedDiagnostic = Diagnostic & { readonly text: string };

export type VersionCheck = {
  readonly valid: boolean;
  readonly errors: readonly CheckedDiagnostic[];
  readonly warnings: readonly CheckedDiagnostic[];
  /** Lint findings, by position; only for a valid text (an invalid one is not linted). */
  readonly findings: readonly LocatedFinding[];
  /** The parsed scenario when valid. */
  readonly scenario: Scenario | null;
  readonly facts: StudioVersionFacts;
};

const asText = (value: unknown, fallbackLanguage: string): Record<string, string> => {
  if (typeof value === 'string') return { [fallbackLanguage]: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Facts from plain data (a valid scenario, or what could be parsed of an invalid one). */
function factsOf(
  data: unknown,
  counts: Pick<StudioVersionFacts, 'errors' | 'warnings' | 'findings'>,
): StudioVersionFacts {
  const d = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const fallback = typeof d.fallbackLanguage === 'string' ? d.fallbackLanguage : 'en';
  return {
    scenarioId: typeof d.id === 'string' && d.id.length <= 64 ? d.id : null,
    title: asText(d.title, fallback),
    summary: asText(d.summary, fallback),
    level: typeof d.level === 'string' ? d.level : null,
    languages: strings(d.languages),
    authors: strings(d.authors),
    durationMinutes: typeof d.durationMinutes === 'number' ? d.durationMinutes : null,
    ...counts,
  };
}

const withText = (d: Diagnostic): CheckedDiagnostic => ({ ...d, text: formatDiagnostic(d) });

/** Validates and lints a version's text. `fileName` names it in messages (`gridlock.yaml:12:3 …`). */
export function checkSource(source: string, fileName: string): VersionCheck {
  const parsed = parseScenario(source, fileName);
  const warnings = parsed.warnings.map(withText);
  if (!parsed.ok) {
    const errors = parsed.errors.map(withText);
    const decoded = decodeScenarioInput(source);
    const data = decoded.ok ? lenientData(decoded.text) : undefined;
    return {
      valid: false,
      errors,
      warnings,
      findings: [],
      scenario: null,
      facts: factsOf(data, { errors: errors.length, warnings: warnings.length, findings: 0 }),
    };
  }
  const findings = locateFindings(source, fileName, lintScenario(parsed.scenario));
  return {
    valid: true,
    errors: [],
    warnings,
    findings,
    scenario: parsed.scenario,
    facts: factsOf(parsed.scenario, { errors: 0, warnings: warnings.length, findings: findings.length }),
  };
}

function lenientData(text: string): unknown {
  try {
    const source = parseSource(text);
    return source.ok ? source.data : undefined;
  } catch {
    return undefined;
  }
}

function locateFindings(source: string, fileName: string, findings: readonly LintFinding[]): LocatedFinding[] {
  if (findings.length === 0) return [];
  const parsed = parseSource(source);
  const locate = parsed.doc === undefined ? undefined : createLocator(parsed.doc, parsed.lineCounter);
  return findings
    .map((f) => {
      const at = locate?.({ path: f.path }) ?? { line: 1, column: 1 };
      const field = formatPath(f.path);
      const marker = f.severity === 'warning' ? 'warning' : 'note';
      return {
        ...f,
        line: at.line,
        column: at.column,
        field,
        text: `${fileName}:${at.line}:${at.column} ${marker}: ${field ? `${field}: ` : ''}${f.message}`,
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
