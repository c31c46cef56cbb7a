/** The delegation console's sections (a tab bar), keyboard movement between them, and what each has waiting. */
import type { Message, Proposal } from '@parley/shared/engine/types.ts';

export const TABS = ['feed', 'actions', 'channels', 'negotiations', 'notes'] as const;
export type Tab = (typeof TABS)[number];

export const isTab = (value: unknown): value is Tab => typeof value === 'string' && TABS.includes(value as Tab);

/** The tab a key moves to (arrows follow the reading direction; Home and End jump), or null for other keys. */
export function tabAfter(current: Tab, key: string, rtl: boolean): Tab | null {
  const i = TABS.indexOf(current);
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward) return TABS[(i + 1) % TABS.length] ?? current;
  if (key === back) return TABS[(i - 1 + TABS.length) % TABS.length] ?? current;
  if (key === 'Home') return TABS[0];
  if (key === 'End') return TABS[TABS.length - 1] ?? current;
  return null;
}

/** Proposals waiting for this party: open ones it has not accepted or rejected, agreed ones it has not signed. */
export function pendingProposals(proposals: readonly Proposal[], me: string): number {
  return proposals.filter((p) => {
    if (!p.parties.includes(me)) return false;
    if (p.status === 'open') return !p.accepted.includes(me) && !p.rejected.some((r) => r.party === me);
    if (p.status === 'agreed') return !p.signed.includes(me);
    return false;
  }).length;
}

/** Messages others wrote in the channels (not team notes, not our own). */
export const channelMessages = (messages: readonly Message[], me: string): Message[] =>
  messages.filter((m) => m.channel.kind !== 'team' && m.from !== me);

/** Team notes written from the delegation's other seats. */
export const teamNotesFromOthers = (messages: readonly Message[], me: string, seat: string | null): Message[] =>
  messages.filter((m) => m.channel.kind === 'team' && !(m.from === me && m.seat === seat));
