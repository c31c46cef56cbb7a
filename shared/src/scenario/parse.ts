/**
 * `parseScenario(input, fileName)`: from the bytes of a scenario file to a validated `Scenario`, or to diagnostics
 * that say where (line:column, field path) and what is wrong. Stages, each stopping on error: screening the bytes,
 * YAML parsing (guarded), the shape check against the zod schema, then cross-references and reachability.
 * Missing translations are warnings.
 */
import type { Document, LineCounter } from 'yaml';
import { decodeScenarioInput, type Position } from './decode.ts';
import {
  compareDiagnostics,
  type Diagnostic,
  formatPath,
  type Path,
  plural,
  type Report,
  type Severity,
} from './diagnostics.ts';
import { createLocator } from './locate.ts';
import type { Scenario } from './schema.ts';
import { isPlainObject } from './schemaWalk.ts';
import { checkSemantics } from './semantics.ts';
import { checkShape } from './shape.ts';
import { parseSource, type SourceProblem } from './source.ts';
import { checkTranslations } from './translations.ts';

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** At most this many errors are listed; a last line says how many more there are. */
export const MAX_ERRORS = 100;

const EXPECTED_SCENARIO = 'expected a scenario: a YAML mapping of fields, starting with "version: 1"';

/** Collects diagnostics; past MAX_ERRORS errors it only counts them (locating thousands would be slow). */
class Collector {
  readonly diagnostics: Diagnostic[] = [];
  readonly file: string;
  errors = 0;
  constructor(file: string) {
    this.file = file;
  }
  full(severity: Severity): boolean {
    if (severity === 'error' && this.errors >= MAX_ERRORS) {
      this.errors++;
      return true;
    }
    return false;
  }
  add(severity: Severity, position: Position, path: Path, message: string): void {
    if (severity === 'error') this.errors++;
    const { line, column } = position;
    this.diagnostics.push({ file: this.file, line, column, path: formatPath(path), message, severity });
  }
}

function positionOfOffset(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return line === 0 ? { line: 1, column: 1 } : { line, column: col };
}

function addSourceProblems(
  out: Collector,
  severity: Severity,
  problems: SourceProblem[],
  lc: LineCounter,
  doc?: Document,
): void {
  const locate = doc === undefined ? undefined : createLocator(doc, lc);
  for (const p of problems) {
    const position = p.offset < 0 && locate !== undefined ? locate({ path: p.path }) : positionOfOffset(lc, p.offset);
    out.add(severity, position, p.path, p.message);
  }
}

function check(input: string | Uint8Array, out: Collector): Scenario | undefined {
  const decoded = decodeScenarioInput(input);
  if (!decoded.ok) {
    out.add('error', decoded.position, [], decoded.message);
    return undefined;
  }
  const source = parseSource(decoded.text);
  addSourceProblems(out, 'warning', source.warnings, source.lineCounter, source.doc);
  if (!source.ok) {
    addSourceProblems(out, 'error', source.errors, source.lineCounter, source.doc);
    return undefined;
  }
  const { doc, data } = source;
  const locate = createLocator(doc, source.lineCounter);
  if (doc.contents === null || data === null || data === undefined) {
    const what = decoded.text.trim() === '' ? 'the file is empty' : 'the file holds only comments';
    out.add('error', locate({ path: [] }), [], `${what}: ${EXPECTED_SCENARIO}`);
    return undefined;
  }
  if (!isPlainObject(data)) {
    const got = Array.isArray(data) ? 'a list' : `a single value (${JSON.stringify(data).slice(0, 40)})`;
    out.add('error', locate({ path: [] }), [], `${EXPECTED_SCENARIO}, got ${got}`);
    return undefined;
  }
  const report: Report = (severity, path, message, at) => {
    if (!out.full(severity)) out.add(severity, locate(at ?? { path }), path, message);
  };
  const scenario = checkShape(data, report);
  if (scenario === undefined) return undefined;
  const where = (path: Path): string => `line ${locate({ path }).line}`;
  checkSemantics(scenario, { report, where });
  checkTranslations(scenario, report);
  return scenario;
}

/** Parses and validates one scenario file. `fileName` is only used in diagnostics. */
export function parseScenario(input: string | Uint8Array, fileName: string): ParseResult {
  const out = new Collector(fileName);
  let scenario: Scenario | undefined;
  try {
    scenario = check(input, out);
  } catch (error) {
    // Only exhaustion (a stack overflow in a library) is the input's fault; anything else is a bug.
    if (!(error instanceof RangeError)) throw error;
    out.add('error', { line: 1, column: 1 }, [], 'the document is too deeply nested or too large to check');
  }
  const sorted = out.diagnostics.sort(compareDiagnostics);
  const warnings = sorted.filter((d) => d.severity === 'warning');
  const errors = sorted.filter((d) => d.severity === 'error');
  if (errors.length === 0 && scenario !== undefined) return { ok: true, scenario, warnings };
  const last = errors[errors.length - 1];
  if (out.errors > errors.length && last !== undefined) {
    errors.push({ ...last, path: '', message: `and ${plural(out.errors - errors.length, 'more error')} not listed` });
  }
  return { ok: false, errors, warnings };
}
