/**
 * Which synced doc a role reads. Roles that see the same thing share one doc: every seat of a delegation reads
 * `delegation:<id>`, evaluators watching the same delegations read `evaluator:<ids sorted, comma-separated>` (or
 * `evaluator:all`), and there is one `facilitator` and one `observer` doc.
 */
import type { Role } from '../protocol/roles.ts';

export function roleKey(role: Role): string {
  switch (role.kind) {
    case 'facilitator':
      return 'facilitator';
    case 'observer':
      return 'observer';
    case 'delegation':
      return `delegation:${role.delegation}`;
    case 'evaluator':
      return role.delegations === 'all' ? 'evaluator:all' : `evaluator:${sortedUnique(role.delegations).join(',')}`;
  }
}

/** The role whose view a doc holds: the same role, with an evaluator's delegations sorted and deduplicated. */
export function docRole(role: Role): Role {
  if (role.kind !== 'evaluator' || role.delegations === 'all') return role;
  return { kind: 'evaluator', delegations: sortedUnique(role.delegations) };
}

const sortedUnique = (ids: readonly string[]): string[] => [...new Set(ids)].sort();
