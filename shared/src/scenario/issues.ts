/**
 * Turning zod's issues into messages a trainer understands: what was expected, what was found, and a hint or a
 * "did you mean" where one helps. Paths are prefixed so a sub-schema's issues land where they belong.
 */
import type { z } from 'zod';
import type { Path, Report } from './diagnostics.ts';
import {
  defOf,
  describeExpected,
  fitOption,
  isPlainObject,
  type Schema,
  schemaAt,
  shapeOf,
  unwrap,
  valueAt,
} from './schemaWalk.ts';
import { didYouMean } from './suggest.ts';
import { BUILTIN_ACTIONS } from './vocabulary.ts';

export type IssueContext = { root: Schema; data: unknown; prefix: Path; report: Report };
type Issue = z.core.$ZodIssue;

const SUGGEST_LIMIT = 100;
const BUILTINS: ReadonlySet<string> = new Set(BUILTIN_ACTIONS);
const BUILTIN_HINT = ' (built-in actions are always available: list only catalogue actions here)';
type ErrorAt = (message: string, at?: Path, part?: 'key' | 'value') => void;

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

/** How a value reads in a message: `"goverment"`, `12`, `a list`, `an empty value`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  return 'a mapping';
}

function hint(expected: string, value: unknown): string {
  if (expected.startsWith('a number') || expected === 'a whole number') {
    return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
      ? ' (write numbers without quotes)'
      : '';
  }
  if (expected === 'true or false' && typeof value === 'string') return ' (write true or false)';
  if (expected === 'text' && (typeof value === 'number' || typeof value === 'boolean')) {
    return ` (put it in quotes: "${String(value)}")`;
  }
  if (expected === 'a list' && (typeof value === 'string' || isPlainObject(value))) {
    return ' (write a list: [a, b], or one "- item" per line)';
  }
  return '';
}

function expectedGot(expected: string, value: unknown): string {
  return `expected ${expected}, got ${describeValue(value)}${hint(expected, value)}`;
}

function comparison(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, value: unknown): string {
  const small = issue.code === 'too_small';
  const bound = Number(
    small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum,
  );
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (small && bound === 1) return 'must not be empty: expected at least one item';
    return `expected ${small ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`;
  }
  if (issue.origin === 'string') {
    if (small && bound === 1) return 'must not be empty';
    return `expected ${small ? 'at least' : 'at most'} ${bound} characters`;
  }
  const op = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
  return `expected a number ${op} ${bound}, got ${describeValue(value)}`;
}

/** Reports one zod issue (and, for unions, the issues of the branch that fits). */
export function reportIssue(issue: Issue, ctx: IssueContext): void {
  const path = [...ctx.prefix, ...issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s))] as Path;
  const local = issue.path as Path;
  const value = valueAt(ctx.data, path);
  const expectedHere = (): string | undefined => {
    const { schema } = schemaAt(ctx.root, local, valueAt(ctx.data, ctx.prefix));
    return schema === undefined ? undefined : describeExpected(schema);
  };
  const error: ErrorAt = (message, at = path, part = 'value') =>
    ctx.report('error', part === 'key' ? at.slice(0, -1) : at, message, { path: at, part });

  const last = path[path.length - 1];
  const missing =
    ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code) && !('discriminator' in issue);
  if (
    missing &&
    value === undefined &&
    typeof last === 'string' &&
    isPlainObject(valueAt(ctx.data, path.slice(0, -1)))
  ) {
    const expected = expectedHere() ?? ('expected' in issue ? NOUNS[String(issue.expected)] : undefined);
    ctx.report('error', path.slice(0, -1), `missing field "${last}"${expected ? ` (${expected})` : ''}`, { path });
    return;
  }
  switch (issue.code) {
    case 'invalid_type': {
      error(expectedGot(expectedHere() ?? NOUNS[issue.expected] ?? issue.expected, value));
      return;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => (typeof v === 'string' ? v : String(v)));
      const expected = values.length === 1 ? `${JSON.stringify(issue.values[0])}` : `one of ${values.join(', ')}`;
      const suggestion = typeof value === 'string' ? didYouMean(value, values) : '';
      error(`${expectedGot(expected, value)}${suggestion}`);
      return;
    }
    case 'unrecognized_keys': {
      const { schema } = schemaAt(ctx.root, local, valueAt(ctx.data, ctx.prefix));
      const allowed = Object.keys((schema && shapeOf(fitOption(schema, value))) ?? {});
      // Past the first few, suggestions are not worth their cost: the flood is capped in the report anyway.
      for (const [i, key] of issue.keys.entries()) {
        const suggestion = i < SUGGEST_LIMIT ? didYouMean(key, allowed) : '';
        const detail = suggestion !== '' || allowed.length === 0 ? suggestion : ` (allowed: ${allowed.join(', ')})`;
        error(`unknown field "${key}"${detail}`, [...path, key], 'key');
      }
      return;
    }
    case 'too_small':
    case 'too_big':
      error(comparison(issue, value));
      return;
    case 'invalid_format': {
      const pattern = 'pattern' in issue ? String(issue.pattern) : '';
      const custom = !issue.message.startsWith('Invalid');
      const expected = custom
        ? issue.message
        : pattern.includes('#')
          ? 'a colour such as "#2b6cb0"'
          : `text matching ${pattern}`;
      const builtin = typeof value === 'string' && BUILTINS.has(value) ? BUILTIN_HINT : '';
      error(`${expectedGot(expected, value)}${builtin}`);
      return;
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const inner = issue.issues[0]?.message ?? 'a valid key';
      error(`invalid key "${key}": expected ${inner}`, path, 'key');
      return;
    }
    case 'invalid_union':
      reportUnion(issue, path, value, expectedHere, ctx, error);
      return;
    case 'custom':
      error(/^an? /.test(issue.message) && value !== undefined ? expectedGot(issue.message, value) : issue.message);
      return;
    default:
      error(issue.message);
  }
}

function reportUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: Path,
  value: unknown,
  expectedHere: () => string | undefined,
  ctx: IssueContext,
  error: ErrorAt,
): void {
  if ('discriminator' in issue && issue.discriminator !== undefined) {
    const options = ('options' in issue ? (issue.options as unknown[]) : []).map(String);
    const expected = `one of ${options.join(', ')}`;
    if (value === undefined) {
      ctx.report('error', path.slice(0, -1), `missing field "${issue.discriminator}" (${expected})`, { path });
    } else {
      error(`${expectedGot(expected, value)}${typeof value === 'string' ? didYouMean(value, options) : ''}`);
    }
    return;
  }
  const mismatch = (branch: Issue[]): boolean =>
    branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'));
  const index = issue.errors.findIndex((branch) => !mismatch(branch));
  const union = schemaAt(ctx.root, path.slice(ctx.prefix.length), valueAt(ctx.data, ctx.prefix)).schema;
  const option = union === undefined ? undefined : defOf(unwrap(union)).options?.[index];
  if (index !== -1 && option !== undefined) {
    const branchCtx = { ...ctx, root: option, prefix: path };
    for (const inner of issue.errors[index] ?? []) reportIssue(inner, branchCtx);
    return;
  }
  error(expectedGot(expectedHere() ?? 'another kind of value', value));
}
