/**
 * Completion from the scenario's JSON Schema (scenarios/scenario.schema.json, the one the CLI and trainers' own
 * editors use): at a key, the fields the mapping may still have, with their descriptions; at a value, the allowed
 * words (enums, constants, true/false) and the ids the document defines where a field refers to something.
 */
import { bindingsAt, type DocumentIds, type RefKind, refKindAt } from './references.ts';
import type { Segment, YamlContext } from './yamlContext.ts';

export type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema | boolean;
  readonly prefixItems?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly description?: string;
};

export type CompletionKind = 'key' | 'value' | 'id' | 'binding';

export type CompletionOption = {
  readonly label: string;
  /** The text inserted (a key gets its colon and, for nested blocks, the next line's indentation). */
  readonly apply: string;
  readonly kind: CompletionKind;
  /** For keys: whether the field is required. */
  readonly required?: boolean;
  /** For ids: what the id names. */
  readonly ref?: RefKind;
  /** The schema's description of the field. */
  readonly info?: string;
};

function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let guard = 0; s.$ref !== undefined && guard < 8; guard++) {
    const name = s.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    if (target === undefined) break;
    s = target;
  }
  return s;
}

/** A schema's alternatives, with references and unions unfolded. */
export function alternatives(root: JsonSchema, schema: JsonSchema, depth = 0): JsonSchema[] {
  const s = resolve(root, schema);
  const union = s.anyOf ?? s.oneOf;
  if (union === undefined || depth > 6) return [s];
  return union.flatMap((option) => alternatives(root, option, depth + 1));
}

/** Every schema a value at `path` may follow. */
export function schemasAt(root: JsonSchema, path: readonly Segment[]): JsonSchema[] {
  let current: JsonSchema[] = [root];
  for (const segment of path) {
    const next: JsonSchema[] = [];
    for (const s of current.flatMap((c) => alternatives(root, c))) {
      if (typeof segment === 'number') {
        const item = s.prefixItems?.[segment] ?? (typeof s.items === 'object' ? s.items : undefined);
        if (item !== undefined) next.push(item);
      } else {
        const property = s.properties?.[segment];
        if (property !== undefined) next.push(property);
        else if (typeof s.additionalProperties === 'object' && s.properties === undefined) {
          next.push(s.additionalProperties);
        }
      }
    }
    if (next.length === 0) return [];
    current = next;
  }
  return current;
}

const typesOf = (s: JsonSchema): readonly string[] =>
  s.type === undefined ? [] : typeof s.type === 'string' ? [s.type] : s.type;
const isObject = (s: JsonSchema): boolean => typesOf(s).includes('object') || s.properties !== undefined;
const isArray = (s: JsonSchema): boolean => typesOf(s).includes('array');
const isString = (s: JsonSchema): boolean => typesOf(s).includes('string') && s.const === undefined;

/** Whether the value written on the key's line matches what an alternative fixes for that key. */
function fits(root: JsonSchema, option: JsonSchema, key: string, written: string): boolean {
  const property = option.properties?.[key];
  if (property === undefined) return option.additionalProperties !== false;
  const word = written.replace(/^["']|["']$/g, '');
  if (word === '') return true;
  const fixed = alternatives(root, property).flatMap((p) =>
    p.const !== undefined ? [String(p.const)] : (p.enum ?? []).map(String),
  );
  return fixed.length === 0 || fixed.includes(word);
}

/** How a key is inserted: `key: ` for a plain value, a new indented line for a block, `- ` for a list of blocks. */
function keyApply(root: JsonSchema, key: string, property: JsonSchema, column: number, flow: boolean): string {
  if (flow) return `${key}: `;
  const options = alternatives(root, property);
  const indent = `\n${' '.repeat(column + 2)}`;
  if (options.every(isObject) && options.some((o) => o.properties !== undefined)) return `${key}:${indent}`;
  if (options.every(isArray)) {
    const items = options.flatMap((o) => (typeof o.items === 'object' ? alternatives(root, o.items) : []));
    if (items.length > 0 && items.every(isObject)) return `${key}:${indent}- `;
  }
  return `${key}: `;
}

function keyOptions(root: JsonSchema, ctx: Extract<YamlContext, { kind: 'key' }>): CompletionOption[] {
  const objects = schemasAt(root, ctx.path)
    .flatMap((s) => alternatives(root, s))
    .filter((s) => s.properties !== undefined);
  const fitting = objects.filter((o) => ctx.keys.every((k) => fits(root, o, k, ctx.values[k] ?? '')));
  const chosen = fitting.length > 0 ? fitting : objects;
  const seen = new Map<string, CompletionOption>();
  for (const option of chosen) {
    for (const [key, property] of Object.entries(option.properties ?? {})) {
      if (ctx.keys.includes(key) || key === '$schema') continue;
      const required = option.required?.includes(key) === true;
      const previous = seen.get(key);
      if (previous !== undefined) {
        if (required && previous.required !== true) seen.set(key, { ...previous, required });
        continue;
      }
      const description = property.description ?? alternatives(root, property).find((p) => p.description)?.description;
      const apply = ctx.hasColon ? key : keyApply(root, key, property, ctx.column, ctx.flow);
      seen.set(key, {
        label: key,
        apply,
        kind: 'key',
        required,
        ...(description === undefined ? {} : { info: description }),
      });
    }
  }
  return [...seen.values()];
}

function valueOptions(
  root: JsonSchema,
  path: readonly Segment[],
  ids: DocumentIds,
  flow: boolean,
  quoted: boolean,
): CompletionOption[] {
  const options = schemasAt(root, path).flatMap((s) => alternatives(root, s));
  const out: CompletionOption[] = [];
  const add = (label: string, apply: string, kind: CompletionKind, extra: Partial<CompletionOption> = {}) => {
    if (!out.some((o) => o.label === label)) out.push({ label, apply, kind, ...extra });
  };
  for (const s of options) {
    const info = s.description === undefined ? {} : { info: s.description };
    for (const v of s.enum ?? []) if (typeof v === 'string') add(v, v, 'value', info);
    if (typeof s.const === 'string' || typeof s.const === 'boolean') add(String(s.const), String(s.const), 'value');
    if (typesOf(s).includes('boolean') && s.const === undefined && !quoted) {
      add('true', 'true', 'value');
      add('false', 'false', 'value');
    }
  }
  const kind = refKindAt(path);
  if (kind !== null) {
    const strings = options.some(isString);
    const lists = options.filter(isArray);
    const listOfStrings = lists.some((l) =>
      typeof l.items === 'object' ? alternatives(root, l.items).some(isString) : false,
    );
    if (strings || (listOfStrings && !quoted)) {
      const wrap = !strings && !flow;
      const parties = kind === 'party' ? bindingsAt(path) : [];
      for (const id of ids[kind]) add(id, wrap ? `[${id}]` : id, 'id', { ref: kind });
      for (const b of parties) add(b, wrap ? `[${b}]` : b, 'binding', { ref: kind });
    }
  }
  return out;
}

/** What to offer at a context (unfiltered: the editor filters by what is typed). */
export function completionOptions(root: JsonSchema, ctx: YamlContext, ids: DocumentIds): CompletionOption[] {
  if (ctx.kind === 'key') {
    const keys = keyOptions(root, ctx);
    if (!ctx.item || ctx.keys.length > 0) return keys;
    // A fresh list item: a mapping's first key, or a plain value when the list holds values.
    const values = valueOptions(root, ctx.path, ids, false, false);
    return [...values, ...keys];
  }
  return valueOptions(root, ctx.path, ids, ctx.flow, ctx.quote !== null);
}
