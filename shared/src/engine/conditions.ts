/**
 * Scenario conditions compiled to closures. A condition is evaluated against a state at a game time with optional
 * bindings ($actor, $target). Counts come from indexes kept by the reducer (tallies, breach counts, latest
 * assessments, signed texts), never from scanning history. Unbound $actor/$target in an action's `by`/`to` or a
 * breach's `by` match any party; elsewhere an unbound party makes the test false.
 */
import type { Condition, Variable } from '../scenario/schema.ts';
import type { ExerciseState } from './state.ts';
import { MINUTE } from './types.ts';
import { pairKey } from './world.ts';

export type Bindings = { readonly actor?: string | undefined; readonly target?: string | undefined };
export type EvalContext = { readonly state: ExerciseState; readonly at: number };
export type Test = (ctx: EvalContext, b: Bindings) => boolean;

type Comparison = { gt?: number; gte?: number; lt?: number; lte?: number; eq?: number };
/** An `elapsed` test, kept so the host can fire a check the moment its truth can change. */
export type ElapsedLeaf = { readonly since: string | null; readonly cmp: Comparison };

export type CompiledCondition = { readonly test: Test; readonly elapsed: readonly ElapsedLeaf[] };

export type ConditionEnv = {
  readonly variables: ReadonlyMap<string, Variable>;
  /** Party id → index into tallies. */
  readonly partyIndex: ReadonlyMap<string, number>;
  /** Action reference (catalogue id or built-in) → index into `state.tallies`. */
  readonly refIndex: ReadonlyMap<string, number>;
};

const CONFIDENCE_RANK = { low: 0, medium: 1, high: 2 } as const;

function compare(value: number, c: Comparison): boolean {
  return (
    (c.gt === undefined || value > c.gt) &&
    (c.gte === undefined || value >= c.gte) &&
    (c.lt === undefined || value < c.lt) &&
    (c.lte === undefined || value <= c.lte) &&
    (c.eq === undefined || value === c.eq)
  );
}

/** Resolve a party reference: an id, or a binding (undefined when unbound). */
export function resolveRef(ref: string, b: Bindings): string | undefined {
  if (ref === '$actor') return b.actor;
  if (ref === '$target') return b.target;
  if (ref === '$signatory') return undefined;
  return ref;
}

function countActions(state: ExerciseState, action: number, by: number | undefined, to: number | undefined): number {
  const tally = state.tallies[action];
  if (!tally) return 0;
  if (by === undefined) return to === undefined ? tally.n : (tally.to[to] ?? 0);
  const party = tally.by[by];
  if (!party) return 0;
  return to === undefined ? party.n : (party.to[to] ?? 0);
}

export function compileCondition(cond: Condition, env: ConditionEnv): CompiledCondition {
  const elapsed: ElapsedLeaf[] = [];
  const test = build(cond, env, elapsed);
  return { test, elapsed };
}

function build(cond: Condition, env: ConditionEnv, elapsed: ElapsedLeaf[]): Test {
  if ('all' in cond) {
    const parts = cond.all.map((c) => build(c, env, elapsed));
    return (ctx, b) => parts.every((p) => p(ctx, b));
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => build(c, env, elapsed));
    return (ctx, b) => parts.some((p) => p(ctx, b));
  }
  if ('not' in cond) {
    const inner = build(cond.not, env, elapsed);
    return (ctx, b) => !inner(ctx, b);
  }
  if ('var' in cond) return buildVar(cond, env);
  if ('action' in cond) {
    const actions = (Array.isArray(cond.action) ? cond.action : [cond.action])
      .map((a) => env.refIndex.get(a))
      .filter((i): i is number => i !== undefined);
    const byRefs = cond.by === undefined ? [undefined] : Array.isArray(cond.by) ? cond.by : [cond.by];
    const toRef = cond.to;
    const atLeast = cond.atLeast ?? 1;
    const atMost = cond.atMost;
    const NOBODY = -1;
    // A party ref resolves to its index; an unbound binding to undefined (any party); an unknown id to NOBODY.
    const index = (ref: string, b: Bindings): number | undefined => {
      const id = resolveRef(ref, b);
      return id === undefined ? undefined : (env.partyIndex.get(id) ?? NOBODY);
    };
    return ({ state }, b) => {
      const to = toRef === undefined ? undefined : index(toRef, b);
      const resolved = byRefs.map((r) => (r === undefined ? undefined : index(r, b)));
      const by = resolved.includes(undefined) ? [undefined] : [...new Set(resolved)];
      let n = 0;
      if (to !== NOBODY) {
        for (const party of by) {
          if (party === NOBODY) continue;
          for (const action of actions) n += countActions(state, action, party, to);
        }
      }
      return n >= atLeast && (atMost === undefined || n <= atMost);
    };
  }
  if ('phase' in cond) {
    const phase = cond.phase;
    return ({ state }) => state.phase.active.includes(phase);
  }
  if ('elapsed' in cond) {
    const since = cond.since ?? null;
    const cmp = cond.elapsed;
    elapsed.push({ since, cmp });
    return ({ state, at }) => {
      const base =
        since === null ? state.startedAt : state.phase.active.includes(since) ? state.phase.enteredAt[since] : null;
      if (base === null || base === undefined) return false;
      return compare((at - base) / MINUTE, cmp);
    };
  }
  if ('released' in cond) {
    const id = cond.released;
    return ({ state }) => state.injects[id]?.status === 'released';
  }
  if ('signed' in cond) {
    const template = cond.signed;
    const byRefs = cond.by ?? [];
    return ({ state }, b) => {
      const texts = state.signed[template];
      if (!texts || texts.length === 0) return false;
      const by = byRefs.map((r) => resolveRef(r, b));
      if (by.some((p) => p === undefined)) return false;
      return texts.some((signatories) => by.every((p) => signatories.includes(p as string)));
    };
  }
  if ('breached' in cond) {
    const rule = cond.breached;
    const byRef = cond.by;
    const atLeast = cond.atLeast ?? 1;
    return ({ state }, b) => {
      const count = state.breaches[rule];
      if (!count) return false;
      const by = byRef === undefined ? undefined : resolveRef(byRef, b);
      return (by === undefined ? count.n : (count.by[by] ?? 0)) >= atLeast;
    };
  }
  return buildAssessed(cond);
}

function buildVar(cond: Extract<Condition, { var: string }>, env: ConditionEnv): Test {
  const variable = env.variables.get(cond.var);
  const id = cond.var;
  const pair = cond.pair;
  if (!variable) return () => false;
  if (variable.scope === 'world' || pair === undefined) {
    const isPair = variable.scope === 'pair';
    return ({ state }) => {
      const value = isPair ? state.vars.overall[id] : state.vars.world[id];
      return value !== undefined && compare(value, cond);
    };
  }
  return ({ state }, b) => {
    const a = resolveRef(pair[0], b);
    const c = resolveRef(pair[1], b);
    if (a === undefined || c === undefined || a === c) return false;
    const value = state.vars.pairs[id]?.[pairKey(a, c)];
    return value !== undefined && compare(value, cond);
  };
}

function buildAssessed(cond: Extract<Condition, { assessed: string }>): Test {
  const { assessed, severity, suspect, confidence } = cond;
  return ({ state }, b) => {
    const party = resolveRef(assessed, b);
    if (party === undefined) return false;
    const latest = state.latestAssessment[party];
    if (!latest) return false;
    if (severity && !compare(latest.severity, severity)) return false;
    if (suspect !== undefined) {
      const who = resolveRef(suspect, b);
      if (who === undefined || latest.suspect !== who) return false;
    }
    if (confidence !== undefined && CONFIDENCE_RANK[latest.confidence] < CONFIDENCE_RANK[confidence]) return false;
    return true;
  };
}

/** The next game time after `now` at which an elapsed test can change its truth value (null: none). */
export function nextElapsedThreshold(leaves: readonly ElapsedLeaf[], state: ExerciseState, now: number): number | null {
  let best: number | null = null;
  const consider = (t: number) => {
    if (t > now && (best === null || t < best)) best = t;
  };
  for (const leaf of leaves) {
    const base =
      leaf.since === null
        ? state.startedAt
        : state.phase.active.includes(leaf.since)
          ? (state.phase.enteredAt[leaf.since] ?? null)
          : null;
    if (base === null) continue;
    const { gt, gte, lt, lte, eq } = leaf.cmp;
    const at = (v: number) => base + v * MINUTE;
    if (gt !== undefined) consider(Math.floor(at(gt)) + 1);
    if (gte !== undefined) consider(Math.ceil(at(gte)));
    if (lt !== undefined) consider(Math.ceil(at(lt)));
    if (lte !== undefined) consider(Math.floor(at(lte)) + 1);
    if (eq !== undefined) {
      consider(Math.ceil(at(eq)));
      consider(Math.floor(at(eq)) + 1);
    }
  }
  return best;
}
