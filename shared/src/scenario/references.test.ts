/** Cross-reference checks: ids resolve (with suggestions), ids are unique, bindings appear only where defined. */
import { describe, expect, it } from 'vitest';
import { at, replaceInFixture as edit, editFixture, problemsOf } from './fixtures.ts';

/** The diagnostics for a broken fixture must include `expected`, positioned at `needle` (its `nth` occurrence). */
function expectProblem(yaml: string, needle: string, expected: string, nth = 1): void {
  expect(problemsOf(yaml)).toContain(`${at(yaml, needle, nth)}${expected}`);
}

describe('unknown ids, with the nearest valid one suggested', () => {
  it.each([
    [
      'an inject recipient',
      'to: [norland, sudmark]',
      'to: [norlnad, sudmark]',
      'norlnad',
      'injects[1].to[0]: unknown delegation "norlnad" (did you mean "norland"?)',
    ],
    [
      'a transition target',
      '      - to: response',
      '      - to: respnse',
      'respnse',
      'phases[0].transitions[0].to: unknown phase "respnse" (did you mean "response"?)',
    ],
    [
      'an ending on timeout',
      'onTimeout: { end: stalemate }',
      'onTimeout: { end: stalmate }',
      'stalmate',
      'phases[1].onTimeout.end: unknown ending "stalmate" (did you mean "stalemate"?)',
    ],
    [
      'an onEnter phase',
      'onEnter: analysis',
      'onEnter: analysys',
      'analysys',
      'injects[1].onEnter: unknown phase "analysys" (did you mean "analysis"?)',
    ],
    [
      'an objective',
      'objective: restraint',
      'objective: restrain',
      'restrain\n',
      'injects[2].objective: unknown objective "restrain" (did you mean "restraint"?)',
    ],
    [
      'a variable in a condition',
      '{ var: public_pressure, gte: 6 }',
      '{ var: public_presure, gte: 6 }',
      'public_presure',
      'injects[3].when.var: unknown variable "public_presure" (did you mean "public_pressure"?)',
    ],
    [
      'a catalogue action',
      'actions: [share-iocs]\nactors',
      'actions: [share-ioc]\nactors',
      'share-ioc]',
      'delegations[2].actions[0]: unknown action "share-ioc" (did you mean "share-iocs"?)',
    ],
    [
      'a rule action',
      'on: [attribute]',
      'on: [atribute]',
      'atribute',
      'rules[0].on[0]: unknown action "atribute": not in the action catalogue nor a built-in (did you mean "attribute"?)',
    ],
    [
      'a built-in in a deadline rule',
      'satisfiedBy: [poc.ack]',
      'satisfiedBy: [poc.akc]',
      'poc.akc',
      'rules[1].satisfiedBy[0]: unknown action "poc.akc": not in the action catalogue nor a built-in (did you mean "poc.ack"?)',
    ],
    [
      'an expected action',
      'actions: [share-iocs]\n  - id: intel',
      'actions: [share-icos]\n  - id: intel',
      'share-icos',
      'injects[1].expects.actions[0]: unknown action "share-icos": not in the action catalogue nor a built-in (did you mean "share-iocs"?)',
    ],
    [
      'a template in signed',
      'when: { signed: info-sharing }',
      'when: { signed: info-share }',
      'info-share ',
      'phases[1].transitions[0].when.signed: unknown template "info-share" (did you mean "info-sharing"?)',
    ],
    [
      'a rule in breached',
      'when: { breached: ack-pings }',
      'when: { breached: ack-ping }',
      'ack-ping ',
      'injects[5].when.breached: unknown rule "ack-ping" (did you mean "ack-pings"?)',
    ],
    [
      'an inject in released',
      'when: { breached: ack-pings }',
      'when: { released: outage-new }',
      'outage-new }',
      'injects[5].when.released: unknown inject "outage-new" (did you mean "outage-news"?)',
    ],
    [
      'a phase in since',
      'when: { breached: ack-pings }',
      'when: { elapsed: { gte: 5 }, since: triag }',
      'triag ',
      'injects[5].when.since: unknown phase "triag" (did you mean "triage"?)',
    ],
    [
      'a pair member',
      'between: [norland, sudmark]',
      'between: [norland, sudmrak]',
      'sudmrak',
      'variables[0].pairs[0].between[1]: unknown party "sudmrak": not a delegation or actor (did you mean "sudmark"?)',
    ],
    [
      'an initial sub-phase',
      'initial: triage',
      'initial: triag',
      'triag\n',
      'phases[0].initial: unknown sub-phase "triag" (did you mean "triage"?)',
    ],
  ])('%s', (_, find, replace, needle, expected) => expectProblem(edit(find, replace), needle, expected));

  it('says when an id names an actor where a delegation is needed', () => {
    const yaml = edit('members: [norland, sudmark, gridco]', 'members: [norland, sudmark, press]');
    expectProblem(
      yaml,
      'press]',
      'channels[0].members[2]: "press" is an actor, played by the facilitator; group channels hold delegations',
    );
  });

  it('says when initial names a phase that is not a sub-phase', () => {
    const yaml = edit('initial: triage', 'initial: response');
    expectProblem(
      yaml,
      'response\n',
      'phases[0].initial: "response" is not a sub-phase of "detection" (its sub-phases: triage, analysis)',
    );
  });
});

describe('duplicate ids', () => {
  it('within a kind, naming the line of the first', () => {
    const yaml = edit('  - id: gridco', '  - id: sudmark');
    const first = at(yaml, 'id: sudmark').split(':')[1];
    expectProblem(
      yaml,
      'sudmark',
      `delegations[2].id: duplicate delegation id "sudmark" (already used at line ${first})`,
      2,
    );
  });

  it('between delegations and actors (all parties)', () => {
    const yaml = edit('  - id: press', '  - id: gridco');
    expectProblem(
      yaml,
      'gridco\n    name: The',
      'actors[0].id: "gridco" is already a delegation (line 44); delegations and actors are all parties and need distinct ids',
    );
  });

  it('across the whole nested phase tree', () => {
    const yaml = edit('      - id: analysis', '      - id: response');
    expectProblem(
      yaml,
      'response\n    title: Response',
      'phases[1].id: duplicate phase id "response" (already used at line 97); phase ids must be unique across all levels',
    );
  });

  it('of seats within a delegation', () => {
    const yaml = edit('      - id: cert\n', '      - id: mfa\n');
    expectProblem(
      yaml,
      'mfa\n        title: National CERT',
      'delegations[0].seats[1].id: duplicate seat id "mfa" (already used at line 26)',
    );
  });
});

describe('bindings and per-pair variables', () => {
  it('refuses $actor and $target in an inject effect', () => {
    const yaml = edit('{ var: public_pressure, add: 1 }', '{ var: trust, pair: [$actor, $target], add: 1 }');
    const problems = problemsOf(yaml);
    expect(problems).toContain(
      `${at(yaml, '$actor, $target], add: 1 }')}injects[3].effects[0].pair[0]: "$actor" (the party acting) is only defined in action effects and in rules`,
    );
    expect(problems).toContain(
      `${at(yaml, '$target], add: 1 }')}injects[3].effects[0].pair[1]: "$target" is only defined where there is a target: in action effects and in rules`,
    );
  });

  it('refuses $signatory outside template effects', () => {
    const yaml = edit(
      '{ var: trust, pair: [$actor, $target], add: 1 }',
      '{ var: trust, pair: [$signatory, $target], add: 1 }',
    );
    expectProblem(
      yaml,
      '$signatory, $target',
      'actions[0].effects[0].pair[0]: "$signatory" is only defined in template effects',
    );
  });

  it('refuses $target in an action that has no targets', () => {
    const yaml = edit('{ var: public_pressure, add: 2 }', '{ var: trust, pair: [$actor, $target], add: 2 }');
    expectProblem(
      yaml,
      '$target], add: 2 }\nrules',
      'actions[4].effects[0].pair[1]: "$target" is used, but "publish" has no targets (targets.max is 0)',
    );
  });

  it('refuses a pair on a world variable', () => {
    const yaml = edit('{ var: public_pressure, gte: 6 }', '{ var: public_pressure, pair: [norland, sudmark], gte: 6 }');
    expectProblem(
      yaml,
      '[norland, sudmark], gte',
      'injects[3].when.pair: "public_pressure" is a world variable with one value: it has no pairs (remove "pair")',
    );
  });

  it('refuses pairs on a world variable and a pair of one party', () => {
    const world = edit(
      '    initial: 2\nphases',
      '    initial: 2\n    pairs: [{ between: [norland, sudmark], initial: 3 }]\nphases',
    );
    expectProblem(world, '[{ between', 'variables[2].pairs: "pairs" only applies to variables with scope "pair"');
    const same = edit('between: [norland, sudmark]', 'between: [norland, norland]');
    expectProblem(
      same,
      '[norland, norland]',
      'variables[0].pairs[0].between: a pair needs two different parties, got "norland" twice',
    );
  });

  it('accepts a per-pair variable without a pair (conditions read the overall value, effects change every pair)', () => {
    const yaml = edit('{ var: public_pressure, gte: 6 }', '{ var: trust, lte: 2 }');
    expect(problemsOf(yaml)).toEqual([]);
  });
});

describe('related fields that must agree', () => {
  it('fallbackLanguage must be one of languages', () => {
    expectProblem(
      edit('fallbackLanguage: en', 'fallbackLanguage: de'),
      'de\n',
      'fallbackLanguage: "de" is not one of the scenario\'s languages (en, fr)',
    );
  });

  it('a choice parameter needs options', () => {
    const yaml = edit(', options: [technical, political]', '');
    expectProblem(
      yaml,
      '{ id: basis',
      'actions[2].params[1]: a "choice" parameter needs "options" (the ids to choose from)',
    );
  });

  it('no inject is due after the time limit', () => {
    const yaml = edit('timeLimit: 90', 'timeLimit: 10');
    expectProblem(yaml, '15\n', 'injects[2].at: minute 15 is after the time limit (10): it would never be delivered');
  });

  it('onTimeout needs a time box', () => {
    const yaml = edit('        title: Analysis\n', '        title: Analysis\n        onTimeout: { to: response }\n');
    expectProblem(
      yaml,
      '{ to: response }',
      'phases[0].phases[1].onTimeout: onTimeout needs a time box: add "timebox: <minutes>"',
      2,
    );
  });

  it('a deadline rule needs an action with a target', () => {
    expectProblem(
      edit('on: [poc.ping]', 'on: [publish]'),
      'publish]\n    satisfiedBy',
      'rules[1].on[0]: "publish" has no target, so nobody could owe an answer: it cannot open a deadline',
    );
  });

  it('a variable condition compares with something', () => {
    const yaml = edit('{ var: public_pressure, gte: 6 }', '{ var: public_pressure }');
    expectProblem(
      yaml,
      '{ var: public_pressure }',
      'injects[3].when: compare "public_pressure" with one of gt, gte, lt, lte or eq',
    );
  });

  it('warns about an action nobody may take', () => {
    const yaml = editFixture((s) => {
      const norland = s.delegations[0];
      if (norland) norland.actions = norland.actions.filter((a) => a !== 'sanction');
    });
    expect(problemsOf(yaml).join('\n')).toMatch(
      /warning: actions\[3\]\.id: no delegation or actor lists "sanction" in its actions, so nobody can take it/,
    );
  });
});
