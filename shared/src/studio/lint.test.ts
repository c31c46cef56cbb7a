import { describe, expect, it } from 'vitest';
import { editFixture, minimalScenarioYaml } from '../scenario/fixtures.ts';
import { formatDiagnostic, formatPath, parseScenario, type ScenarioInput } from '../scenario/index.ts';
import { type LintFinding, lintScenario } from './lint.ts';

type Phases = NonNullable<ScenarioInput['phases']>;
type Injects = NonNullable<ScenarioInput['injects']>;

function valid(yaml: string) {
  const result = parseScenario(yaml, 'test.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
  return result;
}

/** `code path: message` for each finding of the edited fixture (which must still validate). */
function lintYaml(yaml: string, options?: Parameters<typeof lintScenario>[1]): string[] {
  const { scenario } = valid(yaml);
  return lintScenario(scenario, options).map((f: LintFinding) => `${f.code} ${formatPath(f.path)}: ${f.message}`);
}

function lint(edit?: (s: ScenarioInput) => void, options?: Parameters<typeof lintScenario>[1]): string[] {
  return lintYaml(edit === undefined ? minimalScenarioYaml : editFixture(edit), options);
}

const phases = (s: ScenarioInput): Phases => s.phases as Phases;
const injects = (s: ScenarioInput): Injects => s.injects as Injects;
const inject = (id: string, extra: Record<string, unknown>): Injects[number] =>
  ({ id, title: `Inject ${id}`, to: 'all', channel: 'email', body: 'Text.', ...extra }) as Injects[number];

describe('lintScenario', () => {
  it('finds nothing in the well-made fixture (nested phases finishing with their parent are fine)', () => {
    expect(lint()).toEqual([]);
  });

  it('reports phases and injects cut off by a transition that can never fire, which the validator lets pass', () => {
    const yaml = editFixture((s) => {
      phases(s)[1]?.transitions?.push({ to: 'aftermath', when: { var: 'public_pressure', gte: 11 } });
      phases(s).push({ id: 'aftermath', title: 'Aftermath' });
      injects(s).push(
        inject('late-call', { onEnter: 'aftermath' }),
        inject('late-note', { at: 50, phase: 'aftermath' }),
      );
    });
    // The validator only warns about the condition itself.
    expect(parseScenario(yaml, 't.yaml').warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('this condition can never hold'),
    ]);
    expect(lintYaml(yaml)).toEqual([
      'unreachable-phase phases[2].id: phase "aftermath" (Aftermath) can never be entered: the transition from "response" (Response) that leads here can never fire: "public_pressure" ranges from 0 to 10, so "gte: 11" never holds',
      'unreachable-inject injects[6].onEnter: inject "late-call" (Inject late-call) will never be delivered: it is sent when phase "aftermath" (Aftermath) is active, and that phase can never be entered',
      'unreachable-inject injects[7].phase: inject "late-note" (Inject late-note) will never be delivered: it is only delivered while phase "aftermath" (Aftermath) is active, and that phase can never be entered',
    ]);
  });

  it('follows the cut-off further: a condition on a phase that is no longer reachable', () => {
    const findings = lint((s) => {
      phases(s)[1]?.transitions?.push({ to: 'aftermath', when: { var: 'public_pressure', gte: 11 } });
      phases(s).push({ id: 'aftermath', title: 'Aftermath' });
      injects(s).push(inject('echo', { when: { phase: 'aftermath' } }));
    });
    expect(findings).toContain(
      'unreachable-inject injects[6].when.phase: inject "echo" (Inject echo) will never be delivered: phase "aftermath" is never entered',
    );
  });

  it('reports a phase play cannot leave, but not the last phase nor a sub-phase whose parent times out', () => {
    const findings = lint((s) => {
      const [detection, response] = phases(s);
      if (!detection || !response) throw new Error('fixture changed');
      detection.transitions?.push({ to: 'wrap-up', when: { signed: 'info-sharing' } });
      delete response.onTimeout;
      response.transitions = [];
      phases(s).push({
        id: 'wrap-up',
        title: 'Wrap-up',
        transitions: [{ end: 'cooperation', when: { var: 'trust', gte: 7 } }],
      });
    });
    expect(findings).toEqual([
      'phase-without-exit phases[1].id: phase "response" (Response) has no way out: it has no transitions, and its time box of 40 minutes is only advisory without "onTimeout". Play stays there until the time limit (minute 90) ends play with the default ending, and the phases after it are skipped',
    ]);
  });

  it('counts an ending whose condition names the phase as a way out', () => {
    const findings = lint((s) => {
      const [detection, response] = phases(s);
      if (!detection || !response) throw new Error('fixture changed');
      detection.transitions?.push({ to: 'wrap-up', when: { signed: 'info-sharing' } });
      delete response.onTimeout;
      response.transitions = [];
      phases(s).push({
        id: 'wrap-up',
        title: 'Wrap-up',
        transitions: [{ end: 'cooperation', when: { var: 'trust', gte: 7 } }],
      });
      const spiral = s.endings?.[1];
      if (spiral) spiral.when = { all: [{ phase: 'response' }, { var: 'escalation', gte: 8 }] };
    });
    expect(findings).toEqual([]);
  });

  it('reports rules and expectations about actions no delegation may take', () => {
    const findings = lint((s) => {
      const [consult, ack] = s.rules ?? [];
      if (consult?.type !== 'precondition' || ack?.type !== 'deadline') throw new Error('fixture changed');
      consult.on = ['attribute', 'publish'];
      ack.satisfiedBy = ['apologise'];
      s.actions?.push({
        id: 'apologise',
        label: 'Apologise',
        command: 'signal',
        channel: 'diplomatic',
        visibility: 'bilateral',
        targets: { min: 1, max: 1 },
        rung: 2,
      });
      const bulletin = injects(s)[1];
      if (bulletin?.expects) bulletin.expects.actions = ['share-iocs', 'publish', 'poc.ping'];
    });
    expect(findings).toEqual([
      'rule-action-untakeable rules[0].on[1]: rule "consult-first" (Consult before attributing publicly) checks "publish", which no delegation may take (only "press", played by the facilitator, may: rules do not judge them): it never applies to "publish"',
      'deadline-unmeetable rules[1].satisfiedBy: rule "ack-pings" (Acknowledge pings): nobody may take "apologise", so its deadlines can never be met',
      'expected-action-untakeable injects[1].expects.actions[1]: inject "cert-bulletin" (CERT bulletin) expects "publish", but no delegation may take it',
    ]);
  });

  it('reports injects timed before their phase can start or after its time box', () => {
    const findings = lint((s) => {
      const [detection, response] = phases(s);
      if (!detection || !response) throw new Error('fixture changed');
      detection.transitions = []; // response now starts at minute 20, when detection times out
      delete response.onTimeout; // its 40-minute time box becomes advisory: planned end at minute 60
      response.transitions = [{ end: 'cooperation', when: { signed: 'info-sharing' } }];
      injects(s).push(
        inject('too-early', { at: 5, phase: 'response' }),
        inject('on-time', { at: 20, phase: 'response' }),
        inject('too-late', { at: 70, phase: 'response' }),
        inject('slow-fuse', { onEnter: 'response', delay: 45, phase: 'response' }),
        inject('drifts', { onEnter: 'response', delay: 40 }),
      );
    });
    expect(findings).toEqual([
      'inject-before-phase injects[6].at: inject "too-early" (Inject too-early) is due at minute 5, but phase "response" (Response) cannot start before minute 20: it would lapse',
      'inject-after-phase injects[8].at: inject "too-late" (Inject too-late) is due at minute 70, but by the time boxes phase "response" (Response) is over by minute 60: it lapses if play keeps to time',
      'inject-delay-past-timebox injects[9].delay: inject "slow-fuse" (Inject slow-fuse) comes 45 minutes after phase "response" (Response) starts, but that phase is planned to last 40 minutes: it lapses if play keeps to time',
      'inject-delay-past-timebox injects[10].delay: inject "drifts" (Inject drifts) comes 40 minutes after phase "response" (Response) starts, but that phase is planned to last 40 minutes: it arrives in a later phase if play keeps to time',
    ]);
  });

  it('reports missing translations as the validator does, with the path of the text', () => {
    const findings = lint((s) => {
      const objective = s.objectives?.[0];
      if (objective) objective.title = { en: 'Use the points of contact', de: 'Kontaktstellen nutzen' };
    });
    expect(findings).toEqual([
      'missing-translation objectives[0].title: missing translation for "fr"',
      'unknown-translation-language objectives[0].title: "de" is not one of the scenario\'s languages (en, fr)',
    ]);
  });

  it('terminates on phases that loop back and forth', () => {
    const findings = lint((s) => {
      const [detection, response] = phases(s);
      if (!detection || !response) throw new Error('fixture changed');
      response.transitions?.push({ to: 'detection', when: { var: 'public_pressure', gte: 8 } });
      detection.transitions?.push({ to: 'triage', when: { var: 'public_pressure', lte: 1 } });
    });
    expect(findings).toEqual([]);
  });

  it('on request, reports endings no seeded bot run reaches', () => {
    const withMiracle = (s: ScenarioInput): void => {
      // Public pressure starts at 2 and only rises: possible on paper, never in play.
      s.endings?.splice(2, 0, {
        id: 'miracle',
        title: 'Calm returns',
        narrative: 'Nobody talks about it any more.',
        when: { var: 'public_pressure', eq: 0 },
      });
    };
    expect(lint(withMiracle)).toEqual([]);
    const findings = lint(withMiracle, { botRuns: { seeds: [1], assignments: [['passive', 'passive']] } });
    expect(findings).toContain(
      'ending-not-reached endings[2].id: ending "miracle" (Calm returns) was not reached in 1 bot runs (passive; seeds 1): check that players can get there',
    );
  });
});
