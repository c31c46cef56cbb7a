/**
 * A rule's cost or an effect (`Change`) in words a delegation reads: which indicator, between whom, by how much.
 * Pure: the caller passes how to name a variable and a party, and how to write a number.
 */
import type { Change } from '@parley/shared/engine/types.ts';

export type CostLine = {
  readonly variable: string;
  /** "Veldmark – Dravonia" for a pair variable, else null. */
  readonly pair: string | null;
  /** "+1", "−2" (a true minus sign) or "= 3". */
  readonly amount: string;
  /** Whether the change raises (up), lowers (down) or sets the value. */
  readonly direction: 'up' | 'down' | 'set';
};

export type CostNames = {
  /** The reader's party: a pair it is in names it first. */
  readonly me?: string;
  readonly variable: (id: string) => string;
  readonly party: (id: string) => string;
  readonly number: (n: number) => string;
};

export function costLine(change: Change, names: CostNames): CostLine {
  const [a, b] = change.pair ?? [];
  const [first, second] = b === names.me ? [b, a] : [a, b];
  const pair = first !== undefined && second !== undefined ? `${names.party(first)} – ${names.party(second)}` : null;
  const variable = names.variable(change.var);
  if (change.set !== undefined) return { variable, pair, amount: `= ${names.number(change.set)}`, direction: 'set' };
  const add = change.add ?? 0;
  const amount = add < 0 ? `\u2212${names.number(-add)}` : `+${names.number(add)}`;
  return { variable, pair, amount, direction: add < 0 ? 'down' : 'up' };
}
