/**
 * A conservative satisfiability check on condition trees: `whyNever` returns a reason only when a condition can
 * certainly never hold (a threshold outside a variable's range, an action nobody may take, a phase never entered,
 * an inject never delivered, ...). Anything it cannot decide counts as possible; `not` is always possible.
 */
import type { Path } from './diagnostics.ts';
import type { Index } from './ids.ts';
import { type Comparisons, closed, formatComparisons, type Interval, isEmpty, narrow } from './intervals.ts';
import type { PhaseGraph } from './reachability.ts';
import type { Condition } from './schema.ts';
import { BUILTIN_ACTIONS, SEVERITY_MAX, SEVERITY_MIN } from './vocabulary.ts';

export type Never = { path: Path; reason: string };

const BUILTINS: ReadonlySet<string> = new Set(BUILTIN_ACTIONS);
const MAX_MINUTES = 24 * 60;

export class Satisfiability {
  readonly index: Index;
  readonly graph: PhaseGraph;
  private readonly checkingInjects = new Set<string>();
  constructor(index: Index, graph: PhaseGraph) {
    this.index = index;
    this.graph = graph;
  }

  /** The parties that may take an action: delegations for built-ins, else those listing it. */
  takers(action: string): Set<string> {
    const s = this.index.scenario;
    if (BUILTINS.has(action)) return new Set(s.delegations.map((d) => d.id));
    return new Set([...s.delegations, ...s.actors].filter((p) => p.actions.includes(action)).map((p) => p.id));
  }

  whyNever(c: Condition, path: Path): Never | undefined {
    if ('all' in c) {
      for (const [i, sub] of c.all.entries()) {
        const never = this.whyNever(sub, [...path, 'all', i]);
        if (never !== undefined) return never;
      }
      return this.contradiction(c.all, path);
    }
    if ('any' in c) {
      const reasons = c.any.map((sub, i) => this.whyNever(sub, [...path, 'any', i]));
      const [first] = reasons;
      return reasons.every((x) => x !== undefined) && first !== undefined
        ? { path, reason: `none of the alternatives can hold (${first.reason}, ...)` }
        : undefined;
    }
    if ('not' in c) return undefined;
    if ('var' in c) {
      const range = this.varRange(c.var);
      if (range === undefined || !isEmpty(narrow(range, c))) return undefined;
      const v = this.index.variables.get(c.var);
      return {
        path,
        reason: `"${c.var}" ranges from ${v?.min} to ${v?.max}, so "${formatComparisons(c)}" never holds`,
      };
    }
    if ('action' in c) return this.actionNever(c, path);
    if ('phase' in c) return this.phaseNever(c.phase, [...path, 'phase']);
    if ('elapsed' in c) {
      if (c.since !== undefined) return this.phaseNever(c.since, [...path, 'since']);
      const cap = this.index.scenario.timeLimit ?? MAX_MINUTES;
      if (!isEmpty(narrow(closed(0, cap), c.elapsed))) return undefined;
      return {
        path: [...path, 'elapsed'],
        reason: `play lasts at most ${cap} minutes, so "${formatComparisons(c.elapsed)}" never holds`,
      };
    }
    if ('released' in c) return this.injectNever(c.released, [...path, 'released']);
    if ('signed' in c) {
      const actor = c.by?.find((p) => this.index.actors.has(p));
      return actor === undefined
        ? undefined
        : { path: [...path, 'by'], reason: `"${actor}" is an actor, and actors do not sign texts` };
    }
    if ('breached' in c) {
      const rule = this.index.rules.get(c.breached);
      if (rule === undefined || rule.on.some((a) => this.takers(a).size > 0)) return undefined;
      return {
        path: [...path, 'breached'],
        reason: `nobody can take the actions rule "${rule.id}" watches (${rule.on.join(', ')})`,
      };
    }
    if ('assessed' in c) {
      if (this.index.actors.has(c.assessed))
        return { path: [...path, 'assessed'], reason: 'actors make no assessments' };
      if (c.severity === undefined || !isEmpty(narrow(closed(SEVERITY_MIN, SEVERITY_MAX), c.severity)))
        return undefined;
      return {
        path: [...path, 'severity'],
        reason: `severity ranges from ${SEVERITY_MIN} to ${SEVERITY_MAX}, so "${formatComparisons(c.severity)}" never holds`,
      };
    }
    return undefined;
  }

  private varRange(id: string): Interval | undefined {
    const v = this.index.variables.get(id);
    return v === undefined ? undefined : closed(v.min, v.max);
  }

  /** Comparisons on the same variable (or on elapsed time) within one `all` that exclude each other. */
  private contradiction(items: readonly Condition[], path: Path): Never | undefined {
    const ranges = new Map<string, Interval>();
    const cap = this.index.scenario.timeLimit ?? MAX_MINUTES;
    for (const c of items) {
      let key: string | undefined;
      let start: Interval | undefined;
      let cmp: Comparisons | undefined;
      if ('var' in c)
        [key, start, cmp] = [`"${c.var}"${c.pair ? ` for ${c.pair.join('–')}` : ''}`, this.varRange(c.var), c];
      else if ('elapsed' in c && c.since === undefined)
        [key, start, cmp] = ['the elapsed time', closed(0, cap), c.elapsed];
      if (key === undefined || start === undefined || cmp === undefined) continue;
      const range = narrow(ranges.get(key) ?? start, cmp);
      if (isEmpty(range)) return { path, reason: `the conditions on ${key} contradict each other` };
      ranges.set(key, range);
    }
    return undefined;
  }

  private actionNever(c: Extract<Condition, { action: unknown }>, path: Path): Never | undefined {
    if ((c.atLeast ?? 1) === 0) return undefined;
    if (c.atMost !== undefined && c.atMost < (c.atLeast ?? 1)) {
      return { path: [...path, 'atMost'], reason: `atMost (${c.atMost}) is below atLeast (${c.atLeast ?? 1})` };
    }
    const actions = Array.isArray(c.action) ? c.action : [c.action];
    const by = c.by === undefined ? [] : Array.isArray(c.by) ? c.by : [c.by];
    const concrete = by.length > 0 && by.every((p) => !p.startsWith('$'));
    const target = c.to !== undefined && !c.to.startsWith('$') ? c.to : undefined;
    const possible = actions.some((a) => {
      const catalogue = this.index.actions.get(a);
      if (catalogue === undefined && !BUILTINS.has(a)) return true; // unknown: reported elsewhere
      if (target !== undefined && catalogue !== undefined && catalogue.targets.max === 0) return false;
      const takers = this.takers(a);
      return concrete ? by.some((p) => takers.has(p)) : takers.size > 0;
    });
    if (possible) return undefined;
    const list = actions.map((a) => `"${a}"`).join(', ');
    const who = concrete ? by.map((p) => `"${p}"`).join(', ') : 'no delegation or actor';
    return {
      path: [...path, 'action'],
      reason: concrete ? `${who} cannot take ${list} (not in the actions they may take)` : `${who} may take ${list}`,
    };
  }

  private phaseNever(phase: string, path: Path): Never | undefined {
    if (!this.index.phases.has(phase) || this.graph.reachable.has(phase)) return undefined;
    return { path, reason: `phase "${phase}" is never entered` };
  }

  private injectNever(id: string, path: Path): Never | undefined {
    const inject = this.index.injects.get(id);
    if (inject === undefined || this.checkingInjects.has(id)) return undefined;
    const never = (why: string): Never => ({ path, reason: `inject "${id}" is never delivered (${why})` });
    const limit = this.index.scenario.timeLimit;
    if (inject.at !== undefined && limit !== undefined && inject.at > limit)
      return never('it is due after the time limit');
    for (const phase of [inject.onEnter, inject.phase]) {
      if (phase !== undefined && this.phaseNever(phase, path) !== undefined)
        return never(`phase "${phase}" is never entered`);
    }
    if (inject.when === undefined) return undefined;
    this.checkingInjects.add(id);
    const reason = this.whyNever(inject.when, path)?.reason;
    this.checkingInjects.delete(id);
    return reason === undefined ? undefined : never(reason);
  }
}
