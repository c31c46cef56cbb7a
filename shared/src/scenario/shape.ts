/**
 * The shape check: does the data have the fields and types of the scenario format? Uses the zod schema and explains
 * its issues in the trainer's terms; conditions are explained branch by branch (see conditionShape.ts).
 */

import { reportConditionShape } from './conditionShape.ts';
import type { Path, Report } from './diagnostics.ts';
import { reportIssue } from './issues.ts';
import { Scenario } from './schema.ts';
import { schemaAt } from './schemaWalk.ts';

/** The validated scenario (defaults applied), or undefined after reporting every shape error. */
export function checkShape(data: unknown, report: Report): Scenario | undefined {
  const result = Scenario.safeParse(data);
  if (result.success) return result.data;
  const conditionsDone = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path as Path;
    const { conditionAt } = schemaAt(Scenario, path, data);
    if (conditionAt === undefined) {
      reportIssue(issue, { root: Scenario, data, prefix: [], report });
      continue;
    }
    const root = path.slice(0, conditionAt);
    const key = JSON.stringify(root);
    if (conditionsDone.has(key)) continue;
    conditionsDone.add(key);
    let reported = 0;
    const counting: Report = (...args) => {
      reported++;
      report(...args);
    };
    const { schema } = schemaAt(Scenario, root, data);
    if (schema !== undefined) reportConditionShape(schema, root, { data, report: counting });
    // Should the condition check find nothing, zod's own account is better than silence.
    if (reported === 0) reportIssue(issue, { root: Scenario, data, prefix: [], report });
  }
  return undefined;
}
