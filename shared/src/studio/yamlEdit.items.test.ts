import { describe, expect, it } from 'vitest';
import { minimalScenarioYaml } from '../scenario/fixtures.ts';
import { formatDiagnostic, parseScenario, type Scenario } from '../scenario/index.ts';
import { duplicateItem, insertItem, moveItem, removeItem, updateItem } from './yamlEdit.ts';

function scenarioOf(yaml: string | null): Scenario {
  if (yaml === null) throw new Error('no such item');
  const result = parseScenario(yaml, 'test.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
  return result.scenario;
}

const fixture = scenarioOf(minimalScenarioYaml);
/** The fixture written the way shipped scenarios are: a blank line between delegations, seats on one line each. */
const spacedYaml = minimalScenarioYaml
  .replace('\n  - id: sudmark\n', '\n\n  - id: sudmark\n')
  .replace('\n  - id: gridco\n', '\n\n  - id: gridco\n')
  .replace(
    '      - id: mfa\n        title: Foreign ministry\n      - id: cert\n        title: National CERT\n',
    '      - { id: mfa, title: Foreign ministry }\n      - { id: cert, title: National CERT }\n',
  )
  .replace('\nactors:\n', '\n\n# ─── Simulated parties ───\nactors:\n');
const spaced = scenarioOf(spacedYaml);

/** The lines of `after` that differ from `before` (same length assumed), for "nothing else changed". */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

describe('updateItem', () => {
  it("changes an inject's minute and title and nothing else", () => {
    const yaml = updateItem(minimalScenarioYaml, 'injects', 'intel-report', [
      { path: ['at'], value: 12 },
      { path: ['title'], text: 'Intel update', language: 'en', fallback: 'en' },
    ]);
    const edited = scenarioOf(yaml);
    const [intel] = edited.injects.filter((i) => i.id === 'intel-report');
    expect(intel?.at).toBe(12);
    expect(intel?.title).toBe('Intel update');
    expect({ ...edited, injects: [] }).toStrictEqual({ ...fixture, injects: [] });
    expect(edited.injects.filter((i) => i.id !== 'intel-report')).toStrictEqual(
      fixture.injects.filter((i) => i.id !== 'intel-report'),
    );
    expect(changedLines(minimalScenarioYaml, yaml ?? '')).toStrictEqual(['    title: Intel update', '    at: 12']);
  });

  it('switches a trigger: removes the old one, adds the new one', () => {
    const yaml = updateItem(minimalScenarioYaml, 'injects', 'outage-news', [
      { path: ['at'], value: undefined },
      { path: ['onEnter'], value: 'response' },
      { path: ['delay'], value: 5 },
    ]);
    const inject = scenarioOf(yaml).injects[0];
    expect(inject).toMatchObject({ id: 'outage-news', onEnter: 'response', delay: 5 });
    expect(inject?.at).toBeUndefined();
  });

  it('sets one language of a text and keeps the others', () => {
    const source = minimalScenarioYaml.replace(
      '    title: Blackout in the north\n',
      '    title: { en: Blackout in the north, fr: Panne dans le nord }\n',
    );
    const yaml = updateItem(source, 'injects', 'outage-news', [
      { path: ['title'], text: 'Blackout up north', language: 'en', fallback: 'en' },
    ]);
    expect(scenarioOf(yaml).injects[0]?.title).toStrictEqual({ en: 'Blackout up north', fr: 'Panne dans le nord' });
    expect(changedLines(source, yaml ?? '')).toStrictEqual([
      '    title: { en: Blackout up north, fr: Panne dans le nord }',
    ]);
  });

  it('writes a text over several lines as a block, and removes an emptied optional text', () => {
    const yaml = updateItem(minimalScenarioYaml, 'injects', 'outage-news', [
      { path: ['body'], text: 'Line one.\n\n- **bold** point\n', language: 'en', fallback: 'en' },
      { path: ['notes'], text: 'Read it aloud.', language: 'en', fallback: 'en' },
    ]);
    expect(yaml).toContain('    body: |\n      Line one.\n\n      - **bold** point\n');
    const inject = scenarioOf(yaml).injects[0];
    expect(inject?.body).toBe('Line one.\n\n- **bold** point\n');
    expect(inject?.notes).toBe('Read it aloud.');
    const again = updateItem(yaml ?? '', 'injects', 'outage-news', [
      { path: ['notes'], text: '', language: 'en', fallback: 'en' },
    ]);
    expect(scenarioOf(again).injects[0]?.notes).toBeUndefined();
  });

  it('keeps comments, quoting and flow style inside the edited item', () => {
    const source = minimalScenarioYaml.replace(
      '    title: Leaked memo\n',
      '    # Released by the press when pressure builds.\n    title: "Leaked memo"\n',
    );
    const yaml = updateItem(source, 'injects', 'leak', [{ path: ['channel'], value: 'news' }]);
    expect(changedLines(source, yaml ?? '')).toStrictEqual(['    channel: news']);
  });

  it('edits a delegation, an action and a rule, touching only their lines', () => {
    const delegation = updateItem(spacedYaml, 'delegations', 'sudmark', [
      { path: ['kind'], value: 'cert' },
      { path: ['actions'], value: ['share-iocs', 'demarche'] },
    ]);
    const d = scenarioOf(delegation).delegations.find((x) => x.id === 'sudmark');
    expect(d?.kind).toBe('cert');
    expect(d?.actions).toStrictEqual(['share-iocs', 'demarche']);
    expect(scenarioOf(delegation).delegations.filter((x) => x.id !== 'sudmark')).toStrictEqual(
      spaced.delegations.filter((x) => x.id !== 'sudmark'),
    );
    const before = spacedYaml.slice(0, spacedYaml.indexOf('  - id: sudmark'));
    expect(delegation?.startsWith(before)).toBe(true);
    const rest = spacedYaml.slice(spacedYaml.indexOf('  - id: gridco'));
    expect(delegation?.endsWith(rest)).toBe(true);

    const rule = spaced.rules[0];
    if (rule === undefined) throw new Error('gridlock has rules');
    const ruled = updateItem(spacedYaml, 'rules', rule.id, [{ path: ['mode'], value: 'record' }]);
    expect(scenarioOf(ruled).rules[0]?.mode).toBe('record');
    expect(scenarioOf(ruled).rules.slice(1)).toStrictEqual(spaced.rules.slice(1));

    const action = spaced.actions[0];
    if (action === undefined) throw new Error('gridlock has actions');
    const acted = updateItem(spacedYaml, 'actions', action.id, [
      { path: ['rung'], value: 2 },
      { path: ['effects'], value: [{ var: 'public_pressure', add: -1 }] },
    ]);
    const edited = scenarioOf(acted);
    expect(edited.actions[0]).toStrictEqual({ ...action, rung: 2, effects: [{ var: 'public_pressure', add: -1 }] });
    expect(edited.actions.slice(1)).toStrictEqual(spaced.actions.slice(1));
    expect({ ...edited, actions: [] }).toStrictEqual({ ...spaced, actions: [] });
  });

  it('answers null for an id the list does not hold', () => {
    expect(updateItem(minimalScenarioYaml, 'injects', 'nope', [{ path: ['at'], value: 1 }])).toBeNull();
    expect(removeItem(minimalScenarioYaml, 'injects', 'nope')).toBeNull();
    expect(moveItem(minimalScenarioYaml, 'injects', 'nope', 0)).toBeNull();
    expect(duplicateItem(minimalScenarioYaml, 'injects', 'nope', 'x')).toBeNull();
  });
});

describe('adding, copying, removing and reordering items', () => {
  const added = { id: 'new-inject', title: 'New inject', at: 30, to: 'all', channel: 'news', body: 'Something.' };

  it('inserts an item where asked, written as a trainer would', () => {
    const yaml = insertItem(minimalScenarioYaml, 'injects', 1, added);
    expect(yaml).toContain(
      '  - id: outage-news\n' +
        '    title: Blackout in the north\n' +
        '    at: 0\n' +
        '    to: all\n' +
        '    channel: news\n' +
        '    body: Three substations in northern Norland went dark at 03:10.\n' +
        '    objective: poc-use\n' +
        '  - id: new-inject\n    title: New inject\n    at: 30\n    to: all\n    channel: news\n    body: Something.\n' +
        '  - id: cert-bulletin\n',
    );
    const edited = scenarioOf(yaml);
    expect(edited.injects.map((i) => i.id)).toStrictEqual([
      'outage-news',
      'new-inject',
      ...fixture.injects.slice(1).map((i) => i.id),
    ]);
    expect(edited.injects.filter((i) => i.id !== 'new-inject')).toStrictEqual(fixture.injects);
  });

  it('appends at the end, keeping the blank line between items a file uses', () => {
    const yaml = insertItem(spacedYaml, 'delegations', 99, {
      id: 'norvia',
      name: 'Republic of Norvia',
      kind: 'state',
      seats: [{ id: 'mfa', title: 'Ministry of Foreign Affairs' }],
      briefing: { public: 'A large neighbour.', private: 'You host the servers.' },
      actions: ['share-iocs'],
    });
    expect(yaml).toContain('\n\n  - id: norvia\n    name: Republic of Norvia\n    kind: state\n');
    expect(yaml).toContain('    seats:\n      - { id: mfa, title: Ministry of Foreign Affairs }\n');
    const edited = scenarioOf(yaml);
    expect(edited.delegations.map((d) => d.id).at(-1)).toBe('norvia');
    expect(edited.delegations.slice(0, -1)).toStrictEqual(spaced.delegations);
  });

  it('adds to a list written as [] or missing', () => {
    const empty = minimalScenarioYaml.replace(/\nrules:\n[\s\S]*?\ntemplates:\n/, '\nrules: []\ntemplates:\n');
    const rule = {
      id: 'ack-pings',
      type: 'deadline',
      title: 'Answer',
      on: ['poc.ping'],
      satisfiedBy: ['poc.ack'],
      within: 5,
    };
    const yaml = insertItem(empty, 'rules', 0, rule);
    expect(yaml).toContain('\nrules:\n  - id: ack-pings\n');
    expect(scenarioOf(yaml).rules).toHaveLength(1);
    const missing = empty.replace('\nrules: []\n', '\n');
    expect(scenarioOf(insertItem(missing, 'rules', 0, rule)).rules[0]?.id).toBe('ack-pings');
  });

  it('copies an item under a new id just after it', () => {
    const yaml = duplicateItem(minimalScenarioYaml, 'injects', 'leak', 'leak-2');
    const edited = scenarioOf(yaml);
    const ids = edited.injects.map((i) => i.id);
    expect(ids.slice(3, 5)).toStrictEqual(['leak', 'leak-2']);
    expect({ ...edited.injects[4], id: 'leak' }).toStrictEqual(edited.injects[3]);
  });

  it('removes an item, and writes [] for the last one', () => {
    const yaml = removeItem(minimalScenarioYaml, 'injects', 'leak');
    expect(scenarioOf(yaml).injects).toStrictEqual(fixture.injects.filter((i) => i.id !== 'leak'));
    expect(yaml).toBe(minimalScenarioYaml.replace(/ {2}- id: leak\n[\s\S]*?(?= {2}- id: ping-reminder)/, ''));
    let all: string | null = minimalScenarioYaml;
    for (const i of fixture.injects) all = removeItem(all ?? '', 'injects', i.id);
    expect(all).toContain('\ninjects: []\nactions:\n');
    expect(scenarioOf(all).injects).toStrictEqual([]);
    const lastId = spaced.delegations.at(-1)?.id ?? '';
    const last = removeItem(spacedYaml, 'delegations', lastId) ?? '';
    const start = spacedYaml.indexOf(`\n\n  - id: ${lastId}\n`);
    const end = spacedYaml.indexOf('\n\n# ', start + 1);
    expect(end).toBeGreaterThan(start);
    expect(last).toBe(spacedYaml.slice(0, start) + spacedYaml.slice(end));
  });

  it("moves an item, keeping every item's text", () => {
    const yaml = moveItem(minimalScenarioYaml, 'injects', 'missed-ack', 0);
    const edited = scenarioOf(yaml);
    expect(edited.injects.map((i) => i.id)).toStrictEqual([
      'missed-ack',
      ...fixture.injects.filter((i) => i.id !== 'missed-ack').map((i) => i.id),
    ]);
    expect([...edited.injects].sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual(
      [...fixture.injects].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect([...(yaml ?? '')].sort().join('')).toBe([...minimalScenarioYaml].sort().join(''));
    const back = moveItem(yaml ?? '', 'injects', 'missed-ack', 99);
    expect(back).toBe(minimalScenarioYaml);
  });

  it('moves items separated by blank lines', () => {
    const yaml = moveItem(spacedYaml, 'delegations', 'gridco', 0);
    const edited = scenarioOf(yaml);
    const ids = spaced.delegations.map((d) => d.id);
    expect(edited.delegations.map((d) => d.id)).toStrictEqual(['gridco', ...ids.filter((id) => id !== 'gridco')]);
    expect(moveItem(yaml ?? '', 'delegations', 'gridco', 2)).toBe(spacedYaml);
  });
});
