/**
 * The world panel's forms as data: adjust one variable (add or set, for a pair when the variable is kept per pair,
 * with a reason) and adjudicate (a ruling, optional changes to variables, an optional move to another phase).
 */
import type { VariableView } from '@parley/shared/engine/viewTypes.ts';
import type { FacilitatorCommand } from '@parley/shared/protocol/commands.ts';
import { LIMITS } from '@parley/shared/protocol/limits.ts';
import type { Built, Problems } from './injectForms.ts';

type Command<T extends FacilitatorCommand['type']> = Extract<FacilitatorCommand, { type: T }>;

export type ChangeRow = {
  readonly variable: string;
  readonly how: 'add' | 'set';
  /** As typed ("2", "-1.5", "3,5"). */
  readonly amount: string;
  /** For per-pair variables: the two parties ('' until chosen). */
  readonly a: string;
  readonly b: string;
};

export const emptyChange = (variable = ''): ChangeRow => ({ variable, how: 'add', amount: '', a: '', b: '' });

const number = (typed: string): number | null => {
  const cleaned = typed.trim().replace(',', '.');
  if (cleaned === '') return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
};

/** What is wrong with one change row (an i18n key under `control.error`), or null. */
export function changeProblem(row: ChangeRow, variables: readonly VariableView[]): string | null {
  const v = variables.find((x) => x.id === row.variable);
  if (!v) return 'variable';
  const n = number(row.amount);
  if (n === null) return 'amount';
  if (row.how === 'add' && n === 0) return 'amountZero';
  if (row.how === 'set' && (n < v.min || n > v.max)) return 'outOfRange';
  if (v.scope === 'pair') {
    if (row.a === '' || row.b === '') return 'pair';
    if (row.a === row.b) return 'pairSame';
  }
  return null;
}

/** The change a row describes, as the protocol writes it. */
export function changeOf(row: ChangeRow, variables: readonly VariableView[]) {
  const v = variables.find((x) => x.id === row.variable);
  const n = number(row.amount) ?? 0;
  return {
    var: row.variable,
    ...(v?.scope === 'pair' ? { pair: [row.a, row.b] as [string, string] } : {}),
    ...(row.how === 'add' ? { add: n } : { set: n }),
  };
}

export type AdjustField = 'change' | 'reason';

export function buildAdjust(
  row: ChangeRow,
  reason: string,
  variables: readonly VariableView[],
): Built<Command<'variable.adjust'>, AdjustField> {
  const problems: Problems<AdjustField> = {};
  const bad = changeProblem(row, variables);
  if (bad) problems.change = bad;
  if (reason.trim() === '') problems.reason = 'reasonRequired';
  else if (reason.trim().length > LIMITS.shortText) problems.reason = 'reasonLong';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, command: { type: 'variable.adjust', ...changeOf(row, variables), reason: reason.trim() } };
}

export type AdjudicateField = 'ruling' | 'effects';

export function buildAdjudicate(
  ruling: string,
  rows: readonly ChangeRow[],
  phase: string,
  variables: readonly VariableView[],
): Built<Command<'adjudicate'>, AdjudicateField> {
  const problems: Problems<AdjudicateField> = {};
  if (ruling.trim() === '') problems.ruling = 'rulingRequired';
  else if (ruling.trim().length > LIMITS.text) problems.ruling = 'bodyLong';
  const bad = rows.map((r) => changeProblem(r, variables)).find((p) => p !== null);
  if (bad) problems.effects = bad;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    command: {
      type: 'adjudicate',
      ruling: ruling.trim(),
      effects: rows.map((r) => changeOf(r, variables)),
      ...(phase ? { phase } : {}),
    },
  };
}

/** The pairs a per-pair variable lists, largest value first (the tensest relationships on top). */
export const pairsByValue = (v: VariableView) => [...v.pairs].sort((x, y) => y.value - x.value);

/** Where a value sits in its range, 0 to 1 (for the bar beside it). */
export const share = (value: number, v: Pick<VariableView, 'min' | 'max'>): number =>
  Math.min(1, Math.max(0, (value - v.min) / (v.max - v.min)));
