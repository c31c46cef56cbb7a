/**
 * Negotiated texts from a bot's seat: answering the texts it is party to (accept the current version and sign, or
 * reject), telling who has shown itself unwilling, and proposing a template to the willing.
 */

import type { Proposal } from '../engine/types.ts';
import { MINUTE } from '../engine/types.ts';
import type { DelegationView } from '../engine/viewTypes.ts';
import type { ParticipantCommand } from '../protocol/commands.ts';
import type { Rng } from '../rng.ts';
import type { Template } from '../scenario/schema.ts';
import { elapsedMinutes, myActions, otherDelegations, trustWith } from './read.ts';

/** A text of one's own left unanswered this long marks the silent parties as unwilling. */
export const STALL_MINUTES = 12;
/** A bot proposes at most this many texts in an exercise. */
export const MAX_PROPOSALS = 3;

const isOpen = (p: Proposal) => p.status === 'open' || p.status === 'agreed';

/** Accept every open text at its current version, then sign every agreed one. */
export function acceptAndSign(view: DelegationView): ParticipantCommand[] {
  const me = view.delegation;
  const out: ParticipantCommand[] = [];
  for (const p of view.proposals) {
    if (p.status === 'open' && !p.accepted.includes(me))
      out.push({ type: 'proposal.accept', proposal: p.id, version: p.version });
    else if (p.status === 'agreed' && !p.signed.includes(me)) out.push({ type: 'proposal.sign', proposal: p.id });
  }
  return out;
}

/** Reject every open text not yet rejected (and not yet in signature). */
export function rejectAll(view: DelegationView, reason: string): ParticipantCommand[] {
  const me = view.delegation;
  return view.proposals
    .filter((p) => p.status === 'open' && p.signed.length === 0 && !p.rejected.some((r) => r.party === me))
    .map((p) => ({ type: 'proposal.reject', proposal: p.id, reason }));
}

/**
 * Delegations that have shown they will not sign: they rejected a text, left one of ours unanswered for
 * STALL_MINUTES, or took a coercive step (rung ≥ 5) in view.
 */
export function unwilling(view: DelegationView): Set<string> {
  const me = view.delegation;
  const out = new Set<string>();
  for (const p of view.proposals) {
    for (const r of p.rejected) if (r.party !== me) out.add(r.party);
    if (p.proposer === me && p.status === 'open' && view.clock.now - p.at >= STALL_MINUTES * MINUTE)
      for (const party of p.parties) if (!p.accepted.includes(party)) out.add(party);
  }
  for (const a of view.actions) if (a.by !== null && a.by !== me && a.rung >= 5) out.add(a.by);
  return out;
}

/** The best partner for a two-party text: whoever we exchanged assistance with, else the most trusted. */
function partnerFor(view: DelegationView, willing: readonly string[]): string | null {
  const helped = view.assistance.map((a) => (a.from === view.delegation ? a.to : a.from));
  const first = willing.find((p) => helped.includes(p));
  if (first !== undefined) return first;
  const worked = myActions(view).flatMap((a) => a.targets);
  const score = (p: string) => (trustWith(view, p) ?? 0) + (worked.includes(p) ? 1 : 0);
  return [...willing].sort((a, b) => score(b) - score(a))[0] ?? null;
}

function partiesFor(view: DelegationView, template: Template, willing: readonly string[]): string[] | null {
  const me = view.delegation;
  if (template.minParties <= 2 && template.kind === 'assistance-terms') {
    const partner = partnerFor(view, willing);
    return partner === null ? null : [me, partner];
  }
  const parties = [me, ...willing];
  return parties.length >= template.minParties ? parties : null;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * A new text to propose, or null: after `afterMinutes` of play, while none of ours is pending, at most
 * MAX_PROPOSALS in all; a template nobody has concluded or is negotiating, among the willing delegations.
 */
export function proposeText(view: DelegationView, rng: Rng, afterMinutes: number): ParticipantCommand | null {
  const me = view.delegation;
  if (elapsedMinutes(view) < afterMinutes) return null;
  const mine = view.proposals.filter((p) => p.proposer === me);
  if (mine.length >= MAX_PROPOSALS) return null;
  const stalled = (p: Proposal) => view.clock.now - p.at >= STALL_MINUTES * MINUTE;
  if (mine.some((p) => isOpen(p) && !stalled(p))) return null;
  const busy = (t: Template) =>
    view.proposals.some((p) => p.template === t.id && (p.status === 'signed' || (isOpen(p) && !stalled(p))));
  const shy = unwilling(view);
  const willing = otherDelegations(view).filter((p) => !shy.has(p));
  for (const template of rng.shuffle(view.templates.filter((t) => !busy(t)))) {
    const parties = partiesFor(view, template, willing);
    if (parties === null) continue;
    if (view.proposals.some((p) => p.template === template.id && sameSet(p.parties, parties))) continue;
    return { type: 'proposal.create', template: template.id, parties };
  }
  return null;
}
