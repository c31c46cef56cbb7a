/**
 * The review's timeline: every journal entry a viewer may see, in words (the wording the CLI timeline uses), with
 * its game time, who sent it, the channel of injects and messages and its audience; and `filterTimeline` to keep the
 * entries about one delegation or one channel.
 */
import type { CompiledScenario } from '../engine/compile.ts';
import { listAt } from '../engine/persist.ts';
import type { ExerciseState } from '../engine/state.ts';
import type { ExerciseEvent, JournalEntry, JournalKind } from '../engine/types.ts';
import { describeEntry, WHO_FOR } from '../wording/journal.ts';
import { partyName } from '../wording/names.ts';
import type { ReviewEntry, TimelineFilter } from './types.ts';

/** The delegations a viewer may look into: null for control (everything). */
export type ReviewLens = ReadonlySet<string> | null;

/** Control-only entries an evaluator still sees when they concern a delegation it watches (its rule ledger). */
const LEDGER_KINDS: ReadonlySet<JournalKind> = new Set([
  'rule.breached',
  'deadline.opened',
  'deadline.reminder',
  'deadline.met',
  'deadline.missed',
]);

export function entryVisible(lens: ReviewLens, j: JournalEntry): boolean {
  const a = j.audience;
  if (lens === null || a.kind === 'public') return true;
  if (a.kind === 'parties') return a.parties.some((p) => lens.has(p));
  if (j.kind === 'observation.recorded') return a.about.length === 0 || a.about.some((p) => lens.has(p));
  return LEDGER_KINDS.has(j.kind) && a.about.some((p) => lens.has(p));
}

function channelOf(s: ExerciseState, e: ExerciseEvent, j: JournalEntry): string | null {
  if (j.kind === 'inject.delivered') {
    for (let i = s.deliveries.size - 1; i >= 0; i--) {
      const d = listAt(s.deliveries, i);
      if (!d || d.seq < s.seq) break;
      if (d.id === j.ref) return d.channel;
    }
    return null;
  }
  if (j.kind !== 'message') return null;
  if (e.type === 'broadcast') return 'broadcast';
  if (e.type !== 'message.send') return null;
  return e.channel.kind === 'group' ? `group:${e.channel.group}` : e.channel.kind;
}

/** The review entries of one event's new journal lines (`from`: the journal size before the event). */
export function entriesOf(
  c: CompiledScenario,
  s: ExerciseState,
  e: ExerciseEvent,
  from: number,
  lens: ReviewLens,
): ReviewEntry[] {
  const out: ReviewEntry[] = [];
  for (let i = from; i < s.journal.size; i++) {
    const j = listAt(s.journal, i) as JournalEntry;
    if (!entryVisible(lens, j)) continue;
    const hidden = j.deniable && j.by !== null && lens !== null && !lens.has(j.by);
    const by = hidden ? null : j.by;
    const text = describeEntry({ c, s, e }, j);
    if (text === null) continue;
    const role = e.role.kind;
    out.push({
      seq: j.seq,
      at: j.at,
      kind: j.kind,
      actor: { role, delegation: e.role.kind === 'delegation' && !hidden ? e.role.delegation : null },
      by,
      who: WHO_FOR[j.kind] ?? (hidden ? 'unknown' : partyName(c, by)),
      to: j.to,
      channel: channelOf(s, e, j),
      audience: j.audience,
      ref: j.ref,
      text,
    });
  }
  return out;
}

/** Whether an entry involves a delegation: by it, sent by one of its seats, addressed to it, or shared with it. */
function involves(entry: ReviewEntry, delegation: string): boolean {
  if (entry.by === delegation || entry.actor.delegation === delegation || entry.to.includes(delegation)) return true;
  const a = entry.audience;
  return a.kind === 'parties' ? a.parties.includes(delegation) : a.kind === 'control' && a.about.includes(delegation);
}

/** The entries about one delegation and/or on one channel ("group" matches every group channel). */
export function filterTimeline(timeline: readonly ReviewEntry[], filter: TimelineFilter): ReviewEntry[] {
  const { delegation, channel } = filter;
  return timeline.filter(
    (e) =>
      (delegation === undefined || involves(e, delegation)) &&
      (channel === undefined || e.channel === channel || (e.channel?.startsWith(`${channel}:`) ?? false)),
  );
}
