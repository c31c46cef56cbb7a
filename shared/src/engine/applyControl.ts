/**
 * Applying exercise control: the clock and status, the MSEL (release, skip, edit, write), world variables,
 * adjudication (with a forced phase move), broadcasts, ending play, and timers firing.
 */
import { recipients, releaseInject, scheduleTimed, setInject, writeInject } from './injects.ts';
import { append } from './persist.ts';
import { expireDeadline, remindDeadline } from './rules.ts';
import { drivePhases, startPlay } from './settle.ts';
import { changeVars, endPlay, PUBLIC, record, type Step, toControl, toParties } from './step.ts';
import { type CommandEvent, MINUTE, type TimerEvent } from './types.ts';
import { resolveEffects } from './world.ts';

type Ev<T extends CommandEvent['type']> = Extract<CommandEvent, { type: T }>;

export function applyStart(s: Step): void {
  s.d.status = 'running';
  s.d.startedAt = s.at;
  record(s, 'exercise.started', PUBLIC);
  scheduleTimed(s, s.at);
  startPlay(s);
}

export function applyStatus(s: Step, status: 'running' | 'paused'): void {
  s.d.status = status;
  record(s, status === 'paused' ? 'exercise.paused' : 'exercise.resumed', PUBLIC);
}

export function applyEnd(s: Step, e: Ev<'exercise.end'>): void {
  endPlay(s, e.ending ?? s.c.defaultEnding, 'facilitator', e.note ?? null);
}

export function applySpeed(s: Step, e: Ev<'clock.speed'>): void {
  s.d.speed = e.speed;
  record(s, 'clock.speed', PUBLIC, { note: String(e.speed) });
}

export function applyJump(s: Step, e: Ev<'clock.jump'>): void {
  record(s, 'clock.jump', PUBLIC, { note: String(e.minutes) });
}

export function applySkip(s: Step, e: Ev<'inject.skip'>): void {
  const st = s.d.injects[e.inject];
  if (!st) return;
  setInject(s, e.inject, { ...st, status: 'skipped', settledAt: s.at });
  record(s, 'inject.skipped', toControl(), { ref: e.inject });
}

export function applyEdit(s: Step, e: Ev<'inject.edit'>): void {
  const st = s.d.injects[e.inject];
  if (!st) return;
  const edits = { ...st.edits, ...e.changes };
  const reschedule =
    e.changes.at !== undefined && s.d.startedAt !== null && (st.status === 'pending' || st.status === 'scheduled');
  setInject(s, e.inject, {
    ...st,
    edits,
    ...(reschedule
      ? { status: 'scheduled', dueAt: (s.d.startedAt ?? 0) + Math.round((e.changes.at ?? 0) * MINUTE) }
      : {}),
  });
  record(s, 'inject.edited', toControl(), { ref: e.inject });
}

export function applyWrite(s: Step, e: Ev<'inject.write'>): void {
  if (e.id === undefined) return;
  writeInject(s, e.id, e);
}

export function applyAdjust(s: Step, e: Ev<'variable.adjust'>): void {
  const amount = e.set !== undefined ? { set: e.set } : { add: e.add ?? 0 };
  changeVars(s, [{ var: e.var, ...(e.pair ? { pair: e.pair } : {}), ...amount }]);
  record(s, 'variable.adjusted', toControl(), { ref: e.var, note: e.reason, to: e.pair ?? [] });
}

export function applyAdjudicate(s: Step, e: Ev<'adjudicate'>): void {
  const changes = resolveEffects(e.effects, {});
  s.d.rulings = append(s.d.rulings, { seq: s.seq, at: s.at, text: e.ruling, changes, phase: e.phase ?? null });
  changeVars(s, changes);
  record(s, 'ruling', PUBLIC, { note: e.ruling, ref: e.phase ?? null });
  if (e.phase !== undefined) drivePhases(s, { type: `goto.${e.phase}` }, 'transition');
}

export function applyBroadcast(s: Step, e: Ev<'broadcast'>): void {
  if (e.id === undefined) return;
  const to = recipients(s, e.to);
  s.d.messages = append(s.d.messages, {
    id: e.id,
    seq: s.seq,
    at: s.at,
    from: null,
    channel: { kind: 'broadcast', all: e.to === 'all', to },
    text: e.text,
  });
  record(s, 'message', e.to === 'all' ? PUBLIC : toParties(to), { to, ref: e.id });
}

export function applyTimer(s: Step, e: TimerEvent): void {
  const t = e.timer;
  switch (t.kind) {
    case 'inject': {
      const st = s.d.injects[t.inject];
      if (st?.status === 'scheduled' && st.dueAt !== null && st.dueAt <= s.at) releaseInject(s, t.inject, false);
      return;
    }
    case 'deadline': {
      const dl = s.d.deadlines.find((d) => d.id === t.deadline);
      if (dl && dl.dueAt <= s.at) expireDeadline(s, dl);
      return;
    }
    case 'reminder': {
      const dl = s.d.deadlines.find((d) => d.id === t.deadline);
      if (dl && dl.remindAt !== null && dl.remindAt <= s.at) remindDeadline(s, dl);
      return;
    }
    case 'timebox': {
      const phase = s.d.phase;
      if (!phase.active.includes(t.phase) || phase.timedOut.includes(t.phase)) return;
      s.d.phase = { ...phase, timedOut: [...phase.timedOut, t.phase] };
      record(s, 'phase.timeout', PUBLIC, { ref: t.phase });
      drivePhases(s, { type: `timeout.${t.phase}` }, 'timeout');
      return;
    }
    case 'timeLimit':
      endPlay(s, s.c.defaultEnding, 'time-limit');
      return;
    case 'condition':
      return;
  }
}
