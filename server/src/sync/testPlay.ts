/**
 * Test support: a shipped scenario (gridlock) with distinctive markers in every private channel of two delegations,
 * played by bots step by step (every accepted command and every clock advance is a step the caller can sync after),
 * with scripted marker commands mixed in. Deterministic for a seed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type BotContext,
  botRng,
  type Command,
  type CompiledScenario,
  compileScenario,
  cycle,
  DEFAULT_MIX,
  DEFAULT_STEP_MINUTES,
  type DelegationView,
  ExerciseSession,
  formatDiagnostic,
  type LocalizedText,
  MINUTE,
  ParticipantCommand,
  POLICIES,
  parseScenario,
  previewCommand,
  publicCatalogue,
  Rng,
  type Role,
  type Scenario,
} from '@parley/shared';

/** A = veldmark, B = halvania; C = dravonia and rgcc are bystanders. */
export const A = 'veldmark';
export const B = 'halvania';

export const MARK = {
  briefingA: 'MARK-VELDMARK-BRIEFING-31d',
  dmA: 'MARK-VELDMARK-DM-8c2',
  briefingB: 'MARK-HALVANIA-BRIEFING-7a1',
  injectB: 'MARK-HALVANIA-INJECT-e40',
  adhocB: 'MARK-HALVANIA-ADHOC-5f9',
  broadcastB: 'MARK-HALVANIA-BROADCAST-0b7',
  dmB: 'MARK-HALVANIA-DM-c13',
  assessB: 'MARK-HALVANIA-ASSESS-9d4',
  pingB: 'MARK-HALVANIA-PING-2e8',
  requestB: 'MARK-HALVANIA-REQUEST-6aa',
  publicMessage: 'MARK-PUBLIC-MESSAGE-44f',
  publicRuling: 'MARK-PUBLIC-RULING-a70',
} as const;

export const PRIVATE_A = [MARK.briefingA, MARK.dmA];
export const PRIVATE_B = [
  MARK.briefingB,
  MARK.injectB,
  MARK.adhocB,
  MARK.broadcastB,
  MARK.dmB,
  MARK.assessB,
  MARK.pingB,
  MARK.requestB,
];
export const PUBLIC = [MARK.publicMessage, MARK.publicRuling];

const append = (text: LocalizedText, marker: string): LocalizedText =>
  typeof text === 'string'
    ? `${text} ${marker}`
    : Object.fromEntries(Object.entries(text).map(([lang, t]) => [lang, `${t} ${marker}`]));

/** Gridlock with the markers written into the briefings and the scenario injects only B receives. */
export function markedScenario(): CompiledScenario {
  const file = fileURLToPath(new URL('../../../scenarios/gridlock.yaml', import.meta.url));
  const parsed = parseScenario(readFileSync(file, 'utf8'), 'gridlock.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.map(formatDiagnostic).join('\n'));
  const scenario = structuredClone(parsed.scenario) as { -readonly [K in keyof Scenario]: Scenario[K] };
  const marked = new Map([
    [A, MARK.briefingA],
    [B, MARK.briefingB],
  ]);
  scenario.delegations = scenario.delegations.map((d) => {
    const marker = marked.get(d.id);
    return marker ? { ...d, briefing: { ...d.briefing, private: append(d.briefing.private, marker) } } : d;
  });
  scenario.injects = scenario.injects.map((i) =>
    Array.isArray(i.to) && i.to.length === 1 && i.to[0] === B ? { ...i, body: append(i.body, MARK.injectB) } : i,
  );
  return compileScenario(scenario);
}

const seat = (c: CompiledScenario, id: string): Role => ({
  kind: 'delegation',
  delegation: id,
  seat: c.delegations.get(id)?.seats[0]?.id ?? id,
});

/** The scripted commands, by bot round: who sends what. */
function script(c: CompiledScenario): ReadonlyMap<number, readonly [Role, Command][]> {
  const control: Role = { kind: 'facilitator' };
  return new Map<number, [Role, Command][]>([
    [2, [[seat(c, B), { type: 'message.send', channel: { kind: 'bilateral', with: 'dravonia' }, text: MARK.dmB }]]],
    [3, [[seat(c, B), { type: 'assess', severity: 3, suspect: null, confidence: 'low', note: MARK.assessB }]]],
    [4, [[seat(c, B), { type: 'poc.ping', to: 'rgcc', text: MARK.pingB }]]],
    [5, [[control, { type: 'inject.write', title: 'Ad hoc', body: MARK.adhocB, channel: 'email', to: [B] }]]],
    [6, [[control, { type: 'broadcast', to: [B], text: MARK.broadcastB }]]],
    [7, [[seat(c, A), { type: 'message.send', channel: { kind: 'public' }, text: MARK.publicMessage }]]],
    [8, [[seat(c, A), { type: 'message.send', channel: { kind: 'bilateral', with: 'rgcc' }, text: MARK.dmA }]]],
    [9, [[seat(c, B), { type: 'assistance.request', to: 'rgcc', text: MARK.requestB }]]],
    [10, [[control, { type: 'adjudicate', ruling: MARK.publicRuling, effects: [] }]]],
  ]);
}

export type PlayOptions = {
  readonly seed: number;
  /** Stop once the log holds this many events (or at an ending). */
  readonly events: number;
  /** Called after every step that changed the log or the clock. */
  readonly onStep: (session: ExerciseSession) => void;
};

/** Play the marked scenario with bots in every seat; returns the session. */
export function play(c: CompiledScenario, options: PlayOptions): ExerciseSession {
  const session = new ExerciseSession(c, { seed: options.seed });
  const policies = cycle(c.delegationIds, DEFAULT_MIX);
  const rngs = new Map(c.delegationIds.map((id) => [id, botRng(options.seed, id)]));
  const catalogue = publicCatalogue(c);
  const scripted = script(c);
  const done = () => session.events.length >= options.events || session.state.status !== 'running';
  const submit = (role: Role, command: Command) => {
    if (session.submit(role, command).ok) options.onStep(session);
  };
  submit({ kind: 'facilitator' }, { type: 'exercise.start' });
  for (let k = 1; !done(); k++) {
    session.advanceTo(k * DEFAULT_STEP_MINUTES * MINUTE);
    options.onStep(session);
    for (const [role, command] of scripted.get(k) ?? []) submit(role, command);
    for (let i = 0; i < c.delegationIds.length && !done(); i++) {
      const id = c.delegationIds[(k + i) % c.delegationIds.length] as string;
      const role = seat(c, id);
      const rng = new Rng(rngs.get(id) as ReturnType<typeof botRng>);
      const ctx: BotContext = {
        rng,
        now: session.now,
        catalogue,
        preview: (command) => previewCommand(c, session.state, { actor: role, command, at: session.now }),
      };
      const policy = POLICIES[policies[id] ?? 'passive'];
      const commands = policy(session.view(role) as DelegationView, ctx).slice(0, 4);
      rngs.set(id, rng.state);
      for (const command of commands) {
        const parsed = ParticipantCommand.safeParse(command);
        if (parsed.success && !done()) submit(role, parsed.data);
      }
    }
  }
  return session;
}
