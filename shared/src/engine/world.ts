/**
 * World variables: world-wide values and per-pair values (key: the two party ids sorted), clamped to their range;
 * the overall value of a per-pair variable; effects resolved against bindings ($actor, $target once per target,
 * $signatory for every pair of signatories) into concrete changes.
 */
import type { Effect, Variable } from '../scenario/schema.ts';
import type { Vars } from './state.ts';
import type { Change } from './types.ts';

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function pairOf(key: string): [string, string] {
  const i = key.indexOf('|');
  return [key.slice(0, i), key.slice(i + 1)];
}

export type EffectBindings = {
  readonly actor?: string | undefined;
  readonly targets?: readonly string[] | undefined;
  readonly signatories?: readonly string[] | undefined;
};

type VarLookup = { readonly variables: ReadonlyMap<string, Variable>; readonly partyIds: readonly string[] };

function refValues(ref: string, b: EffectBindings): readonly string[] {
  if (ref === '$actor') return b.actor === undefined ? [] : [b.actor];
  if (ref === '$target') return b.targets ?? [];
  if (ref === '$signatory') return b.signatories ?? [];
  return [ref];
}

/** Effects → concrete changes. A pair whose parties cannot be resolved, or are the same party, is left out. */
export function resolveEffects(effects: readonly Effect[], b: EffectBindings): Change[] {
  const out: Change[] = [];
  for (const e of effects) {
    const amount = e.add !== undefined ? { add: e.add } : { set: e.set };
    if (!e.pair) {
      out.push({ var: e.var, ...amount });
      continue;
    }
    const [left, right] = e.pair;
    const seen = new Set<string>();
    const bothSignatories = left === '$signatory' && right === '$signatory';
    for (const a of refValues(left, b)) {
      for (const c of refValues(right, b)) {
        if (a === c) continue;
        const key = pairKey(a, c);
        if (bothSignatories && seen.has(key)) continue;
        seen.add(key);
        out.push({ var: e.var, pair: a < c ? [a, c] : [c, a], ...amount });
      }
    }
  }
  return out;
}

function clamp(v: Variable, value: number): number {
  return Math.min(v.max, Math.max(v.min, value));
}

function overallOf(v: Variable, values: Readonly<Record<string, number>>): number {
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const key in values) {
    const x = values[key] as number;
    n++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (n === 0) return v.initial;
  return v.overall === 'min' ? min : v.overall === 'mean' ? sum / n : max;
}

export function initialVars(lookup: VarLookup): Vars {
  const world: Record<string, number> = {};
  const pairs: Record<string, Record<string, number>> = {};
  const overall: Record<string, number> = {};
  for (const v of lookup.variables.values()) {
    if (v.scope === 'world') {
      world[v.id] = v.initial;
      continue;
    }
    const values: Record<string, number> = {};
    const ids = lookup.partyIds;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) values[pairKey(ids[i] as string, ids[j] as string)] = v.initial;
    }
    for (const p of v.pairs) {
      const key = pairKey(p.between[0], p.between[1]);
      if (key in values) values[key] = clamp(v, p.initial);
    }
    pairs[v.id] = values;
    overall[v.id] = overallOf(v, values);
  }
  return { world, pairs, overall };
}

/**
 * Apply changes, clamped. A change to a per-pair variable without a pair applies to every pair; a pair with a party
 * the scenario does not know, or an unknown variable, is ignored. Returns the input when nothing changed.
 */
export function applyChanges(vars: Vars, changes: readonly Change[], lookup: VarLookup): Vars {
  if (changes.length === 0) return vars;
  let world = vars.world;
  let pairs = vars.pairs;
  let overall = vars.overall;
  for (const ch of changes) {
    const v = lookup.variables.get(ch.var);
    if (!v) continue;
    const next = (old: number) => clamp(v, ch.set !== undefined ? ch.set : old + (ch.add ?? 0));
    if (v.scope === 'world') {
      const old = world[v.id] ?? v.initial;
      const value = next(old);
      if (value !== old) world = { ...world, [v.id]: value };
      continue;
    }
    const values = pairs[v.id] ?? {};
    let updated: Record<string, number> | null = null;
    const keys = ch.pair ? [pairKey(ch.pair[0], ch.pair[1])] : Object.keys(values);
    for (const key of keys) {
      const old = values[key];
      if (old === undefined) continue;
      const value = next(old);
      if (value === old) continue;
      updated ??= { ...values };
      updated[key] = value;
    }
    if (updated) {
      pairs = { ...pairs, [v.id]: updated };
      overall = { ...overall, [v.id]: overallOf(v, updated) };
    }
  }
  return world === vars.world && pairs === vars.pairs ? vars : { world, pairs, overall };
}

/** The current value of a variable (a pair's value, or the overall value of a per-pair variable). */
export function variableValue(vars: Vars, variable: Variable, pair?: readonly [string, string]): number | undefined {
  if (variable.scope === 'world') return vars.world[variable.id];
  if (!pair) return vars.overall[variable.id];
  return vars.pairs[variable.id]?.[pairKey(pair[0], pair[1])];
}
