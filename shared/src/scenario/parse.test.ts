import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics.ts';
import { at, minimalScenarioYaml, positionOf, problemsOf, replaceInFixture } from './fixtures.ts';
import { parseScenario } from './parse.ts';

describe('parseScenario on the fixture', () => {
  it('accepts the minimal scenario without errors or warnings, applying defaults', () => {
    const result = parseScenario(minimalScenarioYaml, 'blackout.yaml');
    expect(result.ok ? result.warnings : result.errors.map(formatDiagnostic)).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.id).toBe('blackout-drill');
    expect(result.scenario.delegations.map((d) => d.id)).toEqual(['norland', 'sudmark', 'gridco']);
    expect(result.scenario.injects[0]?.delay).toBe(0);
    expect(result.scenario.rules[0]?.mode).toBe('warn');
  });

  it('accepts the same file as bytes', () => {
    expect(parseScenario(new TextEncoder().encode(minimalScenarioYaml), 'blackout.yaml').ok).toBe(true);
  });
});

/** Each case: a broken variant of the fixture, the text to point at, and the exact message after the position. */
type Case = { name: string; yaml: string; needle: string; shift?: number; expected: string };

const edit = replaceInFixture;

const shapeCases: Case[] = [
  {
    name: 'an unknown enum value',
    yaml: edit('kind: company', 'kind: goverment'),
    needle: 'goverment',
    expected:
      'delegations[2].kind: expected one of state, cert, company, civil-society, international-organisation, got "goverment"',
  },
  {
    name: 'a misspelt field, pointing at the key',
    yaml: edit('    timebox: 40\n', '    timeboxx: 40\n'),
    needle: 'timeboxx',
    expected: 'phases[1]: unknown field "timeboxx" (did you mean "timebox"?)',
  },
  {
    name: 'an unknown field with nothing close: the allowed fields are listed',
    yaml: edit('    rung: 3\n', '    rung: 3\n    zzz: 1\n'),
    needle: 'zzz',
    expected:
      'actions[1]: unknown field "zzz" (allowed: id, label, description, command, channel, visibility, targets, params, effects, rung, deniable, norms, cbms)',
  },
  {
    name: 'a number written as text',
    yaml: edit('timebox: 40', 'timebox: "40"'),
    needle: '"40"',
    expected: 'phases[1].timebox: expected a number, got "40" (write numbers without quotes)',
  },
  {
    name: 'a missing required field, pointing at the mapping that lacks it',
    yaml: edit('    channel: poc\n', ''),
    needle: 'id: ping-reminder',
    expected: 'injects[4]: missing field "channel" (one of intel, cert, news, social, poc, email, phone)',
  },
  {
    name: 'a value that is neither of the union members',
    yaml: edit('manual: true\n    to: [sudmark]', 'manual: true\n    to: al'),
    needle: 'al\n    channel: poc',
    expected: 'injects[4].to: expected "all" or a list, got "al"',
  },
  {
    name: 'an invalid language code as a key',
    yaml: edit('  fr: Exercice panne générale', '  french: Exercice'),
    needle: 'french',
    expected: 'title: invalid key "french": expected a language code such as "en", "fr", "es" or "ar"',
  },
  {
    name: 'the wrong format version',
    yaml: edit('version: 1', 'version: 2'),
    needle: '2\n',
    expected: 'version: expected 1, got 2',
  },
  {
    name: 'yes instead of true',
    yaml: edit('required: true', 'required: yes'),
    needle: 'yes',
    expected: 'actions[2].params[0].required: expected true or false, got "yes" (write true or false)',
  },
  {
    name: 'an empty value where text is needed',
    yaml: edit('title: Triage', 'title:'),
    needle: 'title:\n        timebox: 10',
    shift: 'title:'.length,
    expected: 'phases[0].phases[0].title: expected text, got an empty value',
  },
  {
    name: 'a CBM number out of range',
    yaml: edit('cbms: [8, 13]', 'cbms: [8, 17]'),
    needle: '17',
    expected: 'objectives[0].cbms[1]: expected an OSCE ICT CBM number from 1 to 16, got 17',
  },
  {
    name: 'an id with capitals and spaces',
    yaml: edit('  - id: norland', '  - id: North Land'),
    needle: 'North Land',
    expected:
      'delegations[0].id: expected an id: lower-case letters, digits, "-" or "_", starting with a letter, got "North Land"',
  },
  {
    name: 'a negative time box',
    yaml: edit('timebox: 40', 'timebox: -5'),
    needle: '-5',
    expected: 'phases[1].timebox: expected a number > 0, got -5',
  },
  {
    name: 'two triggers on one inject',
    yaml: edit('    at: 15\n', '    at: 15\n    manual: true\n'),
    needle: 'id: intel-report',
    expected: 'injects[2]: exactly one trigger: "at", "onEnter", "when" or "manual: true"',
  },
  {
    name: 'an intelligence report without confidence',
    yaml: edit('    confidence: medium\n', ''),
    needle: 'id: intel-report',
    expected: 'injects[2].confidence: an intelligence report needs a "confidence" (low, medium, high)',
  },
  {
    name: 'a list given as a single word',
    yaml: edit('languages: [en, fr]', 'languages: en'),
    needle: 'en\nfallback',
    expected: 'languages: expected a list, got "en" (write a list: [a, b], or one "- item" per line)',
  },
  {
    name: 'an empty list where one item is needed',
    yaml: edit('on: [poc.ping]', 'on: []'),
    needle: '[]',
    expected: 'rules[1].on: must not be empty: expected at least one item',
  },
  {
    name: "a built-in action in a delegation's catalogue list",
    yaml: edit('actions: [share-iocs]\nactors', 'actions: [share-iocs, poc.ping]\nactors'),
    needle: 'poc.ping]\nactors',
    expected:
      'delegations[2].actions[1]: expected an id: lower-case letters, digits, "-" or "_", starting with a letter, got "poc.ping" (built-in actions are always available: list only catalogue actions here)',
  },
];

const conditionCases: Case[] = [
  {
    name: 'a misspelt leading key',
    yaml: edit('when: { var: public_pressure, gte: 6 }', 'when: { vr: public_pressure, gte: 6 }'),
    needle: 'vr:',
    expected: 'injects[3].when: unknown condition "vr" (did you mean "var"?)',
  },
  {
    name: 'a leading key unlike any: the allowed ones are listed',
    yaml: edit('when: { var: public_pressure, gte: 6 }', 'when: { pressure: 6 }'),
    needle: 'pressure: 6',
    expected:
      'injects[3].when: unknown condition "pressure": a condition starts with one of the keys all, any, not, var, action, phase, elapsed, released, signed, breached, assessed',
  },
  {
    name: 'a misspelt comparison inside the var branch',
    yaml: edit('when: { var: public_pressure, gte: 6 }', 'when: { var: public_pressure, gtee: 6 }'),
    needle: 'gtee',
    expected: 'injects[3].when: unknown field "gtee" (did you mean "gte"?)',
  },
  {
    name: 'a bad condition nested in all',
    yaml: edit('when: { action: attribute }', 'when: { all: [ { phase: triage }, { sgined: info-sharing } ] }'),
    needle: 'sgined',
    expected: 'phases[0].transitions[0].when.all[1]: unknown condition "sgined" (did you mean "signed"?)',
  },
  {
    name: 'two leading keys in one condition',
    yaml: edit('when: { action: attribute }', 'when: { action: attribute, phase: triage }'),
    needle: '{ action: attribute, phase',
    expected:
      'phases[0].transitions[0].when: a condition tests one thing, but this one has "action" and "phase": list them under "all:" (or "any:")',
  },
  {
    name: 'a word instead of a condition',
    yaml: edit('when: { action: attribute }', 'when: attribute'),
    needle: 'attribute\n',
    expected:
      'phases[0].transitions[0].when: expected a condition (a mapping with one of the keys all, any, not, var, action, phase, elapsed, released, signed, breached, assessed), got "attribute"',
  },
  {
    name: 'a wrong type inside a branch',
    yaml: edit('when: { breached: ack-pings }', 'when: { breached: ack-pings, atLeast: "two" }'),
    needle: '"two"',
    expected: 'injects[5].when.atLeast: expected a number, got "two"',
  },
  {
    name: 'an empty any',
    yaml: edit('when: { action: attribute }', 'when: { any: [] }'),
    needle: '[]',
    expected: 'phases[0].transitions[0].when.any: must not be empty: expected at least one condition',
  },
];

const ruleCases: Case[] = [
  {
    name: 'a misspelt rule type',
    yaml: edit('type: deadline', 'type: deadlin'),
    needle: 'deadlin\n',
    expected: 'rules[1].type: expected one of precondition, deadline, got "deadlin" (did you mean "deadline"?)',
  },
  {
    name: 'a rule without a type',
    yaml: edit('    type: deadline\n', ''),
    needle: 'id: ack-pings',
    expected: 'rules[1]: missing field "type" (one of precondition, deadline)',
  },
  {
    name: 'a field of the other rule type',
    yaml: edit('    within: 5\n', '    within: 5\n    requires: { phase: triage }\n'),
    needle: 'requires: { phase: triage }',
    expected:
      'rules[1]: unknown field "requires"' +
      ' (allowed: id, title, description, cost, norms, cbms, type, on, satisfiedBy, within, mode)',
  },
];

describe.each([
  ['shape errors', shapeCases],
  ['condition errors (pre-dispatched on the leading key)', conditionCases],
  ['rule errors (dispatched on type)', ruleCases],
])('%s', (_, cases) => {
  it.each(cases)('$name', ({ yaml, needle, shift = 0, expected }) => {
    const { line, column } = positionOf(yaml, needle);
    expect(problemsOf(yaml)).toContain(`test.yaml:${line}:${column + shift} ${expected}`);
  });
});

describe('diagnostics', () => {
  it('formats errors and warnings in the file:line:column style', () => {
    const d = { file: 'gridlock.yaml', line: 42, column: 7, path: 'injects[3].to', message: 'unknown delegation' };
    expect(formatDiagnostic({ ...d, severity: 'error' })).toBe('gridlock.yaml:42:7 injects[3].to: unknown delegation');
    expect(formatDiagnostic({ ...d, severity: 'warning' })).toBe(
      'gridlock.yaml:42:7 warning: injects[3].to: unknown delegation',
    );
  });

  it('reports a missing translation as a warning, not an error', () => {
    const yaml = edit('  fr: Exercice panne générale\n', '');
    const result = parseScenario(yaml, 'test.yaml');
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatDiagnostic)).toEqual([
      `${at(yaml, 'en: Blackout')}warning: title: missing translation for "fr"`,
    ]);
  });

  it('reports every shape error of a file, sorted by position', () => {
    const yaml = edit('kind: company', 'kind: goverment').replace('timebox: 40', 'timebox: "40"');
    const lines = problemsOf(yaml);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('delegations[2].kind');
    expect(lines[1]).toContain('phases[1].timebox');
  });

  it('caps a flood of errors and says how many more there are', () => {
    const injects = Array.from(
      { length: 150 },
      (_, i) => `  - { id: i${i}, title: t, at: 1, to: all, channel: nope, body: b }`,
    );
    const yaml = edit('injects:\n', `injects:\n${injects.join('\n')}\n`);
    const lines = problemsOf(yaml);
    expect(lines).toHaveLength(101);
    expect(lines[100]).toMatch(/and 50 more errors not listed$/);
  });
});
