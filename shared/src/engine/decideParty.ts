/**
 * What a delegation may do, checked against the scenario and the protocol state (not against rules, which
 * `decide` applies afterwards). Each check returns a refusal a participant understands, or null.
 * Ids of things a delegation is not party to are answered as unknown, so refusals leak nothing.
 */
import type { ParticipantCommand } from '../protocol/commands.ts';
import { checkCatalogueAction } from './checkAction.ts';
import type { CompiledScenario } from './compile.ts';
import { mapGet } from './persist.ts';
import type { ExerciseState } from './state.ts';
import { nameOf, textOf } from './text.ts';
import { type Proposal, type Refusal, refusalOf as refuse } from './types.ts';

/** A delegation to address: known, a delegation (not a simulated party), not oneself. */
function checkCounterpart(c: CompiledScenario, me: string, id: string, what: string): Refusal | null {
  const party = c.parties.get(id);
  if (!party) return refuse('unknown', `Unknown delegation "${id}"`, 'unknown.delegation', { id });
  if (!party.delegation)
    return refuse('invalid', `${nameOf(c, id)} has no seat at the table: ${what}`, 'counterpart.noSeat', { party: id });
  if (id === me)
    return refuse('invalid', `${nameOf(c, me)} cannot do this towards itself`, 'counterpart.self', { party: me });
  return null;
}

function proposalFor(state: ExerciseState, me: string, id: string): Proposal | Refusal {
  const p = mapGet(state.proposals, id);
  if (!p?.parties.includes(me)) return refuse('unknown', `Unknown proposal "${id}"`, 'unknown.proposal', { id });
  return p;
}

const isRefusal = (x: object): x is Refusal => 'code' in x && 'message' in x;

function checkProposal(c: CompiledScenario, state: ExerciseState, me: string, cmd: ParticipantCommand): Refusal | null {
  if (cmd.type === 'proposal.create') {
    const template = c.templates.get(cmd.template);
    if (!template)
      return refuse('unknown', `Unknown template "${cmd.template}"`, 'unknown.template', { id: cmd.template });
    if (!cmd.parties.includes(me))
      return refuse('invalid', `${nameOf(c, me)} must be one of the parties it proposes to`, 'proposal.selfMissing', {
        party: me,
      });
    if (new Set(cmd.parties).size !== cmd.parties.length)
      return refuse('invalid', 'Name each party only once', 'proposal.partyTwice');
    for (const p of cmd.parties) {
      const party = c.parties.get(p);
      if (!party) return refuse('unknown', `Unknown delegation "${p}"`, 'unknown.delegation', { id: p });
      if (!party.delegation)
        return refuse('invalid', `${nameOf(c, p)} has no seat at the table and cannot sign`, 'proposal.noSeat', {
          party: p,
        });
    }
    if (cmd.parties.length < template.minParties)
      return refuse(
        'invalid',
        `“${textOf(template.title, c.lang)}” needs at least ${template.minParties} parties`,
        'proposal.minParties',
        { template: template.id, parties: template.minParties },
      );
    if (cmd.clauses) {
      if (cmd.clauses.length === 0) return refuse('invalid', 'A text needs at least one clause', 'proposal.noClause');
      if (new Set(cmd.clauses.map((cl) => cl.id)).size !== cmd.clauses.length)
        return refuse('invalid', 'Each clause needs its own id', 'proposal.clauseIds');
    }
    return null;
  }
  if (!('proposal' in cmd)) return null;
  const p = proposalFor(state, me, cmd.proposal);
  if (isRefusal(p)) return p;
  if (p.status === 'signed')
    return refuse('state', 'This text is signed by all its parties and closed', 'proposal.closed');
  const signing = p.signed.length > 0;
  switch (cmd.type) {
    case 'proposal.amend': {
      if (signing)
        return refuse('state', 'Signing has begun: the text can no longer be amended', 'proposal.signingAmend');
      if (cmd.clause === null)
        return cmd.text === null ? refuse('invalid', 'Give the text of the new clause', 'proposal.clauseText') : null;
      if (!p.clauses.some((cl) => cl.id === cmd.clause))
        return refuse('unknown', `This text has no clause "${cmd.clause}"`, 'unknown.clause', { id: cmd.clause });
      if (cmd.text === null && p.clauses.length === 1)
        return refuse('invalid', 'A text needs at least one clause', 'proposal.noClause');
      return null;
    }
    case 'proposal.accept':
      if (cmd.version !== p.version)
        return refuse('stale', `This text changed since you read it (now version ${p.version})`, 'proposal.stale', {
          version: p.version,
        });
      if (p.accepted.includes(me))
        return refuse('state', `${nameOf(c, me)} already accepted version ${p.version}`, 'proposal.alreadyAccepted', {
          party: me,
          version: p.version,
        });
      return null;
    case 'proposal.reject':
      if (signing)
        return refuse('state', 'Signing has begun: the text can no longer be rejected', 'proposal.signingReject');
      if (p.rejected.some((r) => r.party === me))
        return refuse('state', `${nameOf(c, me)} already rejected version ${p.version}`, 'proposal.alreadyRejected', {
          party: me,
          version: p.version,
        });
      return null;
    case 'proposal.sign':
      if (p.status !== 'agreed')
        return refuse('state', 'Every party must accept the text before anyone signs it', 'proposal.notAgreed');
      if (p.signed.includes(me))
        return refuse('state', `${nameOf(c, me)} already signed this text`, 'proposal.alreadySigned', { party: me });
      return null;
    default:
      return null;
  }
}

export function checkParticipantCommand(
  c: CompiledScenario,
  state: ExerciseState,
  me: string,
  cmd: ParticipantCommand,
): Refusal | null {
  switch (cmd.type) {
    case 'assess':
      if (cmd.suspect === null) return null;
      if (!c.parties.has(cmd.suspect))
        return refuse('unknown', `Unknown party "${cmd.suspect}"`, 'unknown.party', { id: cmd.suspect });
      return cmd.suspect === me
        ? refuse('invalid', `${nameOf(c, me)} cannot name itself as the suspect`, 'assess.self', { party: me })
        : null;
    case 'action.take':
    case 'signal.send':
      return checkCatalogueAction(
        c,
        me,
        c.delegations.get(me)?.actions ?? [],
        cmd,
        cmd.type === 'action.take' ? 'act' : 'signal',
      );
    case 'poc.ping':
      return checkCounterpart(c, me, cmd.to, 'only delegations have contact points');
    case 'poc.ack': {
      const ping = mapGet(state.pings, cmd.ping);
      if (!ping || ping.to !== me)
        return refuse('unknown', `Unknown ping "${cmd.ping}"`, 'unknown.ping', { id: cmd.ping });
      return ping.ackedAt !== null
        ? refuse('state', `${nameOf(c, me)} already acknowledged this ping`, 'ping.alreadyAcked', { party: me })
        : null;
    }
    case 'assistance.request':
      return checkCounterpart(c, me, cmd.to, 'request assistance from a delegation');
    case 'assistance.offer': {
      const bad = checkCounterpart(c, me, cmd.to, 'offer assistance to a delegation');
      if (bad || cmd.request === undefined) return bad;
      const request = mapGet(state.assistance, cmd.request);
      if (request?.kind !== 'request' || request.to !== me)
        return refuse('unknown', `Unknown request "${cmd.request}"`, 'unknown.request', { id: cmd.request });
      if (request.from !== cmd.to)
        return refuse(
          'invalid',
          `That request came from ${nameOf(c, request.from)}, not ${nameOf(c, cmd.to)}`,
          'assistance.wrongRequester',
          { from: request.from, to: cmd.to },
        );
      return request.answer !== null
        ? refuse('state', 'That request was already answered', 'assistance.answered')
        : null;
    }
    case 'assistance.decline': {
      const request = mapGet(state.assistance, cmd.request);
      if (request?.kind !== 'request' || request.to !== me)
        return refuse('unknown', `Unknown request "${cmd.request}"`, 'unknown.request', { id: cmd.request });
      return request.answer !== null
        ? refuse('state', 'That request was already answered', 'assistance.answered')
        : null;
    }
    case 'message.send': {
      const ch = cmd.channel;
      if (ch.kind === 'public' || ch.kind === 'team') return null;
      if (ch.kind === 'group') {
        const group = c.groups.get(ch.group);
        if (!group) return refuse('unknown', `Unknown channel "${ch.group}"`, 'unknown.channel', { id: ch.group });
        if (!group.members.includes(me))
          return refuse(
            'not-allowed',
            `${nameOf(c, me)} is not a member of “${textOf(group.title, c.lang)}”`,
            'channel.notMember',
            { party: me, group: group.id },
          );
        return null;
      }
      if (!c.parties.has(ch.with))
        return refuse('unknown', `Unknown party "${ch.with}"`, 'unknown.party', { id: ch.with });
      return ch.with === me
        ? refuse('invalid', `${nameOf(c, me)} cannot send a message to itself`, 'message.self', { party: me })
        : null;
    }
    default:
      return checkProposal(c, state, me, cmd);
  }
}
