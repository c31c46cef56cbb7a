/**
 * What follows an event: phase transitions whose conditions now hold (through the statechart), conditional injects,
 * and endings with a condition (in order; the first that holds ends play). Repeated until nothing changes, since a
 * delivered inject's effects or a new phase can make further conditions hold.
 */
import { triggerInject } from './injects.ts';
import { activePhases, type PhaseEvent, type PhaseStep, startPhases, stepPhases } from './statechart.ts';
import { endPlay, PUBLIC, record, type Step } from './step.ts';

const MAX_ROUNDS = 32;

/** Record the statechart's new configuration: entry times, the timeline, and onEnter injects. */
export function enterPhases(s: Step, step: PhaseStep): void {
  const active = activePhases(step.value);
  const enteredAt: Record<string, number> = {};
  for (const p of active) {
    const previous = s.d.phase.enteredAt[p];
    if (!step.entered.includes(p) && previous !== undefined) enteredAt[p] = previous;
    else enteredAt[p] = s.at;
  }
  const timedOut = s.d.phase.timedOut.filter((p) => active.includes(p) && !step.entered.includes(p));
  s.d.phase = { value: step.value, active, enteredAt, timedOut };
  for (const p of step.entered) {
    record(s, 'phase.entered', PUBLIC, { ref: p });
    for (const id of s.c.onEnterInjects.get(p) ?? []) triggerInject(s, id);
  }
}

export function startPlay(s: Step): void {
  enterPhases(s, startPhases(s.c.machine));
}

/**
 * Which guards of the active phases' transitions hold, as a string of 0/1 in document order, or null when none does
 * (then the statechart is not consulted at all).
 */
function guardResults(s: Step): string | null {
  const ctx = { state: s.d, at: s.at };
  let bits = '';
  let any = false;
  for (const phase of s.d.phase.active) {
    const node = s.c.phases.get(phase);
    if (!node) continue;
    for (const t of node.transitions) {
      const holds = s.c.transitions[t]?.when.test(ctx, {}) ?? false;
      any ||= holds;
      bits += holds ? '1' : '0';
    }
  }
  return any ? bits : null;
}

/** Send an event to the statechart and apply the outcome; returns whether the configuration changed. */
export function drivePhases(s: Step, event: PhaseEvent, how: 'transition' | 'timeout', guards = ''): boolean {
  if (s.d.phase.value === null) return false;
  const step = stepPhases(s.c.machine, s.d.phase.value, event, guards);
  if (step.ending !== null) {
    endPlay(s, step.ending, how);
    return true;
  }
  if (!step.changed) return false;
  enterPhases(s, step);
  return true;
}

const inPlay = (s: Step) => s.d.status === 'running' || s.d.status === 'paused';

export function settle(s: Step): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (!inPlay(s)) return;
    let changed = false;
    const guards = guardResults(s);
    if (guards !== null)
      changed = drivePhases(s, { type: 'check', ctx: { state: s.d, at: s.at } }, 'transition', guards);
    if (!inPlay(s)) return;
    const ctx = { state: s.d, at: s.at };
    for (const { id, when } of s.c.conditionalInjects) {
      if (s.d.injects[id]?.status === 'pending' && when.test(ctx, {})) {
        triggerInject(s, id);
        changed = true;
      }
    }
    for (const { id, when } of s.c.conditionalEndings) {
      if (when.test(ctx, {})) {
        endPlay(s, id, 'condition');
        return;
      }
    }
    if (!changed) return;
  }
}
