/**
 * Reading the zod scenario schema as data, to explain failures in a trainer's terms: which fields a mapping allows,
 * what a field expects, where conditions (the recursive union) begin, which texts are translatable.
 */
import type { z } from 'zod';
import type { Path } from './diagnostics.ts';

export type Schema = z.core.$ZodType;

type Def = {
  type: string;
  innerType?: Schema;
  getter?: () => Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  options?: Schema[];
  discriminator?: string;
  valueType?: Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
};

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

export function defOf(schema: Schema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema beneath optional/default/lazy/pipe wrappers. */
export function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let i = 0; i < 32; i++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
  return current;
}

export function shapeOf(schema: Schema): Record<string, Schema> | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'object' ? def.shape : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** Text or a map of language code to text (`LocalizedText`). */
export function isLocalizedText(schema: Schema): boolean {
  const def = defOf(unwrap(schema));
  const kinds = def.type === 'union' ? (def.options ?? []).map((o) => defOf(unwrap(o)).type) : [];
  return kinds.length === 2 && kinds[0] === 'string' && kinds[1] === 'record';
}

/** The branches of the `Condition` union keyed by their leading key, when `schema` is a condition. */
export function conditionBranches(schema: Schema): Map<string, Schema> | undefined {
  const def = defOf(unwrap(schema));
  if (def.type !== 'union' || def.discriminator !== undefined) return undefined;
  const branches = new Map<string, Schema>();
  for (const option of def.options ?? []) {
    const first = Object.keys(shapeOf(option) ?? {})[0];
    if (first !== undefined) branches.set(first, option);
  }
  return branches.has('all') && branches.has('not') ? branches : undefined;
}

/** The leading keys of a condition that are present in `value`. */
export function leadingKeys(branches: Map<string, Schema>, value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((k) => branches.has(k));
}

/** The union option that fits `value` best: by discriminator, by a condition's leading key, or by kind. */
function pickOption(def: Def, value: unknown, schema: Schema): Schema | undefined {
  const options = def.options ?? [];
  if (def.discriminator !== undefined && isPlainObject(value)) {
    const tag = value[def.discriminator];
    return options.find((o) => defOf(unwrap(shapeOf(o)?.[def.discriminator ?? ''] ?? o)).values?.includes(tag));
  }
  const branches = conditionBranches(schema);
  if (branches !== undefined) {
    const [key] = isPlainObject(value) ? leadingKeys(branches, value) : [];
    return key === undefined ? undefined : branches.get(key);
  }
  const kind = Array.isArray(value) ? ['array', 'tuple'] : isPlainObject(value) ? ['object', 'record'] : undefined;
  return options.find((o) => {
    const type = defOf(unwrap(o)).type;
    return kind === undefined ? !['array', 'tuple', 'object', 'record'].includes(type) : kind.includes(type);
  });
}

/** For a union, the option that fits `value`; any other schema as it is. */
export function fitOption(schema: Schema, value: unknown): Schema {
  const inner = unwrap(schema);
  const def = defOf(inner);
  return def.type === 'union' ? (pickOption(def, value, inner) ?? inner) : inner;
}

/** The schema of the child `segment` of a value checked by `schema`. */
export function childSchema(schema: Schema, segment: string | number, value: unknown): Schema | undefined {
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'object':
      return def.shape?.[String(segment)];
    case 'array':
      return def.element;
    case 'tuple':
      return typeof segment === 'number' ? def.items?.[segment] : undefined;
    case 'record':
      return def.valueType;
    case 'union': {
      const option = pickOption(def, value, inner);
      return option === undefined ? undefined : childSchema(option, segment, value);
    }
    default:
      return undefined;
  }
}

/** The value at a path in plain data (own properties only). */
export function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainObject(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** Walks `path` from `root`: the schema there (if known) and the length of the path to the outermost condition. */
export function schemaAt(root: Schema, path: Path, data: unknown): { schema?: Schema; conditionAt?: number } {
  let schema: Schema | undefined = root;
  let conditionAt: number | undefined;
  for (let i = 0; i <= path.length && schema !== undefined; i++) {
    if (conditionAt === undefined && conditionBranches(schema) !== undefined) conditionAt = i;
    if (i === path.length) break;
    schema = childSchema(schema, path[i] as string | number, valueAt(data, path.slice(0, i)));
  }
  return schema === undefined ? { conditionAt } : { schema, conditionAt };
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** What a schema expects, in words: `a number`, `one of state, cert`, `"all" or a list`. */
export function describeExpected(schema: Schema): string {
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
    case 'tuple':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping';
    case 'enum':
      return `one of ${Object.values(def.entries ?? {}).join(', ')}`;
    case 'literal':
      return (def.values ?? []).map(literal).join(' or ');
    case 'union': {
      if (isLocalizedText(inner)) return 'text';
      if (conditionBranches(inner) !== undefined) return 'a condition';
      const parts = (def.options ?? []).map(describeExpected);
      return [...new Set(parts)].join(' or ');
    }
    default:
      return 'a value';
  }
}
