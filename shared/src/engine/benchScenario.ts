/**
 * A larger generated scenario for benchmarks and soak tests: `n` delegations that may all take every catalogue
 * action of the test scenario, simulated parties, two group channels, nested phases whose time boxes cycle for ever
 * (so the statechart keeps moving), timed injects through the day, the test scenario's rules and template, and no
 * time limit: play goes on as long as a benchmark needs.
 */
import { Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { testScenarioInput } from './testScenario.ts';

export function benchScenarioInput(delegations = 8): ScenarioInput {
  const ids = Array.from({ length: delegations }, (_, i) => `d${i + 1}`);
  const base = testScenarioInput;
  const actions = (base.actions ?? []).map((a) => a.id).filter((id) => id !== 'news_report' && id !== 'ddos');
  const phase = (id: string, next: string, minutes: number, children: string[] = []) => ({
    id,
    title: id,
    timebox: minutes,
    onTimeout: { to: next },
    phases: children.map((c, i) => ({
      id: c,
      title: c,
      transitions: [{ to: children[(i + 1) % children.length] as string, when: { elapsed: { gte: 3 }, since: c } }],
    })),
  });
  return {
    ...base,
    id: 'bench',
    timeLimit: undefined,
    delegations: ids.map((id, i) => ({
      id,
      name: `Delegation ${i + 1}`,
      kind: i % 4 === 3 ? 'company' : 'state',
      seats: [{ id: 'mfa', title: 'Foreign ministry' }],
      briefing: { public: `Public ${id}`, private: `Private ${id}` },
      actions,
    })),
    channels: [
      { id: 'north', title: 'North', members: ids.slice(0, Math.ceil(delegations / 2)) },
      { id: 'south', title: 'South', members: ids.slice(Math.floor(delegations / 2)) },
    ],
    variables: (base.variables ?? []).map((v) => ({ ...v, pairs: [] })),
    phases: [
      phase('detection', 'response', 20, ['triage', 'analysis']),
      phase('response', 'deescalation', 20),
      phase('deescalation', 'detection', 20),
    ],
    injects: Array.from({ length: 40 }, (_, i) => ({
      id: `inject-${i}`,
      title: `Inject ${i}`,
      at: (i * 37) % 1440,
      to: i % 3 === 0 ? ('all' as const) : [ids[i % delegations] as string],
      channel: i % 5 === 0 ? ('news' as const) : ('email' as const),
      body: `Body ${i}`,
      ...(i % 4 === 1 ? { phase: 'response' } : {}),
      effects: [{ var: 'pressure', add: i % 2 === 0 ? 1 : -1 }],
    })),
    rules: base.rules,
    templates: base.templates,
    endings: [{ id: 'open', title: 'Open end', narrative: 'Play stopped.', default: true }],
  };
}

export function benchScenario(delegations = 8): Scenario {
  return Scenario.parse(benchScenarioInput(delegations));
}
