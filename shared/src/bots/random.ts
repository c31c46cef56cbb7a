/**
 * The random delegation, for fuzzing: each turn 0–2 commands drawn among the kinds it may send now (an assessment,
 * any catalogue action with eligible targets and valid parameters, pings and acks, assistance, messages on any of its
 * channels, proposals and answers to them). Commands are built from what it sees, so most are accepted; the rest
 * (a rule that blocks, a text amended meanwhile) exercise the engine's refusals.
 */
import type { DelegationView } from '../engine/viewTypes.ts';
import type { ParticipantCommand } from '../protocol/commands.ts';
import type { Rng } from '../rng.ts';
import { CONFIDENCE_LEVELS } from '../scenario/vocabulary.ts';
import { aimAction, pickTargets } from './choose.ts';
import { otherDelegations, pendingPings, pendingRequests } from './read.ts';
import type { BotContext, Policy } from './types.ts';

type Generator = (view: DelegationView, ctx: BotContext) => ParticipantCommand | null;

const TEXT = 'Random bot message.';

function some<T>(rng: Rng, items: readonly T[]): T | null {
  return items.length === 0 ? null : rng.pick(items);
}

const others = (view: DelegationView) => view.parties.filter((p) => p.id !== view.delegation).map((p) => p.id);

const GENERATORS: readonly Generator[] = [
  (view, { rng }) => ({
    type: 'assess',
    severity: rng.int(0, 5),
    suspect: rng.chance(0.5) ? some(rng, others(view)) : null,
    confidence: rng.pick(CONFIDENCE_LEVELS),
  }),
  (view, { rng, catalogue }) => {
    const entry = some(rng, view.catalogue);
    if (!entry) return null;
    const want = rng.int(entry.targets.min, entry.targets.max);
    const targets = pickTargets(entry, view.delegation, catalogue, rng, { pool: others(view), want });
    if (targets === null && entry.targets.max > 0) return null;
    const style = { confidence: rng.pick(CONFIDENCE_LEVELS), text: TEXT, optional: 0.5 };
    return aimAction(entry, targets ?? [], rng, style);
  },
  (view, { rng }) => {
    const to = some(rng, otherDelegations(view));
    return to === null ? null : { type: 'poc.ping', to, text: TEXT };
  },
  (view, { rng }) => {
    const ping = some(rng, pendingPings(view));
    return ping === null ? null : { type: 'poc.ack', ping: ping.id };
  },
  (view, { rng }) => {
    const to = some(rng, otherDelegations(view));
    return to === null ? null : { type: 'assistance.request', to, text: TEXT };
  },
  (view, { rng }) => {
    const request = some(rng, pendingRequests(view));
    if (request !== null && rng.chance(0.5)) return { type: 'assistance.decline', request: request.id };
    if (request !== null) return { type: 'assistance.offer', to: request.from, request: request.id, text: TEXT };
    const to = some(rng, otherDelegations(view));
    return to === null ? null : { type: 'assistance.offer', to, text: TEXT };
  },
  (view, { rng }) => {
    const group = some(rng, view.channels);
    const party = some(rng, others(view));
    const choice = rng.int(0, 2);
    if (choice === 1 && group !== null)
      return { type: 'message.send', channel: { kind: 'group', group: group.id }, text: TEXT };
    if (choice === 2 && party !== null)
      return { type: 'message.send', channel: { kind: 'bilateral', with: party }, text: TEXT };
    return { type: 'message.send', channel: { kind: 'public' }, text: TEXT };
  },
  (view, { rng }) => {
    const template = some(rng, view.templates);
    if (template === null) return null;
    const pool = rng.shuffle(otherDelegations(view));
    const n = rng.int(Math.max(1, template.minParties - 1), Math.max(1, pool.length));
    const parties = [view.delegation, ...pool.slice(0, n)];
    return parties.length < template.minParties ? null : { type: 'proposal.create', template: template.id, parties };
  },
  (view, { rng }) => {
    const me = view.delegation;
    const open = view.proposals.filter((p) => p.status !== 'signed');
    const p = some(rng, open);
    if (p === null) return null;
    if (p.status === 'agreed' && !p.signed.includes(me)) return { type: 'proposal.sign', proposal: p.id };
    if (p.signed.length > 0) return null;
    const roll = rng.next();
    if (roll < 0.6 && !p.accepted.includes(me)) return { type: 'proposal.accept', proposal: p.id, version: p.version };
    if (roll < 0.8 && !p.rejected.some((r) => r.party === me))
      return { type: 'proposal.reject', proposal: p.id, reason: 'Random objection.' };
    const clause = some(rng, p.clauses);
    return clause === null
      ? null
      : { type: 'proposal.amend', proposal: p.id, clause: clause.id, text: 'Amended text.' };
  },
];

export const random: Policy = (view, ctx) => {
  const out: ParticipantCommand[] = [];
  const n = ctx.rng.int(0, 2);
  for (let tries = 0; out.length < n && tries < 6; tries++) {
    const command = ctx.rng.pick(GENERATORS)(view, ctx);
    if (command) out.push(command);
  }
  return out;
};
