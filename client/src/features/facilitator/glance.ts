/**
 * "Every delegation at a glance", decided without React: for each delegation, who sits in its seats (people or a
 * bot), its latest assessment, its escalation rung, its last actions, the deadlines it owes and its rule breaches.
 */
import type { Assessment, LedgerEntry } from '@parley/shared/engine/types.ts';
import type { ActionView, DeadlineView, FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import type { Person, PresenceMessage } from '@parley/shared/protocol/room.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';

/** How many recent actions a delegation's card lists. */
export const RECENT_ACTIONS = 3;

export type Occupancy = 'people' | 'bot' | 'empty';

export type DelegationGlance = {
  readonly id: string;
  readonly occupancy: Occupancy;
  /** The bot policy playing the delegation, or null. */
  readonly bot: string | null;
  /** People connected (or reconnecting) to one of its seats. */
  readonly people: readonly Person[];
  readonly assessment: Assessment | null;
  readonly ladder: { readonly current: number; readonly highest: number };
  /** Newest first, at most RECENT_ACTIONS. */
  readonly actions: readonly ActionView[];
  readonly actionCount: number;
  /** Deadlines it must still meet, soonest first. */
  readonly openDeadlines: readonly DeadlineView[];
  /** Breaches and missed deadlines, newest first. */
  readonly breaches: readonly LedgerEntry[];
};

/**
 * One entry per person: a client that dropped and joined again (a reload, a new tab) leaves its old connection
 * waiting for a while; the same name at the same seat is shown once, online if any of its connections is.
 */
export function distinctPeople(people: readonly Person[]): Person[] {
  const out: Person[] = [];
  for (const p of people) {
    const same = p.name === null ? -1 : out.findIndex((q) => q.seat === p.seat && q.name === p.name);
    if (same < 0) out.push(p);
    else if (p.online && !out[same]?.online) out[same] = p;
  }
  return out;
}

/** The people at a delegation's seats (seat tags `<delegation>/<seat>`). */
export const peopleOf = (presence: PresenceMessage | null, delegation: string): Person[] =>
  distinctPeople((presence?.people ?? []).filter((p) => p.seat.startsWith(`${delegation}/`)));

/** A delegation's rule breaches and missed deadlines (met deadlines are not breaches), newest first. */
export const breachesOf = (ledger: readonly LedgerEntry[], delegation: string): LedgerEntry[] =>
  ledger.filter((e) => e.party === delegation && e.kind !== 'met').sort((a, b) => b.seq - a.seq);

export function glance(view: FacilitatorView, presence: PresenceMessage | null): DelegationGlance[] {
  return view.delegations.map(({ delegation: id }) => {
    const people = peopleOf(presence, id);
    const bot = presence?.bots[id] ?? null;
    const own = view.actions.filter((a) => a.by === id);
    return {
      id,
      occupancy: bot !== null ? 'bot' : people.length > 0 ? 'people' : 'empty',
      bot,
      people,
      assessment: view.assessments.filter((a) => a.by === id).at(-1) ?? null,
      ladder: view.ladder[id] ?? { current: 0, highest: 0 },
      actions: own.slice(-RECENT_ACTIONS).reverse(),
      actionCount: own.length,
      openDeadlines: view.deadlines
        .filter((d) => d.party === id && d.status === 'open')
        .sort((a, b) => a.dueAt - b.dueAt),
      breaches: breachesOf(view.ledger, id),
    };
  });
}

/**
 * Every rule's title, from what the view carries: the rules attached to catalogue actions and the deadlines' titles.
 * A rule found in neither is shown by its id.
 */
export function ruleTitles(view: FacilitatorView): ReadonlyMap<string, LocalizedText> {
  const titles = new Map<string, LocalizedText>();
  for (const d of view.delegations)
    for (const entry of d.catalogue) for (const r of entry.rules) titles.set(r.id, r.title);
  for (const d of view.deadlines) if (!titles.has(d.rule)) titles.set(d.rule, d.title);
  return titles;
}
