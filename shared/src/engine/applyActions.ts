/**
 * Applying what parties do: catalogue actions (a delegation's act/signal or a simulated actor's act), assessments,
 * contact-point pings, assistance and messages. Rule bookkeeping around them (breaches, deadlines, tallies) is done
 * by the reducer for every party action alike.
 */
import { append, mapGet, mapSet } from './persist.ts';
import { changeVars, climb, PUBLIC, record, type Step, toParties } from './step.ts';
import type { ActionRecord, CommandEvent, Message, MessageChannel } from './types.ts';
import { resolveEffects } from './world.ts';

type Ev<T extends CommandEvent['type']> = Extract<CommandEvent, { type: T }>;

export function applyCatalogueAction(
  s: Step,
  party: string,
  e: Ev<'action.take'> | Ev<'signal.send'> | Ev<'actor.act'>,
): void {
  const action = s.c.actions.get(e.action);
  if (!action) return;
  const targets = [...new Set(e.targets)];
  const changes = resolveEffects(action.effects, { actor: party, targets });
  const rec: ActionRecord = {
    seq: s.seq,
    at: s.at,
    action: action.id,
    by: party,
    simulated: e.type === 'actor.act',
    targets,
    params: e.params,
    visibility: action.visibility,
    deniable: action.deniable,
    rung: action.rung,
    changes,
  };
  s.d.actions = append(s.d.actions, rec);
  changeVars(s, changes);
  climb(s, party, action.rung);
  const audience = action.visibility === 'public' ? PUBLIC : toParties([party, ...targets]);
  record(s, 'action', audience, { by: party, to: targets, ref: action.id, deniable: action.deniable });
}

export function applyAssess(s: Step, party: string, e: Ev<'assess'>): void {
  const a = {
    seq: s.seq,
    at: s.at,
    by: party,
    severity: e.severity,
    suspect: e.suspect,
    confidence: e.confidence,
    note: e.note ?? null,
  };
  s.d.assessments = append(s.d.assessments, a);
  s.d.latestAssessment = { ...s.d.latestAssessment, [party]: a };
  record(s, 'assessment', toParties([party]), { by: party });
}

export function applyPing(s: Step, party: string, e: Ev<'poc.ping'>): void {
  if (e.id === undefined) return;
  s.d.pings = mapSet(s.d.pings, e.id, {
    id: e.id,
    seq: s.seq,
    at: s.at,
    from: party,
    to: e.to,
    text: e.text,
    ackedAt: null,
    ackText: null,
  });
  record(s, 'ping.sent', toParties([party, e.to]), { by: party, to: [e.to], ref: e.id });
}

export function applyAck(s: Step, party: string, e: Ev<'poc.ack'>): void {
  const ping = mapGet(s.d.pings, e.ping);
  if (!ping || ping.ackedAt !== null) return;
  s.d.pings = mapSet(s.d.pings, ping.id, { ...ping, ackedAt: s.at, ackText: e.text ?? null });
  record(s, 'ping.acked', toParties([party, ping.from]), { by: party, to: [ping.from], ref: ping.id });
}

export function applyRequest(s: Step, party: string, e: Ev<'assistance.request'>): void {
  if (e.id === undefined) return;
  s.d.assistance = mapSet(s.d.assistance, e.id, {
    id: e.id,
    kind: 'request',
    seq: s.seq,
    at: s.at,
    from: party,
    to: e.to,
    text: e.text,
    request: null,
    answer: null,
  });
  record(s, 'assistance.requested', toParties([party, e.to]), { by: party, to: [e.to], ref: e.id });
}

export function applyOffer(s: Step, party: string, e: Ev<'assistance.offer'>): void {
  if (e.id === undefined) return;
  const request = e.request === undefined ? undefined : mapGet(s.d.assistance, e.request);
  s.d.assistance = mapSet(s.d.assistance, e.id, {
    id: e.id,
    kind: 'offer',
    seq: s.seq,
    at: s.at,
    from: party,
    to: e.to,
    text: e.text,
    request: request?.id ?? null,
    answer: null,
  });
  if (request && request.answer === null)
    s.d.assistance = mapSet(s.d.assistance, request.id, { ...request, answer: { kind: 'offer', at: s.at, ref: e.id } });
  record(s, 'assistance.offered', toParties([party, e.to]), { by: party, to: [e.to], ref: e.id });
}

export function applyDecline(s: Step, party: string, e: Ev<'assistance.decline'>): void {
  const request = mapGet(s.d.assistance, e.request);
  if (!request || request.answer !== null) return;
  s.d.assistance = mapSet(s.d.assistance, request.id, {
    ...request,
    answer: { kind: 'decline', at: s.at, ref: request.id },
  });
  record(s, 'assistance.declined', toParties([party, request.from]), {
    by: party,
    to: [request.from],
    ref: request.id,
    note: e.text ?? null,
  });
}

export function applyMessage(s: Step, party: string, e: Ev<'message.send'>): void {
  if (e.id === undefined) return;
  const ch = e.channel;
  let channel: MessageChannel;
  let members: readonly string[] | null;
  if (ch.kind === 'public') {
    channel = ch;
    members = null;
  } else if (ch.kind === 'group') {
    channel = ch;
    members = s.c.groups.get(ch.group)?.members ?? [party];
  } else if (ch.kind === 'team') {
    channel = { kind: 'team', party };
    members = [party];
  } else {
    channel = { kind: 'bilateral', between: party < ch.with ? [party, ch.with] : [ch.with, party] };
    members = [party, ch.with];
  }
  const seat = e.role.kind === 'delegation' ? e.role.seat : undefined;
  const message: Message = { id: e.id, seq: s.seq, at: s.at, from: party, channel, text: e.text, seat };
  s.d.messages = append(s.d.messages, message);
  const to = members ? members.filter((m) => m !== party) : [];
  record(s, 'message', members ? toParties(members) : PUBLIC, { by: party, to, ref: e.id });
}
