/**
 * The scenario's id tables (delegations, actors, phases across the nested tree, injects, actions, ...), built once
 * for the cross-reference checks. Duplicate ids are reported here: within each kind, between delegations and actors
 * (both are parties), for phases anywhere in the tree, and for seats, parameters and clauses within their owner.
 */
import type { Path, Report } from './diagnostics.ts';
import type { Action, Actor, Delegation, Ending, Inject, Phase, Rule, Scenario, Template, Variable } from './schema.ts';

export type Context = { report: Report; where: (path: Path) => string };

export type PhaseEntry = { phase: Phase; path: Path; parent: string | undefined; depth: number };

export type Index = {
  scenario: Scenario;
  delegations: Map<string, Delegation>;
  actors: Map<string, Actor>;
  phases: Map<string, PhaseEntry>;
  injects: Map<string, Inject>;
  actions: Map<string, Action>;
  rules: Map<string, Rule>;
  templates: Map<string, Template>;
  endings: Map<string, Ending>;
  objectives: Set<string>;
  variables: Map<string, Variable>;
  channels: Set<string>;
};

/** Collects `items` by id, reporting repeats as `duplicate <noun> id`. */
export function byId<T extends { id: string }>(
  items: readonly T[],
  base: Path,
  noun: string,
  ctx: Context,
): Map<string, T> {
  const map = new Map<string, T>();
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const previous = first.get(item.id);
    if (previous === undefined) {
      map.set(item.id, item);
      first.set(item.id, i);
      return;
    }
    const where = ctx.where([...base, previous, 'id']);
    ctx.report('error', [...base, i, 'id'], `duplicate ${noun} id "${item.id}" (already used at ${where})`);
  });
  return map;
}

function indexPhases(phases: readonly Phase[], ctx: Context): Map<string, PhaseEntry> {
  const entries = new Map<string, PhaseEntry>();
  const visit = (list: readonly Phase[], base: Path, parent: string | undefined, depth: number): void => {
    list.forEach((phase, i) => {
      const path = [...base, i];
      const previous = entries.get(phase.id);
      if (previous === undefined) entries.set(phase.id, { phase, path, parent, depth });
      else {
        const where = ctx.where([...previous.path, 'id']);
        ctx.report(
          'error',
          [...path, 'id'],
          `duplicate phase id "${phase.id}" (already used at ${where}); phase ids must be unique across all levels`,
        );
      }
      visit(phase.phases, [...path, 'phases'], phase.id, depth + 1);
    });
  };
  visit(phases, ['phases'], undefined, 0);
  return entries;
}

export function buildIndex(scenario: Scenario, ctx: Context): Index {
  const delegations = byId(scenario.delegations, ['delegations'], 'delegation', ctx);
  const actors = byId(scenario.actors, ['actors'], 'actor', ctx);
  scenario.actors.forEach((actor, i) => {
    const d = scenario.delegations.findIndex((x) => x.id === actor.id);
    if (d === -1) return;
    const where = ctx.where(['delegations', d, 'id']);
    ctx.report(
      'error',
      ['actors', i, 'id'],
      `"${actor.id}" is already a delegation (${where}); delegations and actors are all parties and need distinct ids`,
    );
  });
  scenario.delegations.forEach((d, i) => {
    byId(d.seats, ['delegations', i, 'seats'], 'seat', ctx);
  });
  scenario.actions.forEach((a, i) => {
    byId(a.params, ['actions', i, 'params'], 'parameter', ctx);
  });
  scenario.templates.forEach((t, i) => {
    byId(t.clauses, ['templates', i, 'clauses'], 'clause', ctx);
  });
  return {
    scenario,
    delegations,
    actors,
    phases: indexPhases(scenario.phases, ctx),
    injects: byId(scenario.injects, ['injects'], 'inject', ctx),
    actions: byId(scenario.actions, ['actions'], 'action', ctx),
    rules: byId(scenario.rules, ['rules'], 'rule', ctx),
    templates: byId(scenario.templates, ['templates'], 'template', ctx),
    endings: byId(scenario.endings, ['endings'], 'ending', ctx),
    objectives: new Set(byId(scenario.objectives, ['objectives'], 'objective', ctx).keys()),
    variables: byId(scenario.variables, ['variables'], 'variable', ctx),
    channels: new Set(byId(scenario.channels, ['channels'], 'channel', ctx).keys()),
  };
}

/** The ids of a phase's ancestors, nearest first. */
export function ancestorsOf(index: Index, id: string): string[] {
  const out: string[] = [];
  for (let p = index.phases.get(id)?.parent; p !== undefined; p = index.phases.get(p)?.parent) out.push(p);
  return out;
}

/** The sub-phase entered with a phase: its `initial`, or its first sub-phase. */
export function initialChild(phase: Phase): string | undefined {
  return phase.initial ?? phase.phases[0]?.id;
}
