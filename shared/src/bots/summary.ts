/**
 * The outcome of a run in figures: the ending reached (with the first line of its narrative), the events, the
 * confidence-building record (breaches by rule with their norm/CBM tags, deadlines met and missed), the highest rung
 * each delegation reached, and the final world variables. Plain JSON, for the CLI's text and `--json` outputs.
 */
import type { CompiledScenario } from '../engine/compile.ts';
import { toArray } from '../engine/persist.ts';
import type { ExerciseState } from '../engine/state.ts';
import type { ExerciseEvent } from '../engine/types.ts';
import { firstLine, text } from '../wording/names.ts';

export type EndingSummary = {
  readonly id: string | null;
  readonly title: string;
  readonly tone: string | null;
  readonly how: string;
  readonly at: number;
  readonly narrative: string;
};

export type RunSummary = {
  readonly events: number;
  readonly commands: { readonly sent: number; readonly refused: number };
  /** Precondition rules breached (missed deadlines are counted under `deadlines`). */
  readonly breaches: number;
  /** Breaches and missed deadlines, per rule. */
  readonly breachesByRule: readonly {
    readonly rule: string;
    readonly title: string;
    /** "breached" for a precondition rule, "missed" for a deadline rule. */
    readonly what: 'breached' | 'missed';
    readonly count: number;
    readonly norms: readonly string[];
    readonly cbms: readonly number[];
  }[];
  readonly deadlines: { readonly met: number; readonly missed: number };
  readonly highestRung: Readonly<Record<string, number>>;
  readonly variables: readonly { readonly id: string; readonly label: string; readonly value: number | null }[];
};

export function endingSummary(c: CompiledScenario, state: ExerciseState): EndingSummary | null {
  const ending = state.ending;
  if (ending === null) return null;
  const def = ending.id === null ? undefined : c.endings.get(ending.id);
  return {
    id: ending.id,
    title: def ? text(c, def.title) : 'no ending',
    tone: def?.tone ?? null,
    how: ending.how,
    at: ending.at,
    narrative: def ? firstLine(text(c, def.narrative)) : '',
  };
}

export function summarize(
  c: CompiledScenario,
  events: readonly ExerciseEvent[],
  state: ExerciseState,
  commands: { sent: number; refused: number },
): RunSummary {
  const ledger = toArray(state.ledger);
  const byRule = new Map<string, number>();
  for (const entry of ledger) {
    if (entry.kind !== 'met') byRule.set(entry.rule, (byRule.get(entry.rule) ?? 0) + 1);
  }
  const highestRung: Record<string, number> = {};
  for (const id of c.delegationIds) highestRung[id] = state.ladder[id]?.highest ?? 0;
  return {
    events: events.length,
    commands,
    breaches: ledger.filter((e) => e.kind === 'breach').length,
    breachesByRule: [...byRule].map(([rule, count]) => {
      const def = c.rules.get(rule);
      const what = def?.type === 'deadline' ? ('missed' as const) : ('breached' as const);
      return { rule, title: text(c, def?.title) || rule, what, count, norms: def?.norms ?? [], cbms: def?.cbms ?? [] };
    }),
    deadlines: {
      met: ledger.filter((e) => e.kind === 'met').length,
      missed: ledger.filter((e) => e.kind === 'missed').length,
    },
    highestRung,
    variables: [...c.variables.values()].map((v) => ({
      id: v.id,
      label: text(c, v.label) || v.id,
      value: (v.scope === 'world' ? state.vars.world[v.id] : state.vars.overall[v.id]) ?? null,
    })),
  };
}
