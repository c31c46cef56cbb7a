/**
 * The JSON Schema of the scenario format, derived from the zod schema, for trainers' editors
 * (`# yaml-language-server: $schema=./scenario.schema.json`). Written to scenarios/ by `./parley schema`.
 */
import { z } from 'zod';
import { Scenario } from './schema.ts';

export const SCENARIO_SCHEMA_ID = 'urn:parley:scenario:v1';

type JsonObject = { [key: string]: unknown };

/** A readable name for one of zod's anonymous definitions (the recursive types). */
function nameOf(def: JsonObject, fallback: string): string {
  const properties = def.properties as JsonObject | undefined;
  if (properties?.transitions !== undefined && properties.phases !== undefined) return 'Phase';
  if (Array.isArray(def.anyOf) && JSON.stringify(def.anyOf).includes('"all"')) return 'Condition';
  return fallback;
}

export function scenarioJsonSchema(): JsonObject {
  const { $schema, $defs, ...body } = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  const defs = ($defs ?? {}) as Record<string, JsonObject>;
  const names = new Map(Object.entries(defs).map(([key, def]) => [key, nameOf(def, key)]));
  let text = JSON.stringify({
    body,
    defs: Object.fromEntries(Object.entries(defs).map(([k, d]) => [names.get(k), d])),
  });
  for (const [key, name] of names) text = text.replaceAll(`"#/$defs/${key}"`, `"#/$defs/${name}"`);
  const renamed = JSON.parse(text) as { body: JsonObject; defs: JsonObject };
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'Parley scenario (format version 1)',
    description:
      'A crisis-simulation exercise for Parley: delegations, phases, injects (the MSEL), actions, confidence-building ' +
      'rules, negotiation templates and endings. Generated from shared/src/scenario/schema.ts by `./parley schema`; ' +
      'check a file with `./parley validate <file>`.',
    ...renamed.body,
    $defs: renamed.defs,
  };
}
