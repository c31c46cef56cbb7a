import { parseScenario } from '@parley/shared/scenario/parse.ts';
import { describe, expect, it } from 'vitest';
import { countFindings, findingsOf, lintFindings } from './findings.ts';

const VALID = `version: 1
id: demo
title: { en: Demo, fr: Démo }
summary: { en: A demo., fr: Une démo. }
languages: [en, fr]
fallbackLanguage: en
durationMinutes: 30
timeLimit: 30
level: introductory
authors: []
objectives:
  - id: reach
    title: { en: Reach, fr: Joindre }
delegations:
  - id: a
    name: { en: State A, fr: État A }
    kind: state
    seats: [{ id: mfa, title: { en: MFA, fr: MAE } }]
    briefing:
      public: { en: Public A, fr: Public A }
      private: { en: Private A, fr: Privé A }
    actions: []
  - id: b
    name: { en: State B, fr: État B }
    kind: state
    seats: [{ id: mfa, title: { en: MFA, fr: MAE } }]
    briefing:
      public: { en: Public B, fr: Public B }
      private: { en: Private B, fr: Privé B }
    actions: []
phases:
  - id: detection
    title: { en: Detection, fr: Détection }
injects:
  - id: first
    title: { en: First report, fr: Premier rapport }
    at: 0
    to: all
    channel: news
    body: { en: Something happened., fr: Il s'est passé quelque chose. }
endings:
  - id: time_up
    title: { en: Time is up, fr: Temps écoulé }
    narrative: { en: The end., fr: La fin. }
    default: true
`;

const findings = (source: string) => findingsOf(source, parseScenario(source, 'scenario.yaml'));

describe('the Findings panel', () => {
  it('has nothing to say about a valid, fully translated scenario', () => {
    expect(findings(VALID)).toEqual([]);
  });

  it('lists validator errors first, at their line, with the field', () => {
    const broken = VALID.replace('    to: all\n', '    to: nobody_here\n');
    const list = findings(broken);
    expect(list[0]).toMatchObject({ severity: 'error', line: 38, field: 'injects[0].to', code: null });
    expect(countFindings(list).error).toBeGreaterThan(0);
  });

  it('reports a missing translation once (from the validator, not again from lint)', () => {
    const untranslated = VALID.replace(
      'title: { en: First report, fr: Premier rapport }',
      'title: { en: First report }',
    );
    const list = findings(untranslated);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'warning', line: 36, field: 'injects[0].title', code: null });
    expect(list[0]?.message).toMatch(/fr/);
  });

  it('places lint findings of a valid text at their line', () => {
    const late = VALID.replace(
      '    title: { en: Detection, fr: Détection }\n',
      '    title: { en: Detection, fr: Détection }\n    timebox: 10\n',
    ).replace('    at: 0\n', '    at: 25\n    phase: detection\n');
    const list = findings(late);
    expect(list).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'inject-after-phase', line: 38, field: 'injects[0].at' }),
    ]);
  });

  it('with seeds (as its worker asks), also names an ending no bot run reaches, at the ending', () => {
    // A second ending whose condition needs a variable the scenario does not move: never reached in play.
    const unreachable = VALID.replace(
      'endings:\n',
      'variables:\n  - id: calm\n    label: { en: Calm, fr: Calme }\n    min: 0\n    max: 10\n    initial: 0\n' +
        'endings:\n  - id: miracle\n    title: { en: Calm returns, fr: Le calme revient }\n' +
        '    narrative: { en: Calm., fr: Calme. }\n    when: { var: calm, gte: 5 }\n',
    );
    const parsed = parseScenario(unreachable, 'scenario.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
    expect(lintFindings(unreachable, parsed.scenario, 'en').map((f) => f.code)).not.toContain('ending-not-reached');
    const withBots = lintFindings(unreachable, parsed.scenario, 'en', [1]);
    expect(withBots).toContainEqual(
      expect.objectContaining({
        code: 'ending-not-reached',
        field: 'endings[0].id',
        line: unreachable.split('\n').indexOf('  - id: miracle') + 1,
      }),
    );
  });
});
