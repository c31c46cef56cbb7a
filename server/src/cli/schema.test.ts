/** scenarios/scenario.schema.json: generated from the zod schema, and never stale. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimalScenario } from '@parley/shared/scenario/fixtures.ts';
import { DELEGATION_KINDS } from '@parley/shared/scenario/vocabulary.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { run, SCHEMA_FILE, schemaText } from './schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scenario.schema.json', () => {
  it('is up to date with the scenario format (run ./parley schema if this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('describes the scenario for editors: id, title, strict fields, enums, named recursive types', () => {
    const schema = JSON.parse(schemaText());
    expect(schema.$id).toBe('urn:parley:scenario:v1');
    expect(schema.title).toBe('Parley scenario (format version 1)');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'id', 'phases', 'endings']));
    expect(schema.properties.delegations.items.properties.kind.enum).toEqual([...DELEGATION_KINDS]);
    expect(Object.keys(schema.$defs).sort()).toEqual(['Condition', 'Phase']);
    expect(Object.keys(minimalScenario()).filter((k) => !(k in schema.properties))).toEqual([]);
  });

  it('--check exits 1 on a stale file and 0 on a fresh one; writing makes it fresh', async () => {
    const file = join(dir, 'scenario.schema.json');
    writeFileSync(file, '{}\n');
    expect(await run(['--check', '--out', file])).toBe(1);
    expect(await run(['--out', file])).toBe(0);
    expect(await run(['--check', '--out', file])).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(schemaText());
  });
});
