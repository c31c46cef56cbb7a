/**
 * Shape errors inside conditions. zod reports a failed union as "no branch matched", which tells a trainer nothing;
 * here the leading key (all, any, not, var, action, ...) picks the branch, and only that branch's problems are
 * reported, or the allowed leading keys when none is present.
 */
import { z } from 'zod';
import type { Path, Report } from './diagnostics.ts';
import { describeValue, reportIssue } from './issues.ts';
import { conditionBranches, isPlainObject, leadingKeys, type Schema, valueAt } from './schemaWalk.ts';
import { didYouMean } from './suggest.ts';

type Context = { data: unknown; report: Report };

/** Reports what is wrong with the condition at `path` (whose schema is `condition`). */
export function reportConditionShape(condition: Schema, path: Path, ctx: Context): void {
  const branches = conditionBranches(condition);
  if (branches === undefined) return;
  const names = [...branches.keys()];
  const list = names.join(', ');
  const error = (message: string, at: Path = path, part: 'key' | 'value' = 'value'): void =>
    ctx.report('error', part === 'key' ? at.slice(0, -1) : at, message, { path: at, part });
  const value = valueAt(ctx.data, path);

  if (!isPlainObject(value)) {
    error(`expected a condition (a mapping with one of the keys ${list}), got ${describeValue(value)}`);
    return;
  }
  const keys = Object.keys(value);
  const leading = leadingKeys(branches, value);
  if (leading.length === 0) {
    const [first] = keys;
    if (first === undefined) error(`an empty condition: it needs one of the keys ${list}`);
    else {
      const suggestion = didYouMean(first, names);
      error(
        `unknown condition "${first}"${suggestion || `: a condition starts with one of the keys ${list}`}`,
        [...path, first],
        'key',
      );
    }
    return;
  }
  if (leading.length > 1) {
    const found = leading.map((k) => `"${k}"`).join(' and ');
    error(`a condition tests one thing, but this one has ${found}: list them under "all:" (or "any:")`);
    return;
  }
  const key = leading[0] as string;
  if (key === 'all' || key === 'any' || key === 'not') {
    for (const extra of keys.filter((k) => k !== key)) {
      error(`unknown field "${extra}": an "${key}" condition holds only "${key}"`, [...path, extra], 'key');
    }
    if (key === 'not') {
      reportConditionShape(condition, [...path, 'not'], ctx);
      return;
    }
    const items = value[key];
    if (!Array.isArray(items)) error(`expected a list of conditions, got ${describeValue(items)}`, [...path, key]);
    else if (items.length === 0) error('must not be empty: expected at least one condition', [...path, key]);
    else
      items.forEach((_, i) => {
        reportConditionShape(condition, [...path, key, i], ctx);
      });
    return;
  }
  const branch = branches.get(key) as Schema;
  const result = z.safeParse(branch, value);
  if (!result.success) {
    for (const issue of result.error.issues)
      reportIssue(issue, { root: branch, data: ctx.data, prefix: path, report: ctx.report });
  }
}
