/**
 * Cross-references inside conditions and effects: variables (and their pairs), actions, parties, phases, injects,
 * templates and rules must exist, and bindings appear only where they are defined.
 */
import type { Path } from './diagnostics.ts';
import type { Resolver, Scope } from './resolver.ts';
import type { Condition, Effect } from './schema.ts';

const COMPARISONS = ['gt', 'gte', 'lt', 'lte', 'eq'] as const;

function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function checkConditionRefs(c: Condition, path: Path, scope: Scope, r: Resolver): void {
  if ('all' in c)
    c.all.forEach((sub, i) => {
      checkConditionRefs(sub, [...path, 'all', i], scope, r);
    });
  else if ('any' in c)
    c.any.forEach((sub, i) => {
      checkConditionRefs(sub, [...path, 'any', i], scope, r);
    });
  else if ('not' in c) checkConditionRefs(c.not, [...path, 'not'], scope, r);
  else if ('var' in c) {
    r.variable(c.var, c.pair, path, scope);
    if (!COMPARISONS.some((k) => c[k] !== undefined)) {
      r.error(path, `compare "${c.var}" with one of gt, gte, lt, lte or eq`);
    }
  } else if ('action' in c) {
    const actions = asList(c.action);
    actions.forEach((a, i) => {
      r.actionRef(a, Array.isArray(c.action) ? [...path, 'action', i] : [...path, 'action']);
    });
    const by = asList(c.by);
    by.forEach((p, i) => {
      r.party(p, Array.isArray(c.by) ? [...path, 'by', i] : [...path, 'by'], scope);
    });
    if (c.to !== undefined) r.party(c.to, [...path, 'to'], scope);
    if (c.atMost !== undefined && c.atLeast !== undefined && c.atMost < c.atLeast) {
      r.error([...path, 'atMost'], `atMost (${c.atMost}) is below atLeast (${c.atLeast}): this can never hold`);
    }
  } else if ('phase' in c) r.phase(c.phase, [...path, 'phase']);
  else if ('elapsed' in c) {
    if (c.since !== undefined) r.phase(c.since, [...path, 'since']);
    if (!COMPARISONS.some((k) => c.elapsed[k] !== undefined)) {
      r.error([...path, 'elapsed'], 'compare the elapsed minutes with one of gt, gte, lt, lte or eq');
    }
  } else if ('released' in c) r.known('inject', c.released, r.index.injects, [...path, 'released']);
  else if ('signed' in c) {
    r.known('template', c.signed, r.index.templates, [...path, 'signed']);
    c.by?.forEach((p, i) => {
      r.party(p, [...path, 'by', i], scope);
    });
  } else if ('breached' in c) {
    r.known('rule', c.breached, r.index.rules, [...path, 'breached']);
    if (c.by !== undefined) r.party(c.by, [...path, 'by'], scope);
  } else if ('assessed' in c) {
    const who = c.assessed;
    if (r.index.actors.has(who))
      r.error([...path, 'assessed'], `"${who}" is an actor; only delegations make assessments`);
    else r.party(who, [...path, 'assessed'], scope);
    if (c.suspect !== undefined) r.party(c.suspect, [...path, 'suspect'], scope);
  }
}

export function checkEffectRefs(effects: readonly Effect[], base: Path, scope: Scope, r: Resolver): void {
  effects.forEach((e, i) => {
    r.variable(e.var, e.pair, [...base, i], scope);
  });
}
