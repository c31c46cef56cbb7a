/**
 * Diagnostics: what the validator tells a trainer. Each points at a line and column (1-based) of the YAML source and
 * names the field by its path, e.g. `gridlock.yaml:42:7 injects[3].to: unknown delegation "frnace"`.
 */

export type Severity = 'error' | 'warning';

export type Diagnostic = {
  file: string;
  line: number;
  column: number;
  /** The field, e.g. `injects[3].to`; empty for the document as a whole. */
  path: string;
  message: string;
  severity: Severity;
};

/** A path into the scenario as keys and list indexes, e.g. `['injects', 3, 'to']`. */
export type Path = readonly (string | number)[];

/** Where a diagnostic points: the value at `path` (default) or its key. */
export type Anchor = { path: Path; part?: 'key' | 'value' };

/** How the checks report: the field the message is about and, when it differs, where to point. */
export type Report = (severity: Severity, path: Path, message: string, at?: Anchor) => void;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['injects', 3, 'to']` → `injects[3].to`; odd keys are quoted: `title["pt-BR"]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `file:line:column path: message`, with `warning: ` after the position for warnings. */
export function formatDiagnostic(d: Diagnostic): string {
  const marker = d.severity === 'warning' ? 'warning: ' : '';
  const field = d.path === '' ? '' : `${d.path}: `;
  return `${d.file}:${d.line}:${d.column} ${marker}${field}${d.message}`;
}

/** Orders diagnostics by position in the file, then by message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.message.localeCompare(b.message);
}

/** `1 file`, `2 files`, `0 errors`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
