/**
 * Answering what others asked of a delegation: pings, requests for assistance, deadlines the rules opened (read from
 * the public rulebook, so that rules whose deadlines only control sees are answered too), signals aimed at it and
 * bilateral messages. Used by the cooperative policy; every answer is aimed at the party that asked.
 */
import type { ActionView, DelegationView } from '../engine/viewTypes.ts';
import type { ParticipantCommand } from '../protocol/commands.ts';
import type { DeadlineRule } from '../scenario/schema.ts';
import { aimAction, canTarget, isClean, type ParamStyle, stanceOf } from './choose.ts';
import { myActions, pendingPings, pendingRequests, timesTaken } from './read.ts';
import type { BotContext } from './types.ts';

export const acknowledge = (view: DelegationView): ParticipantCommand[] =>
  pendingPings(view).map((p) => ({
    type: 'poc.ack',
    ping: p.id,
    text: 'Acknowledged: our point of contact is staffed.',
  }));

export const offerHelp = (view: DelegationView): ParticipantCommand[] =>
  pendingRequests(view).map((r) => ({
    type: 'assistance.offer',
    to: r.from,
    request: r.id,
    text: 'We can offer technical assistance: incident responders and analysis support.',
  }));

const bilateral = (to: string, text: string): ParticipantCommand => ({
  type: 'message.send',
  channel: { kind: 'bilateral', with: to },
  text,
});

/** Did we answer `party` with one of `refs` after `seq` (game time `at`)? */
function answered(view: DelegationView, party: string, refs: readonly string[], seq: number, at: number): boolean {
  const me = view.delegation;
  for (const ref of refs) {
    if (ref === 'poc.ack' && view.pings.some((p) => p.from === party && p.to === me && (p.ackedAt ?? -1) >= at))
      return true;
    if (ref === 'message.send' && sentTo(view, party, seq) > 0) return true;
    if (ref.startsWith('assistance.') && view.assistance.some((a) => a.from === me && a.to === party && a.seq > seq))
      return true;
    if (ref === 'poc.ping' && view.pings.some((p) => p.from === me && p.to === party && p.seq > seq)) return true;
    if (myActions(view).some((a) => a.action === ref && a.seq > seq && a.targets.includes(party))) return true;
  }
  return false;
}

/** Bilateral messages we sent to `party` after `seq`. */
function sentTo(view: DelegationView, party: string, seq = 0): number {
  return view.messages.filter(
    (m) =>
      m.seq > seq && m.from === view.delegation && m.channel.kind === 'bilateral' && m.channel.between.includes(party),
  ).length;
}

/** Does taking `ref` open a deadline for its target (so that answering with it would start a new exchange)? */
const opens = (ctx: BotContext, ref: string) =>
  ctx.catalogue.rules.some((r) => r.type === 'deadline' && r.on.includes(ref));

/** An answer that itself opens a deadline is given at most this often to the same party (no endless exchanges). */
const MAX_OPENING_ANSWERS = 2;

/**
 * One command that satisfies a deadline rule towards `party`, preferring answers that open no new deadline: an ack,
 * an offer of assistance, a friendly catalogue action, a bilateral message.
 */
function satisfy(
  view: DelegationView,
  ctx: BotContext,
  rule: DeadlineRule,
  party: string,
  style: ParamStyle,
): ParticipantCommand | null {
  const refs = rule.satisfiedBy;
  const me = view.delegation;
  if (refs.includes('poc.ack')) {
    const ping = pendingPings(view).find((p) => p.from === party);
    if (ping) return { type: 'poc.ack', ping: ping.id, text: 'Acknowledged.' };
  }
  if (refs.includes('assistance.offer')) {
    const request = pendingRequests(view).find((r) => r.from === party);
    return { type: 'assistance.offer', to: party, ...(request ? { request: request.id } : {}), text: 'We can help.' };
  }
  const friendly = view.catalogue.filter(
    (e) => refs.includes(e.id) && !stanceOf(e).hostile && canTarget(e, me, ctx.catalogue, party),
  );
  const quiet = friendly.filter((e) => !opens(ctx, e.id));
  const loud = friendly.filter((e) => opens(ctx, e.id) && timesTaken(view, e.id, party) < MAX_OPENING_ANSWERS);
  const message = refs.includes('message.send')
    ? bilateral(party, 'We have received your message and are responding.')
    : null;
  const quietMessage = message !== null && !opens(ctx, 'message.send');
  const order = [...quiet, ...(quietMessage ? [message] : []), ...loud, ...(message && !quietMessage ? [message] : [])];
  for (const option of order) {
    if (!('id' in option)) return option;
    const command = aimAction(option, [party], ctx.rng, style);
    if (command && isClean(ctx, command)) return command;
  }
  return null;
}

const deadlineRule = (ctx: BotContext, id: string) =>
  ctx.catalogue.rules.find((r): r is DeadlineRule => r.type === 'deadline' && r.id === id);

/** Answers to the open deadlines we can see that we owe. */
export function meetDeadlines(view: DelegationView, ctx: BotContext, style: ParamStyle): ParticipantCommand[] {
  const out: ParticipantCommand[] = [];
  for (const d of view.deadlines) {
    if (d.status !== 'open' || d.party !== view.delegation) continue;
    const rule = deadlineRule(ctx, d.rule);
    const command = rule ? satisfy(view, ctx, rule, d.counterpart, style) : null;
    if (command) out.push(command);
  }
  return out;
}

/** A signal or action another delegation aimed at us that a deadline rule says we must answer, still unanswered. */
function owed(view: DelegationView, ctx: BotContext, a: ActionView): DeadlineRule | null {
  if (a.by === null || a.by === view.delegation || !a.targets.includes(view.delegation)) return null;
  for (const rule of ctx.catalogue.rules) {
    if (rule.type !== 'deadline' || !rule.on.includes(a.action)) continue;
    if (!answered(view, a.by, rule.satisfiedBy, a.seq, a.at)) return rule;
  }
  return null;
}

/** Answers to signals aimed at us (including rules whose deadlines we cannot see), and replies to messages. */
export function reply(view: DelegationView, ctx: BotContext, style: ParamStyle): ParticipantCommand[] {
  const out: ParticipantCommand[] = [];
  const seated = new Set(view.parties.filter((p) => p.seated).map((p) => p.id));
  for (const a of view.actions) {
    const rule = owed(view, ctx, a);
    const command = rule && a.by !== null ? satisfy(view, ctx, rule, a.by, style) : null;
    if (command) out.push(command);
  }
  const received = new Map<string, number>();
  for (const m of view.messages) {
    if (m.from === null || m.from === view.delegation || m.channel.kind !== 'bilateral') continue;
    received.set(m.from, (received.get(m.from) ?? 0) + 1);
  }
  for (const [party, n] of received) {
    const sent = sentTo(view, party);
    if (seated.has(party) && sent < n && sent < 3)
      out.push(bilateral(party, 'Thank you. We share your concern and propose to keep this channel open.'));
  }
  return out;
}
