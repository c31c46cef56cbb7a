/**
 * The timeline section's pure parts: the channels worth a filter, the delegations' names as the review tells them,
 * pages of a long timeline, and the observations to show beside each moment.
 */
import type { ReviewEntry, ReviewObservation } from '@parley/shared/review/types.ts';

export const PAGE_SIZE = 50;

/** The channels the timeline uses, in a stable order (inject channels, then message channels); "group" for all groups. */
export function channelsOf(timeline: readonly ReviewEntry[]): string[] {
  const found = new Set<string>();
  for (const e of timeline) if (e.channel !== null) found.add(e.channel.startsWith('group:') ? 'group' : e.channel);
  const order = ['intel', 'cert', 'news', 'social', 'poc', 'email', 'phone', 'public', 'bilateral', 'group', 'team'];
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Group titles as the timeline words them (`to the group “Title”: …`), by group id. */
export function groupTitles(timeline: readonly ReviewEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of timeline) {
    if (!e.channel?.startsWith('group:')) continue;
    const id = e.channel.slice('group:'.length);
    const title = /^to the group “(.+?)”/.exec(e.text)?.[1];
    if (title && !out.has(id)) out.set(id, title);
  }
  return out;
}

/** Party names as the timeline gives them (`who` of the entries a party made), by party id. */
export function namesFromTimeline(timeline: readonly ReviewEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of timeline) if (e.by !== null && !out.has(e.by) && e.who !== 'unknown') out.set(e.by, e.who);
  return out;
}

export type Page<T> = { readonly items: readonly T[]; readonly page: number; readonly pages: number };

/** Page `page` (0-based, clamped) of `items`, `size` a page. */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(pages - 1, Math.max(0, Math.floor(page)));
  return { items: items.slice(p * size, (p + 1) * size), page: p, pages };
}

/** The page that holds the entry with `seq` (for a link from an observation to its moment), or -1. */
export function pageWith(items: readonly ReviewEntry[], seq: number, size = PAGE_SIZE): number {
  const i = items.findIndex((e) => e.seq === seq);
  return i < 0 ? -1 : Math.floor(i / size);
}

/** The observations anchored to each moment (by the anchor's seq), in the order they were recorded. */
export function observationsByAnchor(observations: readonly ReviewObservation[]): Map<number, ReviewObservation[]> {
  const out = new Map<number, ReviewObservation[]>();
  for (const o of observations) {
    if (!o.anchor) continue;
    const list = out.get(o.anchor.seq) ?? [];
    list.push(o);
    out.set(o.anchor.seq, list);
  }
  return out;
}

/**
 * Which lines of a page carry the link target of their event (`#review-entry-<seq>`): one event can leave several
 * lines (an action and the rule it breached); the target is the line an observation names, else the first.
 */
export function linkTargets(
  items: readonly ReviewEntry[],
  notes: ReadonlyMap<number, readonly ReviewObservation[]>,
): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < items.length) {
    const seq = (items[i] as ReviewEntry).seq;
    let end = i;
    while (end < items.length && (items[end] as ReviewEntry).seq === seq) end++;
    const named = new Set((notes.get(seq) ?? []).map((o) => o.anchor?.text));
    let target = i;
    for (let k = i; k < end; k++) {
      if (named.has((items[k] as ReviewEntry).text)) {
        target = k;
        break;
      }
    }
    out.add(target);
    i = end;
  }
  return out;
}
