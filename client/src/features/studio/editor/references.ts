/**
 * Which kind of id a field expects (the JSON Schema says only "an identifier"; the validator's cross-reference
 * checks say which: shared/src/scenario/references.ts and conditionRefs.ts), and the ids a document defines, read
 * from the parsed scenario or, while the text is invalid, from whatever YAML can still be read.
 */
import { parseSource } from '@parley/shared/scenario/source.ts';
import { BUILTIN_ACTIONS } from '@parley/shared/scenario/vocabulary.ts';
import type { Segment } from './yamlContext.ts';

export type RefKind =
  | 'phase'
  | 'delegation'
  | 'party'
  | 'action'
  | 'catalogueAction'
  | 'objective'
  | 'inject'
  | 'ending'
  | 'template'
  | 'rule'
  | 'variable'
  | 'language';

const PARTY_KEYS = new Set(['between', 'by', 'assessed', 'suspect', 'pair', 'from']);
const PHASE_KEYS = new Set(['onEnter', 'phase', 'since']);
const ACTION_KEYS = new Set(['action', 'on', 'satisfiedBy']);
const SIMPLE: Readonly<Record<string, RefKind>> = {
  end: 'ending',
  objective: 'objective',
  members: 'delegation',
  var: 'variable',
  released: 'inject',
  signed: 'template',
  breached: 'rule',
  fallbackLanguage: 'language',
};

/** The kind of id expected at a value's path (list indexes included), or null for free values. */
export function refKindAt(path: readonly Segment[]): RefKind | null {
  const keys = path.filter((s): s is string => typeof s === 'string');
  const last = keys[keys.length - 1];
  const parent = keys[keys.length - 2];
  if (last === undefined) return null;
  if (last === 'to') {
    if (parent === 'transitions' || parent === 'onTimeout') return 'phase';
    if (path[0] === 'injects' && keys.length === 2) return 'delegation';
    return 'party';
  }
  if (last === 'initial') return parent === 'phases' ? 'phase' : null;
  if (last === 'actions') {
    if (parent === 'delegations' || parent === 'actors') return 'catalogueAction';
    if (parent === 'expects') return 'action';
    return null;
  }
  if (PARTY_KEYS.has(last)) return 'party';
  if (PHASE_KEYS.has(last)) return 'phase';
  if (ACTION_KEYS.has(last)) return 'action';
  return SIMPLE[last] ?? null;
}

/** Bindings a party reference may use where the path is (rules and action effects: $actor, $target). */
export function bindingsAt(path: readonly Segment[]): string[] {
  if (path[0] === 'rules' || path[0] === 'actions') return ['$actor', '$target'];
  if (path[0] === 'templates') return ['$signatory'];
  return [];
}

export type DocumentIds = Readonly<Record<RefKind, readonly string[]>>;

type Data = Record<string, unknown>;

const asRecord = (value: unknown): Data | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function idsIn(value: unknown): string[] {
  const out: string[] = [];
  for (const item of list(value)) {
    const id = asRecord(item)?.id;
    if (typeof id === 'string' && id !== '' && !out.includes(id)) out.push(id);
  }
  return out;
}

function phaseIds(value: unknown, out: string[] = []): string[] {
  for (const item of list(value)) {
    const phase = asRecord(item);
    if (phase === null) continue;
    if (typeof phase.id === 'string' && !out.includes(phase.id)) out.push(phase.id);
    phaseIds(phase.phases, out);
  }
  return out;
}

/** The ids a scenario (or what could be read of one) defines, by kind. */
export function idsOf(data: unknown): DocumentIds {
  const d = asRecord(data) ?? {};
  const delegations = idsIn(d.delegations);
  const actors = idsIn(d.actors);
  const catalogue = idsIn(d.actions);
  return {
    phase: phaseIds(d.phases),
    delegation: delegations,
    party: [...delegations, ...actors.filter((a) => !delegations.includes(a))],
    action: [...catalogue, ...BUILTIN_ACTIONS.filter((a) => !catalogue.includes(a))],
    catalogueAction: catalogue,
    objective: idsIn(d.objectives),
    inject: idsIn(d.injects),
    ending: idsIn(d.endings),
    template: idsIn(d.templates),
    rule: idsIn(d.rules),
    variable: idsIn(d.variables),
    language: list(d.languages).filter((l): l is string => typeof l === 'string'),
  };
}

/** What YAML can still read of a text that may be invalid (a partial document is better than none). */
export function readLeniently(text: string): unknown {
  try {
    const source = parseSource(text);
    if (source.ok) return source.data;
    return source.doc?.toJS({ maxAliasCount: 100 }) ?? null;
  } catch {
    return null;
  }
}
