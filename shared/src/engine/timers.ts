/**
 * What fires next and when: timed and delayed injects, deadline reminders and expiries, phase time boxes with an
 * onTimeout, the moment an `elapsed` condition (of an active transition, a pending conditional inject or an ending)
 * can change, and the time limit. Sorted by time, then kind, then scenario/creation order, so hosts turn them into
 * logged events deterministically. Fire one, apply it, ask again: each firing can cancel or create others.
 */
import type { CompiledScenario } from './compile.ts';
import { nextElapsedThreshold } from './conditions.ts';
import type { ExerciseState } from './state.ts';
import { MINUTE, type TimerRef } from './types.ts';

export type DueTimer = { readonly at: number; readonly timer: TimerRef };

type Kind = TimerRef['kind'];
const KIND_ORDER: Record<Kind, number> = {
  reminder: 0,
  deadline: 1,
  inject: 2,
  timebox: 3,
  condition: 4,
  timeLimit: 5,
};

type Candidate = { at: number; kind: Kind; tie: number; key: string };

function before(a: Candidate, b: Candidate): number {
  return (
    a.at - b.at ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.tie - b.tie ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * Pending timers come in parts that change rarely (scheduled injects, open deadlines, time boxes of active phases);
 * each part's sorted list is remembered for the last (immutable) state field it was built from.
 */
type Memo = { key: object | null; list: Candidate[] };
function cached(memo: Memo, key: object, build: () => Candidate[]): Candidate[] {
  if (memo.key !== key) {
    memo.list = build().sort(before);
    memo.key = key;
  }
  return memo.list;
}

const injectLists: Memo = { key: null, list: [] };
const deadlineLists: Memo = { key: null, list: [] };
const phaseLists: Memo = { key: null, list: [] };

function parts(c: CompiledScenario, state: ExerciseState): Candidate[][] {
  const injects = cached(injectLists, state.injects, () => {
    const out: Candidate[] = [];
    for (const inject of c.scenario.injects) {
      const st = state.injects[inject.id];
      if (st?.status === 'scheduled' && st.dueAt !== null)
        out.push({ at: st.dueAt, kind: 'inject', tie: c.injectOrder.get(inject.id) ?? 0, key: inject.id });
    }
    return out;
  });
  const deadlines = cached(deadlineLists, state.deadlines, () => {
    const out: Candidate[] = [];
    for (const dl of state.deadlines) {
      out.push({ at: dl.dueAt, kind: 'deadline', tie: dl.seq, key: dl.id });
      if (dl.remindAt !== null && dl.remindAt < dl.dueAt)
        out.push({ at: dl.remindAt, kind: 'reminder', tie: dl.seq, key: dl.id });
    }
    return out;
  });
  const timeboxes = cached(phaseLists, state.phase, () => {
    const out: Candidate[] = [];
    for (const phase of state.phase.active) {
      const node = c.phases.get(phase);
      const entered = state.phase.enteredAt[phase];
      if (!node || entered === undefined || state.phase.timedOut.includes(phase)) continue;
      const { timebox, onTimeout } = node.phase;
      if (timebox !== undefined && onTimeout)
        out.push({ at: entered + Math.round(timebox * MINUTE), kind: 'timebox', tie: node.order, key: phase });
    }
    return out;
  });
  const rest: Candidate[] = [];
  const threshold = nextCheck(c, state);
  if (threshold !== null) rest.push({ at: threshold, kind: 'condition', tie: 0, key: '' });
  if (c.timeLimit !== null && state.startedAt !== null)
    rest.push({ at: state.startedAt + c.timeLimit, kind: 'timeLimit', tie: 0, key: '' });
  return [injects, deadlines, timeboxes, rest];
}

/** The next moment an `elapsed` test that matters now can change its truth value. */
function nextCheck(c: CompiledScenario, state: ExerciseState): number | null {
  let best: number | null = null;
  const consider = (t: number | null) => {
    if (t !== null && (best === null || t < best)) best = t;
  };
  for (const phase of state.phase.active) {
    for (const t of c.phases.get(phase)?.transitions ?? []) {
      const leaves = c.transitions[t]?.when.elapsed;
      if (leaves && leaves.length > 0) consider(nextElapsedThreshold(leaves, state, state.now));
    }
  }
  for (const { id, when } of c.conditionalInjects) {
    if (when.elapsed.length > 0 && state.injects[id]?.status === 'pending')
      consider(nextElapsedThreshold(when.elapsed, state, state.now));
  }
  for (const { when } of c.conditionalEndings) {
    if (when.elapsed.length > 0) consider(nextElapsedThreshold(when.elapsed, state, state.now));
  }
  return best;
}

/** A timer already overdue fires now (time never goes back). */
const clamp = (t: Candidate, now: number): Candidate => (t.at >= now ? t : { ...t, at: now });

function live(state: ExerciseState): boolean {
  return state.status === 'running' || state.status === 'paused';
}

function toDue({ at, kind, key }: Candidate): DueTimer {
  switch (kind) {
    case 'inject':
      return { at, timer: { kind, inject: key } };
    case 'deadline':
    case 'reminder':
      return { at, timer: { kind, deadline: key } };
    case 'timebox':
      return { at, timer: { kind, phase: key } };
    default:
      return { at, timer: { kind } };
  }
}

/** Every timer pending now, in firing order; with `until`, only those due by then. */
export function dueTimers(c: CompiledScenario, state: ExerciseState, until = Number.POSITIVE_INFINITY): DueTimer[] {
  if (!live(state)) return [];
  return parts(c, state)
    .flat()
    .map((t) => clamp(t, state.now))
    .filter((t) => t.at <= until)
    .sort(before)
    .map(toDue);
}

let last: { state: ExerciseState | null; compiled: CompiledScenario | null; next: DueTimer | null } = {
  state: null,
  compiled: null,
  next: null,
};

/** The timer that fires first, or null. Remembered for the last state asked (hosts ask after commands and advances). */
export function nextTimer(c: CompiledScenario, state: ExerciseState): DueTimer | null {
  if (last.state === state && last.compiled === c) return last.next;
  let best: Candidate | null = null;
  if (live(state)) {
    for (const list of parts(c, state)) {
      // Sorted by raw time: the first is the part's best unless several are overdue (then all fire "now").
      for (const raw of list) {
        const t = clamp(raw, state.now);
        if (best === null || before(t, best) < 0) best = t;
        if (raw.at >= state.now) break;
      }
    }
  }
  const next = best === null ? null : toDue(best);
  last = { state, compiled: c, next };
  return next;
}

/** When the next timer fires (game ms), or null when none is pending. */
export function nextDueAt(c: CompiledScenario, state: ExerciseState): number | null {
  return nextTimer(c, state)?.at ?? null;
}
