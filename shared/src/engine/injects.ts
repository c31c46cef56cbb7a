/**
 * The MSEL at play: scheduling injects (timed, on entering a phase, when a condition holds, by hand), delivering
 * them to their recipients (with the facilitator's edits), lapsing those whose phase is over when they fall due,
 * and ad-hoc injects written on the spot. `news` and `social` injects are public; others reach only `to`.
 */
import { PUBLIC_INJECT_CHANNELS } from '../scenario/vocabulary.ts';
import { append } from './persist.ts';
import { changeVars, PUBLIC, record, type Step, toControl, toParties } from './step.ts';
import { type Delivery, type InjectState, MINUTE } from './types.ts';
import { resolveEffects } from './world.ts';

export function setInject(s: Step, id: string, next: InjectState): void {
  s.d.injects = { ...s.d.injects, [id]: next };
}

export function recipients(s: Step, to: 'all' | readonly string[]): string[] {
  return to === 'all' ? [...s.c.delegationIds] : [...new Set(to)];
}

function deliver(s: Step, delivery: Delivery): void {
  s.d.deliveries = append(s.d.deliveries, delivery);
  const audience = delivery.public ? PUBLIC : toParties(delivery.to);
  record(s, 'inject.delivered', audience, { by: delivery.from, to: delivery.to, ref: delivery.id });
}

/** Deliver a scenario inject now; unless forced, it lapses if its phase is not active. */
export function releaseInject(s: Step, id: string, force: boolean): void {
  const inject = s.c.injects.get(id);
  const st = s.d.injects[id];
  if (!inject || !st || st.status === 'released') return;
  if (!force && inject.phase !== undefined && !s.d.phase.active.includes(inject.phase)) {
    setInject(s, id, { ...st, status: 'lapsed', settledAt: s.at });
    record(s, 'inject.lapsed', toControl(), { ref: id });
    return;
  }
  setInject(s, id, { ...st, status: 'released', settledAt: s.at });
  const to = recipients(s, st.edits.to ?? inject.to);
  deliver(s, {
    id,
    seq: s.seq,
    at: s.at,
    adhoc: false,
    title: st.edits.title ?? inject.title,
    body: st.edits.body ?? inject.body,
    channel: inject.channel,
    from: inject.from ?? null,
    to,
    public: PUBLIC_INJECT_CHANNELS.includes(inject.channel),
    confidence: inject.confidence ?? null,
    indicators: inject.indicators,
  });
  changeVars(s, resolveEffects(inject.effects, { actor: inject.from, targets: to }));
}

/** A trigger fired (phase entered, condition held): deliver now, or schedule after the inject's delay. */
export function triggerInject(s: Step, id: string): void {
  const inject = s.c.injects.get(id);
  const st = s.d.injects[id];
  if (!inject || st?.status !== 'pending') return;
  const delay = Math.round(inject.delay * MINUTE);
  if (delay === 0) releaseInject(s, id, false);
  else setInject(s, id, { ...st, status: 'scheduled', dueAt: s.at + delay });
}

/** At the start of play: timed injects (or those given a time by an edit) are scheduled. */
export function scheduleTimed(s: Step, startedAt: number): void {
  for (const inject of s.c.scenario.injects) {
    const st = s.d.injects[inject.id];
    if (st?.status !== 'pending') continue;
    const at = st.edits.at ?? inject.at;
    if (at !== undefined)
      setInject(s, inject.id, { ...st, status: 'scheduled', dueAt: startedAt + Math.round(at * MINUTE) });
  }
}

export const PENDING_INJECT: InjectState = { status: 'pending', dueAt: null, settledAt: null, edits: {} };

export function writeInject(
  s: Step,
  id: string,
  w: {
    title: string;
    body: string;
    channel: Delivery['channel'];
    to: 'all' | readonly string[];
    from?: string | undefined;
    confidence?: Delivery['confidence'] | undefined;
  },
): void {
  deliver(s, {
    id,
    seq: s.seq,
    at: s.at,
    adhoc: true,
    title: w.title,
    body: w.body,
    channel: w.channel,
    from: w.from ?? null,
    to: recipients(s, w.to),
    public: PUBLIC_INJECT_CHANNELS.includes(w.channel),
    confidence: w.confidence ?? null,
    indicators: [],
  });
}
