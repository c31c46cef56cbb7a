/** Completion from the scenario JSON Schema: keys with descriptions, allowed words, and the document's own ids. */
import { minimalScenarioYaml } from '@parley/shared/scenario/fixtures.ts';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import { describe, expect, it } from 'vitest';
import schemaJson from '../../../../../scenarios/scenario.schema.json' with { type: 'json' };
import { idsOf, readLeniently, refKindAt } from './references.ts';
import { completionOptions, type JsonSchema, schemasAt } from './schemaCompletion.ts';
import { linesOf, yamlContextAt } from './yamlContext.ts';

const schema = schemaJson as unknown as JsonSchema;
const parsed = parseScenario(minimalScenarioYaml, 'fixture.yaml');
if (!parsed.ok) throw new Error('the fixture is valid');
const ids = idsOf(parsed.scenario);

/** Completion options at the `¦` of `text`. */
function offered(text: string) {
  const offset = text.indexOf('¦');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  const before = clean.slice(0, offset).split('\n');
  const ctx = yamlContextAt(linesOf(clean), before.length, (before[before.length - 1] ?? '').length);
  if (ctx === null) throw new Error('no context');
  return completionOptions(schema, ctx, ids);
}
const labels = (text: string) => offered(text).map((o) => o.label);

describe('schema completion', () => {
  it('offers the keys an inject may still have, with their descriptions', () => {
    const options = offered('injects:\n  - id: a\n    at: 3\n    ¦');
    const names = options.map((o) => o.label);
    expect(names).toEqual(expect.arrayContaining(['channel', 'body', 'to', 'onEnter', 'expects', 'objective']));
    expect(names).not.toContain('id');
    expect(names).not.toContain('at');
    expect(options.find((o) => o.label === 'onEnter')?.info).toBe('Trigger: when this phase is entered.');
  });

  it('inserts a key with its colon, opening a block for mappings and lists of mappings', () => {
    const options = offered('injects:\n  - id: a\n    ¦');
    expect(options.find((o) => o.label === 'channel')?.apply).toBe('channel: ');
    expect(options.find((o) => o.label === 'expects')?.apply).toBe('expects:\n      ');
    expect(options.find((o) => o.label === 'indicators')?.apply).toBe('indicators:\n      - ');
  });

  it('marks the required top-level fields', () => {
    const options = offered('¦');
    expect(options.find((o) => o.label === 'delegations')?.required).toBe(true);
    expect(options.find((o) => o.label === 'actors')?.required).toBe(false);
  });

  it('offers enum values', () => {
    expect(labels('injects:\n  - id: a\n    channel: ¦')).toEqual([
      'intel',
      'cert',
      'news',
      'social',
      'poc',
      'email',
      'phone',
    ]);
    expect(labels('level: ¦')).toEqual(['introductory', 'intermediate', 'advanced']);
  });

  it('offers the ids defined in the document where a field refers to one', () => {
    expect(labels('injects:\n  - id: a\n    onEnter: ¦')).toEqual(['detection', 'triage', 'analysis', 'response']);
    expect(labels('injects:\n  - id: a\n    to: [¦')).toEqual(['norland', 'sudmark', 'gridco']);
    expect(labels('injects:\n  - id: a\n    objective: ¦')).toEqual(['poc-use', 'restraint']);
    expect(labels('phases:\n  - id: a\n    transitions:\n      - end: ¦')).toEqual(
      expect.arrayContaining(['cooperation', 'stalemate']),
    );
    // A list field typed as a plain value: the id comes wrapped in a list, beside "all".
    const to = offered('injects:\n  - id: a\n    to: ¦');
    expect(to.map((o) => o.apply)).toEqual(['all', '[norland]', '[sudmark]', '[gridco]']);
  });

  it('offers actions (with built-ins) in conditions, and bindings in rules', () => {
    const inCondition = labels('phases:\n  - id: a\n    transitions:\n      - when: { action: ¦');
    expect(inCondition).toEqual(expect.arrayContaining(['share-iocs', 'poc.ping']));
    const inRule = labels('rules:\n  - id: r\n    type: precondition\n    requires:\n      by: ¦');
    expect(inRule).toEqual(expect.arrayContaining(['norland', 'press', '$actor', '$target']));
  });

  it('narrows a condition to the branch its first key chose', () => {
    const names = labels('phases:\n  - id: a\n    transitions:\n      - when:\n          var: trust\n          ¦');
    expect(names).toEqual(expect.arrayContaining(['gte', 'lt', 'pair']));
    expect(names).not.toContain('all');
    expect(names).not.toContain('action');
  });

  it('offers list items of ids in block lists', () => {
    expect(labels('channels:\n  - id: c\n    members:\n      - ¦')).toEqual(['norland', 'sudmark', 'gridco']);
  });
});

describe('references', () => {
  it('names the kind of id a field expects from where it is', () => {
    expect(refKindAt(['injects', 0, 'to', 1])).toBe('delegation');
    expect(refKindAt(['phases', 0, 'transitions', 0, 'to'])).toBe('phase');
    expect(refKindAt(['phases', 0, 'onTimeout', 'to'])).toBe('phase');
    expect(refKindAt(['rules', 0, 'when', 'to'])).toBe('party');
    expect(refKindAt(['delegations', 0, 'actions', 2])).toBe('catalogueAction');
    expect(refKindAt(['injects', 0, 'expects', 'actions', 0])).toBe('action');
    expect(refKindAt(['variables', 0, 'initial'])).toBeNull();
    expect(refKindAt(['title'])).toBeNull();
  });

  it('reads ids from a text YAML can still half read', () => {
    const broken = 'delegations:\n  - id: norland\n  - id: sudmark\nphases:\n  - id: one\n    title: [unclosed\n';
    const read = idsOf(readLeniently(broken));
    expect(read.delegation).toEqual(['norland', 'sudmark']);
    expect(read.phase).toEqual(['one']);
  });

  it('finds nothing in nothing', () => {
    expect(schemasAt(schema, ['nonsense'])).toEqual([]);
  });
});
