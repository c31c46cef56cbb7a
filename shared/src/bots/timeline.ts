/**
 * A readable timeline of a run, for control (the CLI): every journal entry of the log in words, and the world
 * variables worth noting (wording in `wording/journal.ts`, shared with the after-action review). Built by replaying
 * the log, so that it describes exactly what the engine did.
 */
import type { CompiledScenario } from '../engine/compile.ts';
import { listAt } from '../engine/persist.ts';
import { applyEvent, initialState } from '../engine/reducer.ts';
import type { ExerciseEvent, ExerciseOptions, JournalEntry } from '../engine/types.ts';
import { describeEntry, variableLines, WHO_FOR } from '../wording/journal.ts';
import { clock, partyName } from '../wording/names.ts';

export type TimelineLine = { readonly at: number; readonly who: string; readonly what: string };

const MAX_WHO = 32;

export function timeline(
  c: CompiledScenario,
  events: readonly ExerciseEvent[],
  options: ExerciseOptions,
): TimelineLine[] {
  const lines: TimelineLine[] = [];
  const shown = new Map<string, number>();
  let state = initialState(c, options);
  for (const e of events) {
    const before = state;
    state = applyEvent(c, state, e);
    const changes = variableLines(c, before, state, shown).map((what) => ({ at: e.at, who: 'world', what }));
    for (let i = before.journal.size; i < state.journal.size; i++) {
      const j = listAt(state.journal, i) as JournalEntry;
      if (j.kind === 'exercise.ended') lines.push(...changes.splice(0));
      const what = describeEntry({ c, s: state, e }, j);
      if (what !== null) lines.push({ at: j.at, who: WHO_FOR[j.kind] ?? partyName(c, j.by), what });
    }
    lines.push(...changes);
  }
  return lines;
}

/** The timeline as text: one line per entry, `time  who  what`, columns aligned (long names shortened). */
export function formatTimeline(lines: readonly TimelineLine[]): string {
  const width = Math.min(MAX_WHO, Math.max(7, ...lines.map((l) => l.who.length)));
  const who = (w: string) => (w.length > width ? `${w.slice(0, width - 1)}…` : w.padEnd(width));
  return lines.map((l) => `${clock(l.at).padStart(8)}  ${who(l.who)}  ${l.what}`).join('\n');
}
