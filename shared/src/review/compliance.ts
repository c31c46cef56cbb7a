/**
 * The rule-compliance table: every deadline met (with the response time) or missed, every breach with its norm and
 * CBM tags, the deadlines still open at the end, and totals per delegation and overall.
 */
import type { CompiledScenario } from '../engine/compile.ts';
import { listFilter } from '../engine/persist.ts';
import type { ExerciseState } from '../engine/state.ts';
import type { Deadline, LedgerEntry } from '../engine/types.ts';
import { text } from '../wording/names.ts';
import type { ReviewLens } from './timeline.ts';
import type { Compliance, ComplianceRow, ComplianceTotals } from './types.ts';

const ruleTitle = (c: CompiledScenario, id: string) => text(c, c.rules.get(id)?.title) || id;

function ledgerRow(c: CompiledScenario, e: LedgerEntry): ComplianceRow {
  const d = e.deadline;
  return {
    seq: e.seq,
    at: e.at,
    kind: e.kind,
    rule: e.rule,
    ruleTitle: ruleTitle(c, e.rule),
    mode: e.mode,
    party: e.party,
    against: e.against,
    action: e.action,
    openedAt: d?.openedAt ?? null,
    dueAt: d?.dueAt ?? null,
    responseMs: e.kind === 'met' && d ? e.at - d.openedAt : null,
    norms: e.norms,
    cbms: e.cbms,
  };
}

function openRow(c: CompiledScenario, d: Deadline): ComplianceRow {
  const rule = c.rules.get(d.rule);
  return {
    seq: d.seq,
    at: d.openedAt,
    kind: 'open',
    rule: d.rule,
    ruleTitle: ruleTitle(c, d.rule),
    mode: d.mode,
    party: d.party,
    against: d.counterpart,
    action: d.action,
    openedAt: d.openedAt,
    dueAt: d.dueAt,
    responseMs: null,
    norms: rule?.norms ?? [],
    cbms: rule?.cbms ?? [],
  };
}

function totalsOf(rows: readonly ComplianceRow[]): ComplianceTotals {
  const times = rows.flatMap((r) => (r.responseMs === null ? [] : [r.responseMs]));
  const count = (kind: ComplianceRow['kind']) => rows.filter((r) => r.kind === kind).length;
  return {
    met: count('met'),
    missed: count('missed'),
    open: count('open'),
    breaches: count('breach'),
    meanResponseMs: times.length === 0 ? null : Math.round(times.reduce((a, b) => a + b, 0) / times.length),
  };
}

export function complianceOf(c: CompiledScenario, state: ExerciseState, lens: ReviewLens): Compliance {
  const mine = (party: string) => lens === null || lens.has(party);
  const rows = [
    ...listFilter(state.ledger, (e) => mine(e.party)).map((e) => ledgerRow(c, e)),
    ...state.deadlines.filter((d) => mine(d.party)).map((d) => openRow(c, d)),
  ].sort((a, b) => a.seq - b.seq || a.at - b.at);
  const delegations = c.delegationIds.filter(mine);
  return {
    rows,
    byDelegation: delegations.map((d) => ({ delegation: d, ...totalsOf(rows.filter((r) => r.party === d)) })),
    totals: totalsOf(rows),
  };
}
