/**
 * The reducer's working context for one event: the compiled scenario, the event's seq and game time, and the
 * draft (a fresh shallow copy of the state whose fields are replaced with new values, never mutated in place).
 * Shared operations on it: the timeline, world variables, tallies, the ladder, ending play.
 */
import type { CompiledScenario } from './compile.ts';
import { append } from './persist.ts';
import type { Draft } from './state.ts';
import type { Audience, Change, JournalEntry, JournalKind } from './types.ts';
import { applyChanges } from './world.ts';

export type Step = { readonly c: CompiledScenario; readonly seq: number; readonly at: number; readonly d: Draft };

export const PUBLIC: Audience = { kind: 'public' };
export const toParties = (parties: readonly string[]): Audience => ({
  kind: 'parties',
  parties: [...new Set(parties)],
});
export const toControl = (about: readonly string[] = []): Audience => ({ kind: 'control', about });

type EntryFields = {
  by?: string | null;
  to?: readonly string[];
  ref?: string | null;
  note?: string | null;
  deniable?: boolean;
};

export function record(s: Step, kind: JournalKind, audience: Audience, f: EntryFields = {}): void {
  const entry: JournalEntry = {
    seq: s.seq,
    at: s.at,
    kind,
    audience,
    by: f.by ?? null,
    to: f.to ?? [],
    ref: f.ref ?? null,
    note: f.note ?? null,
    deniable: f.deniable ?? false,
  };
  s.d.journal = append(s.d.journal, entry);
}

export function changeVars(s: Step, changes: readonly Change[]): void {
  if (changes.length > 0) s.d.vars = applyChanges(s.d.vars, changes, s.c);
}

/** Count an action by `by` towards `targets` (for `action` conditions). Unknown refs or parties are not counted. */
export function tally(s: Step, ref: string, by: string, targets: readonly string[]): void {
  const r = s.c.refIndex.get(ref);
  const b = s.c.partyIndex.get(by);
  if (r === undefined || b === undefined) return;
  const size = s.c.partyIds.length;
  const old = s.d.tallies[r] ?? { n: 0, to: new Array<number>(size).fill(0), by: new Array<null>(size).fill(null) };
  const mine = old.by[b] ?? { n: 0, to: new Array<number>(size).fill(0) };
  let to = old.to;
  let myTo = mine.to;
  if (targets.length > 0) {
    const nextTo = to.slice();
    const nextMyTo = myTo.slice();
    for (const t of targets.length > 1 ? new Set(targets) : targets) {
      const i = s.c.partyIndex.get(t);
      if (i === undefined) continue;
      nextTo[i] = (nextTo[i] ?? 0) + 1;
      nextMyTo[i] = (nextMyTo[i] ?? 0) + 1;
    }
    to = nextTo;
    myTo = nextMyTo;
  }
  const byParty = old.by.slice();
  byParty[b] = { n: mine.n + 1, to: myTo };
  const tallies = s.d.tallies.slice();
  tallies[r] = { n: old.n + 1, to, by: byParty };
  s.d.tallies = tallies;
}

export function climb(s: Step, party: string, rung: number): void {
  const old = s.d.ladder[party];
  s.d.ladder = { ...s.d.ladder, [party]: { current: rung, highest: Math.max(old?.highest ?? 0, rung) } };
}

export function endPlay(
  s: Step,
  ending: string | null,
  how: 'condition' | 'transition' | 'timeout' | 'time-limit' | 'facilitator',
  note: string | null = null,
): void {
  if (s.d.status === 'ended') return;
  s.d.status = 'ended';
  s.d.ending = { id: ending, at: s.at, how, note };
  record(s, 'exercise.ended', PUBLIC, { ref: ending, note });
}
