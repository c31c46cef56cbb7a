/**
 * Compiling a parsed scenario for play: lookup tables, rule indexes by action, compiled conditions and the phase
 * statechart. A compiled scenario is immutable and shared by every state of an exercise. The scenario is assumed
 * valid (the validator checks references); a reference that cannot be resolved throws a CompileError.
 */
import type {
  Action,
  Actor,
  DeadlineRule,
  Delegation,
  Ending,
  GroupChannel,
  Inject,
  LocalizedText,
  Phase,
  PreconditionRule,
  Rule,
  Scenario,
  Template,
  Variable,
} from '../scenario/schema.ts';
import { type ActorKind, BUILTIN_ACTIONS } from '../scenario/vocabulary.ts';
import { type CompiledCondition, compileCondition, type EvalContext } from './conditions.ts';
import { buildMachine, type PhaseMachine, type TransitionSpec } from './statechart.ts';
import { MINUTE } from './types.ts';

export class CompileError extends Error {
  override name = 'CompileError';
}

export type PartyInfo = {
  readonly id: string;
  readonly kind: ActorKind;
  readonly delegation: boolean;
  readonly name: LocalizedText;
};

export type PhaseNode = {
  readonly phase: Phase;
  readonly parent: string | null;
  /** Outermost first, without the phase itself. */
  readonly ancestors: readonly string[];
  readonly order: number;
  /** Indexes into `transitions`, in document order. */
  readonly transitions: readonly number[];
};

export type CompiledTransition = TransitionSpec & { readonly when: CompiledCondition };

export type CompiledScenario = {
  readonly scenario: Scenario;
  readonly lang: string;
  readonly parties: ReadonlyMap<string, PartyInfo>;
  readonly delegationIds: readonly string[];
  readonly partyIds: readonly string[];
  readonly partyIndex: ReadonlyMap<string, number>;
  /** Action references that are counted: catalogue action ids, then the built-ins. */
  readonly refs: readonly string[];
  readonly refIndex: ReadonlyMap<string, number>;
  readonly delegations: ReadonlyMap<string, Delegation>;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly actions: ReadonlyMap<string, Action>;
  readonly templates: ReadonlyMap<string, Template>;
  readonly variables: ReadonlyMap<string, Variable>;
  readonly groups: ReadonlyMap<string, GroupChannel>;
  readonly injects: ReadonlyMap<string, Inject>;
  readonly injectOrder: ReadonlyMap<string, number>;
  readonly rules: ReadonlyMap<string, Rule>;
  readonly endings: ReadonlyMap<string, Ending>;
  readonly phases: ReadonlyMap<string, PhaseNode>;
  readonly transitions: readonly CompiledTransition[];
  readonly machine: PhaseMachine;
  readonly preconditions: ReadonlyMap<string, readonly PreconditionRule[]>;
  readonly requires: ReadonlyMap<string, CompiledCondition>;
  readonly deadlineOpeners: ReadonlyMap<string, readonly DeadlineRule[]>;
  readonly deadlineAnswers: ReadonlyMap<string, readonly DeadlineRule[]>;
  readonly conditionalInjects: readonly { readonly id: string; readonly when: CompiledCondition }[];
  readonly onEnterInjects: ReadonlyMap<string, readonly string[]>;
  readonly conditionalEndings: readonly { readonly id: string; readonly when: CompiledCondition }[];
  readonly defaultEnding: string | null;
  readonly timeLimit: number | null;
};

function byId<T extends { id: string }>(items: readonly T[], what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.id)) throw new CompileError(`Duplicate ${what} id "${item.id}"`);
    map.set(item.id, item);
  }
  return map;
}

function indexBy<T>(entries: readonly [string, T][]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const [key, value] of entries) {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

export function compileScenario(scenario: Scenario): CompiledScenario {
  const delegations = byId(scenario.delegations, 'delegation');
  const actors = byId(scenario.actors, 'actor');
  const parties = new Map<string, PartyInfo>();
  for (const d of scenario.delegations) parties.set(d.id, { id: d.id, kind: d.kind, delegation: true, name: d.name });
  for (const a of scenario.actors) {
    if (parties.has(a.id)) throw new CompileError(`Actor "${a.id}" has the id of a delegation`);
    parties.set(a.id, { id: a.id, kind: a.kind, delegation: false, name: a.name });
  }
  const variables = byId(scenario.variables, 'variable');
  const partyIds = [...parties.keys()];
  const partyIndex = new Map(partyIds.map((id, i) => [id, i]));
  const refs = [...scenario.actions.map((a) => a.id), ...BUILTIN_ACTIONS];
  const refIndex = new Map(refs.map((id, i) => [id, i]));
  const env = { variables, partyIndex, refIndex };

  const phases = new Map<string, PhaseNode>();
  let order = 0;
  const walk = (list: readonly Phase[], parent: string | null, ancestors: readonly string[]) => {
    for (const p of list) {
      if (phases.has(p.id)) throw new CompileError(`Duplicate phase id "${p.id}"`);
      phases.set(p.id, { phase: p, parent, ancestors, order: order++, transitions: [] });
      walk(p.phases, p.id, [...ancestors, p.id]);
    }
  };
  walk(scenario.phases, null, []);
  const endings = byId(scenario.endings, 'ending');
  for (const node of phases.values()) {
    for (const t of [...node.phase.transitions, ...(node.phase.onTimeout ? [node.phase.onTimeout] : [])]) {
      if (t.to !== undefined && !phases.has(t.to))
        throw new CompileError(`Phase "${node.phase.id}" moves to an unknown phase "${t.to}"`);
      if (t.end !== undefined && !endings.has(t.end))
        throw new CompileError(`Phase "${node.phase.id}" ends with an unknown ending "${t.end}"`);
    }
  }

  const transitions: CompiledTransition[] = [];
  const test = (t: number, ctx: EvalContext) => transitions[t]?.when.test(ctx, {}) ?? false;
  let built: ReturnType<typeof buildMachine>;
  try {
    built = buildMachine(scenario.phases, test);
  } catch (error) {
    throw new CompileError(`The phases do not form a valid statechart: ${(error as Error).message}`);
  }
  const { machine, specs } = built;
  const whenOf = new Map<string, Phase['transitions']>();
  for (const node of phases.values()) whenOf.set(node.phase.id, node.phase.transitions);
  const own = new Map<string, number[]>();
  for (const spec of specs) {
    const list = own.get(spec.from) ?? [];
    const t = whenOf.get(spec.from)?.[list.length];
    if (!t) throw new CompileError(`Internal: transition ${list.length} of phase "${spec.from}" not found`);
    list.push(transitions.length);
    own.set(spec.from, list);
    transitions.push({ ...spec, when: compileCondition(t.when, env) });
  }
  for (const [id, node] of phases) phases.set(id, { ...node, transitions: own.get(id) ?? [] });

  const rules = byId(scenario.rules, 'rule');
  const preconditionRules = scenario.rules.filter((r): r is PreconditionRule => r.type === 'precondition');
  const deadlineRules = scenario.rules.filter((r): r is DeadlineRule => r.type === 'deadline');
  const requires = new Map<string, CompiledCondition>();
  for (const r of preconditionRules) requires.set(r.id, compileCondition(r.requires, env));

  const injects = byId(scenario.injects, 'inject');
  const injectOrder = new Map(scenario.injects.map((inj, i) => [inj.id, i]));
  for (const inj of scenario.injects) {
    if (inj.onEnter !== undefined && !phases.has(inj.onEnter))
      throw new CompileError(`Inject "${inj.id}" waits for an unknown phase "${inj.onEnter}"`);
  }
  const defaultEnding = scenario.endings.find((e) => e.default)?.id ?? null;

  return {
    scenario,
    lang: scenario.fallbackLanguage,
    parties,
    delegationIds: scenario.delegations.map((d) => d.id),
    partyIds,
    partyIndex,
    refs,
    refIndex,
    delegations,
    actors,
    actions: byId(scenario.actions, 'action'),
    templates: byId(scenario.templates, 'template'),
    variables,
    groups: byId(scenario.channels, 'channel'),
    injects,
    injectOrder,
    rules,
    endings,
    phases,
    transitions,
    machine,
    preconditions: indexBy(preconditionRules.flatMap((r) => r.on.map((ref) => [ref, r] as [string, PreconditionRule]))),
    requires,
    deadlineOpeners: indexBy(deadlineRules.flatMap((r) => r.on.map((ref) => [ref, r] as [string, DeadlineRule]))),
    deadlineAnswers: indexBy(
      deadlineRules.flatMap((r) => r.satisfiedBy.map((ref) => [ref, r] as [string, DeadlineRule])),
    ),
    conditionalInjects: scenario.injects.flatMap((inj) =>
      inj.when !== undefined ? [{ id: inj.id, when: compileCondition(inj.when, env) }] : [],
    ),
    onEnterInjects: indexBy(
      scenario.injects.flatMap((inj) => (inj.onEnter !== undefined ? [[inj.onEnter, inj.id] as [string, string]] : [])),
    ),
    conditionalEndings: scenario.endings.flatMap((e) =>
      e.when !== undefined ? [{ id: e.id, when: compileCondition(e.when, env) }] : [],
    ),
    defaultEnding,
    timeLimit: scenario.timeLimit !== undefined ? Math.round(scenario.timeLimit * MINUTE) : null,
  };
}
