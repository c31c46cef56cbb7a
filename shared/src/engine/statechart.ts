/**
 * The phase statechart: scenario phases (nested) compiled to an XState v5 machine whose config is plain data naming
 * its guard and actions by string. It is driven only through XState's pure `initialTransition` / `transition`; no
 * actor runs and no delay is used: time reaches it as events (`timeout.<phase>`), conditions as `check` events whose
 * guards read the state passed in the event, and adjudicated moves as `goto.<phase>`.
 */
import { initialTransition, setup, transition } from 'xstate';
import type { Phase } from '../scenario/schema.ts';
import type { EvalContext } from './conditions.ts';
import type { PhaseValue } from './state.ts';

export type PhaseEvent = { type: string; ctx?: EvalContext };

/** Evaluates the condition of transition number `t` (the index into the compiled transition list). */
export type TransitionTest = (t: number, ctx: EvalContext) => boolean;

type EnterPhase = { type: 'enterPhase'; params: { phase: string } };
type EndWith = { type: 'endWith'; params: { ending: string } };
type TransitionConfig = {
  target?: string;
  reenter?: boolean;
  guard?: { type: 'holds'; params: { t: number } };
  actions?: EndWith[];
};
type StateConfig = {
  id: string;
  initial?: string;
  entry: EnterPhase[];
  on: Record<string, TransitionConfig | TransitionConfig[]>;
  states?: Record<string, StateConfig>;
};

export const nodeId = (phase: string) => `phase:${phase}`;

/** A transition entry in document order: which phase it leaves from and where it goes. */
export type TransitionSpec = { readonly from: string; readonly to: string | null; readonly end: string | null };

function buildNode(
  phase: Phase,
  specs: TransitionSpec[],
  gotoTargets: Map<string, string[]>,
  ancestors: string[],
): StateConfig {
  const on: Record<string, TransitionConfig | TransitionConfig[]> = {};
  const checks: TransitionConfig[] = [];
  for (const t of phase.transitions) {
    const index = specs.length;
    specs.push({ from: phase.id, to: t.to ?? null, end: t.end ?? null });
    const guard = { type: 'holds' as const, params: { t: index } };
    checks.push(
      t.end !== undefined
        ? { guard, actions: [{ type: 'endWith', params: { ending: t.end } }] }
        : { guard, target: `#${nodeId(t.to as string)}`, reenter: t.to === phase.id },
    );
  }
  if (checks.length > 0) on.check = checks;
  if (phase.timebox !== undefined && phase.onTimeout) {
    const { to, end } = phase.onTimeout;
    on[`timeout.${phase.id}`] =
      end !== undefined
        ? { actions: [{ type: 'endWith', params: { ending: end } }] }
        : { target: `#${nodeId(to as string)}`, reenter: to === phase.id };
  }
  const node: StateConfig = { id: nodeId(phase.id), entry: [{ type: 'enterPhase', params: { phase: phase.id } }], on };
  // A forced move to a phase is handled by the deepest active phase that contains it (or the root).
  for (const a of ancestors) {
    const list = gotoTargets.get(a);
    if (list) list.push(phase.id);
    else gotoTargets.set(a, [phase.id]);
  }
  if (phase.phases.length > 0) {
    const inner = [...ancestors, phase.id];
    node.initial = phase.initial ?? phase.phases[0]?.id;
    node.states = {};
    for (const child of phase.phases) node.states[child.id] = buildNode(child, specs, gotoTargets, inner);
  }
  return node;
}

function addGotos(node: StateConfig, phase: string, gotoTargets: Map<string, string[]>): void {
  for (const target of gotoTargets.get(phase) ?? []) node.on[`goto.${target}`] = { target: `#${nodeId(target)}` };
  for (const [key, child] of Object.entries(node.states ?? {})) addGotos(child, key, gotoTargets);
}

export function buildMachine(phases: readonly Phase[], test: TransitionTest) {
  const specs: TransitionSpec[] = [];
  const gotoTargets = new Map<string, string[]>();
  const states: Record<string, StateConfig> = {};
  for (const p of phases) states[p.id] = buildNode(p, specs, gotoTargets, ['']);
  const rootOn: Record<string, TransitionConfig> = {};
  for (const target of gotoTargets.get('') ?? []) rootOn[`goto.${target}`] = { target: `#${nodeId(target)}` };
  for (const [key, child] of Object.entries(states)) addGotos(child, key, gotoTargets);
  const machine = setup({
    types: { events: {} as PhaseEvent },
    guards: {
      holds: ({ event }, params: { t: number }) => event.ctx !== undefined && test(params.t, event.ctx),
    },
    actions: {
      enterPhase: (_args, _params: { phase: string }) => {},
      endWith: (_args, _params: { ending: string }) => {},
    },
  }).createMachine({ id: 'parley', initial: phases[0]?.id, states, on: rootOn } as never);
  return { machine, specs };
}

export type PhaseMachine = ReturnType<typeof buildMachine>['machine'];

/** The outcome of stepping the statechart: the new value, the phases entered (in order) and any ending chosen. */
export type PhaseStep = {
  readonly value: PhaseValue;
  readonly entered: readonly string[];
  readonly ending: string | null;
  readonly changed: boolean;
};

type ExecAction = { type: string; params?: unknown };

function readActions(actions: readonly ExecAction[]): { entered: string[]; ending: string | null } {
  const entered: string[] = [];
  let ending: string | null = null;
  for (const a of actions) {
    const params = a.params as { phase?: string; ending?: string } | undefined;
    if (a.type === 'enterPhase' && params?.phase) entered.push(params.phase);
    if (a.type === 'endWith' && params?.ending && ending === null) ending = params.ending;
  }
  return { entered, ending };
}

export function startPhases(machine: PhaseMachine): PhaseStep {
  const [snapshot, actions] = initialTransition(machine);
  const { entered, ending } = readActions(actions as ExecAction[]);
  return { value: snapshot.value as PhaseValue, entered, ending, changed: true };
}

/**
 * Send an event to the statechart. `guards` says which guards of the active transitions hold (e.g. "0110"): the
 * machine is deterministic, so the outcome for the same configuration, event and guard results is computed by XState
 * once and then remembered (a phase change costs a lookup, not a machine step, the second time it happens).
 */
export function stepPhases(machine: PhaseMachine, value: PhaseValue, event: PhaseEvent, guards = ''): PhaseStep {
  let memo = memos.get(machine);
  if (!memo) {
    memo = new Map();
    memos.set(machine, memo);
  }
  const key = `${valueKey(value)}|${event.type}|${guards}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const snapshot = machine.resolveState({ value: value as never, context: undefined as never });
  const [next, actions] = transition(machine, snapshot, event);
  const { entered, ending } = readActions(actions as ExecAction[]);
  const step = { value: next.value as PhaseValue, entered, ending, changed: next !== snapshot };
  if (memo.size < MAX_MEMO) memo.set(key, step);
  return step;
}

const MAX_MEMO = 4096;
const memos = new WeakMap<PhaseMachine, Map<string, PhaseStep>>();
const valueKeys = new WeakMap<object, string>();

function valueKey(value: PhaseValue): string {
  if (typeof value === 'string') return value;
  let key = valueKeys.get(value);
  if (key === undefined) {
    key = JSON.stringify(value);
    valueKeys.set(value, key);
  }
  return key;
}

/** Active phases (ancestors included, outermost first) for a state value. */
export function activePhases(value: PhaseValue | null): string[] {
  const out: string[] = [];
  let v: PhaseValue | null = value;
  while (v !== null) {
    if (typeof v === 'string') {
      out.push(v);
      break;
    }
    const [key, inner] = Object.entries(v)[0] ?? [];
    if (key === undefined || inner === undefined) break;
    out.push(key);
    v = inner;
  }
  return out;
}
