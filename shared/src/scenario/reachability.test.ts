/** Reachability: phases play can enter, injects that would arrive after their phase, endings that can be reached. */
import { describe, expect, it } from 'vitest';
import { at, replaceInFixture as edit, problemsOf } from './fixtures.ts';

function expectOnly(yaml: string, needle: string, expected: string): void {
  expect(problemsOf(yaml)).toEqual([`${at(yaml, needle)}${expected}`]);
}

const NOT_INITIAL =
  'it is not the initial sub-phase of "detection" and no transition or onTimeout from a reachable phase leads to it';

describe('phases', () => {
  it('reports a sub-phase that is neither initial nor targeted', () => {
    const yaml = edit('        onTimeout: { to: analysis }\n', '');
    expectOnly(
      yaml,
      'analysis\n        title',
      `phases[0].phases[1].id: phase "analysis" can never be entered: ${NOT_INITIAL}`,
    );
  });

  it('counts a transition into a nested phase from outside', () => {
    const yaml = edit('        onTimeout: { to: analysis }\n', '').replace(
      '      - end: cooperation\n',
      '      - to: analysis\n        when: { var: trust, lte: 1 }\n      - end: cooperation\n',
    );
    expect(problemsOf(yaml)).toEqual([]);
  });

  it('reports an unreachable top-level phase, and not its sub-phases again', () => {
    const yaml = edit('    onTimeout: { to: response }\n', '    onTimeout: { end: stalemate }\n')
      .replace('      - to: response\n', '      - end: cooperation\n')
      .replace('    title: Response\n', '    title: Response\n    phases:\n      - id: talks\n        title: Talks\n');
    expectOnly(
      yaml,
      'response\n    title',
      'phases[1].id: phase "response" can never be entered: no transition or onTimeout from a reachable phase leads to it',
    );
  });

  it('accepts loops between phases', () => {
    const yaml = edit(
      '      - end: cooperation\n',
      '      - to: detection\n        when: { var: trust, lte: 1 }\n      - end: cooperation\n',
    );
    expect(problemsOf(yaml)).toEqual([]);
  });
});

describe('injects that would come after their phase can end', () => {
  const timedAnalysis = (yaml: string): string =>
    yaml.replace(
      '        title: Analysis\n',
      '        title: Analysis\n        timebox: 5\n        onTimeout: { to: response }\n',
    );

  it('an onEnter inject whose delay outlasts the phase it is restricted to', () => {
    const yaml = timedAnalysis(edit('    delay: 2\n', '    delay: 5\n    phase: analysis\n'));
    expectOnly(
      yaml,
      '5\n    phase',
      'injects[1].delay: "analysis" times out after 5 minutes, before this inject\'s delay of 5 runs out: it would lapse',
    );
  });

  it('warns (only) when such an inject is not restricted to the phase', () => {
    const yaml = timedAnalysis(edit('    delay: 2\n', '    delay: 6\n'));
    expectOnly(
      yaml,
      '6\n',
      'warning: injects[1].delay: "analysis" times out after 5 minutes, before this inject\'s delay of 6 runs out: it will arrive in a later phase',
    );
  });

  it('an inject at a minute when its phase is over on every path', () => {
    const yaml = edit('at: 15\n', 'at: 21\n');
    expectOnly(
      yaml,
      '21',
      'injects[2].at: phase "detection" is over by minute 20 at the latest, so this inject (minute 21) would lapse',
    );
  });

  it("bounds a sub-phase by its parent's time box", () => {
    const yaml = edit('at: 15\n    phase: detection', 'at: 25\n    phase: analysis');
    expectOnly(
      yaml,
      '25',
      'injects[2].at: phase "analysis" is over by minute 20 at the latest, so this inject (minute 25) would lapse',
    );
  });

  it('adds time boxes along the longest path', () => {
    // response is entered by minute 20 at the latest and times out 40 minutes later.
    expect(problemsOf(edit('at: 15\n    phase: detection', 'at: 60\n    phase: response'))).toEqual([]);
    const late = edit('at: 15\n    phase: detection', 'at: 61\n    phase: response');
    expectOnly(
      late,
      '61',
      'injects[2].at: phase "response" is over by minute 60 at the latest, so this inject (minute 61) would lapse',
    );
  });

  it('skips the check where a phase has no bound', () => {
    const yaml = edit('at: 15\n    phase: detection', 'at: 85\n    phase: response').replace(
      '    onTimeout: { end: stalemate }\n',
      '',
    );
    expect(problemsOf(yaml)).toEqual([]);
  });

  it('treats a loop back into a timed phase as unbounded', () => {
    const yaml = edit('at: 15\n', 'at: 80\n').replace(
      '      - end: cooperation\n',
      '      - to: detection\n        when: { var: trust, lte: 1 }\n      - end: cooperation\n',
    );
    expect(problemsOf(yaml)).toEqual([]);
  });
});

describe('endings', () => {
  it('needs a default ending', () => {
    expectOnly(
      edit('    default: true\n', ''),
      '- id: cooperation',
      'endings: no ending has "default: true": one is needed for when time runs out',
    );
  });

  it('allows only one default', () => {
    const yaml = edit('    tone: negative\n', '    tone: negative\n    default: true\n');
    const first = at(yaml, 'true\n    when').split(':')[1];
    const last = yaml.lastIndexOf('true');
    const line = yaml.slice(0, last).split('\n').length;
    expect(problemsOf(yaml)).toEqual([
      `test.yaml:${line}:14 endings[2].default: only one ending can be the default, and "escalation-spiral" already is (line ${first})`,
    ]);
  });

  it('reports an ending with no way in', () => {
    const yaml = edit('    when: { var: escalation, gte: 8 }\n', '');
    expectOnly(
      yaml,
      'escalation-spiral\n',
      'endings[1].id: ending "escalation-spiral" can never be reached: it is not the default, has no "when", and no reachable phase ends with it',
    );
  });

  it('reports an ending ended only by an unreachable phase', () => {
    const yaml = edit('        onTimeout: { to: analysis }\n', '')
      .replace(
        '      - id: analysis\n        title: Analysis\n',
        '      - id: analysis\n        title: Analysis\n        transitions:\n          - end: escalation-spiral\n            when: { phase: analysis }\n',
      )
      .replace('    when: { var: escalation, gte: 8 }\n', '');
    expect(problemsOf(yaml)).toContain(
      `${at(yaml, 'escalation-spiral\n    title')}endings[1].id: ending "escalation-spiral" can never be reached: it is not the default, has no "when", and no reachable phase ends with it`,
    );
  });

  it.each([
    [
      "a threshold outside the variable's range",
      '{ var: escalation, gt: 9 }',
      '{ var: escalation, gt: 9 }',
      'when',
      '"escalation" ranges from 0 to 9, so "gt: 9" never holds',
    ],
    [
      'comparisons that contradict each other',
      '{ all: [{ var: escalation, gte: 8 }, { var: escalation, lt: 3 }] }',
      '{ all',
      'when',
      'the conditions on "escalation" contradict each other',
    ],
    [
      'an action the named party may not take',
      '{ action: sanction, by: gridco }',
      'sanction, by: gridco',
      'when.action',
      '"gridco" cannot take "sanction" (not in the actions they may take)',
    ],
    [
      'an action nobody may take',
      '{ any: [{ action: sanction, by: [gridco, press] }, { var: escalation, gt: 10 }] }',
      '{ any',
      'when',
      'none of the alternatives can hold ("gridco", "press" cannot take "sanction" (not in the actions they may take), ...)',
    ],
    ['an assessment by an actor', '{ assessed: press }', 'press }', 'when.assessed', 'actors make no assessments'],
    [
      'a severity beyond the scale',
      '{ assessed: norland, severity: { gte: 6 } }',
      '{ gte: 6 }',
      'when.severity',
      'severity ranges from 0 to 5, so "gte: 6" never holds',
    ],
    [
      'a time after the time limit',
      '{ elapsed: { gt: 90 } }',
      '{ gt: 90 }',
      'when.elapsed',
      'play lasts at most 90 minutes, so "gt: 90" never holds',
    ],
  ])('reports an ending whose condition can never hold: %s', (_, when, needle, path, reason) => {
    const yaml = edit('when: { var: escalation, gte: 8 }', `when: ${when}`);
    expect(problemsOf(yaml)).toContain(
      `${at(yaml, needle)}endings[1].${path}: ending "escalation-spiral" can never be reached: ${reason}`,
    );
  });

  it('accepts conditions that can hold in principle', () => {
    for (const when of [
      '{ var: escalation, eq: 9 }',
      '{ not: { var: escalation, gt: 100 } }',
      '{ action: sanction, by: norland, to: sudmark }',
      '{ action: poc.ping, atLeast: 3 }',
      '{ released: leak }',
      '{ breached: consult-first }',
    ]) {
      expect(problemsOf(edit('when: { var: escalation, gte: 8 }', `when: ${when}`))).toEqual([]);
    }
  });

  it('warns about a transition whose condition can never hold', () => {
    const yaml = edit('when: { action: attribute }', 'when: { var: trust, gt: 10 }');
    expectOnly(
      yaml,
      '{ var: trust',
      'warning: phases[0].transitions[0].when: this condition can never hold: "trust" ranges from 0 to 10, so "gt: 10" never holds',
    );
  });
});
