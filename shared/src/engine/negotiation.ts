/**
 * Negotiated texts: a proposal from a template among parties (the proposer included); amending bumps the version and
 * clears acceptances and rejections; once every party accepted the current version it is agreed; each party then
 * signs; when all have signed it is signed, the template's effects apply ($signatory: every pair of signatories) and
 * `signed` conditions see it. Only parties see a proposal.
 */

import { mapGet, mapSet } from './persist.ts';
import { changeVars, record, type Step, toParties } from './step.ts';
import type { CommandEvent, Proposal } from './types.ts';
import { resolveEffects } from './world.ts';

type Ev<T extends CommandEvent['type']> = Extract<CommandEvent, { type: T }>;

function put(s: Step, p: Proposal): void {
  s.d.proposals = mapSet(s.d.proposals, p.id, p);
}

export function createProposal(s: Step, party: string, e: Ev<'proposal.create'>): void {
  const template = s.c.templates.get(e.template);
  if (!template || e.id === undefined) return;
  const proposal: Proposal = {
    id: e.id,
    seq: s.seq,
    at: s.at,
    template: template.id,
    proposer: party,
    parties: [...new Set(e.parties)],
    clauses: e.clauses ? e.clauses.map((cl) => ({ id: cl.id, text: cl.text })) : template.clauses,
    version: 1,
    accepted: [],
    rejected: [],
    signed: [],
    status: 'open',
    history: [],
  };
  put(s, proposal);
  record(s, 'proposal.created', toParties(proposal.parties), { by: party, to: proposal.parties, ref: proposal.id });
}

export function amendProposal(s: Step, party: string, e: Ev<'proposal.amend'>): void {
  const p = mapGet(s.d.proposals, e.proposal);
  if (!p) return;
  let clauses = p.clauses;
  let clauseId = e.clause;
  if (clauseId === null) {
    clauseId = `added-${s.seq}`;
    if (e.text !== null) clauses = [...clauses, { id: clauseId, text: e.text }];
  } else if (e.text === null) {
    clauses = clauses.filter((cl) => cl.id !== clauseId);
  } else {
    const text = e.text;
    clauses = clauses.map((cl) => (cl.id === clauseId ? { id: cl.id, text } : cl));
  }
  const was = e.clause === null ? null : (p.clauses.find((cl) => cl.id === e.clause)?.text ?? null);
  const version = p.version + 1;
  put(s, {
    ...p,
    clauses,
    version,
    accepted: [],
    rejected: [],
    status: 'open',
    history: [...p.history, { version, by: party, at: s.at, clause: clauseId, text: e.text, was }],
  });
  record(s, 'proposal.amended', toParties(p.parties), { by: party, to: p.parties, ref: p.id });
}

export function acceptProposal(s: Step, party: string, e: Ev<'proposal.accept'>): void {
  const p = mapGet(s.d.proposals, e.proposal);
  if (!p) return;
  const accepted = p.accepted.includes(party) ? p.accepted : [...p.accepted, party];
  const agreed = p.parties.every((x) => accepted.includes(x));
  put(s, {
    ...p,
    accepted,
    rejected: p.rejected.filter((r) => r.party !== party),
    status: agreed ? 'agreed' : p.status,
  });
  record(s, 'proposal.accepted', toParties(p.parties), { by: party, to: p.parties, ref: p.id });
  if (agreed && p.status !== 'agreed') record(s, 'proposal.agreed', toParties(p.parties), { ref: p.id });
}

export function rejectProposal(s: Step, party: string, e: Ev<'proposal.reject'>): void {
  const p = mapGet(s.d.proposals, e.proposal);
  if (!p) return;
  put(s, {
    ...p,
    accepted: p.accepted.filter((x) => x !== party),
    rejected: [...p.rejected.filter((r) => r.party !== party), { party, reason: e.reason ?? null }],
    status: 'open',
  });
  record(s, 'proposal.rejected', toParties(p.parties), { by: party, to: p.parties, ref: p.id, note: e.reason ?? null });
}

export function signProposal(s: Step, party: string, e: Ev<'proposal.sign'>): void {
  const p = mapGet(s.d.proposals, e.proposal);
  if (!p || p.signed.includes(party)) return;
  const signed = [...p.signed, party];
  const complete = p.parties.every((x) => signed.includes(x));
  put(s, { ...p, signed, status: complete ? 'signed' : p.status });
  record(s, 'proposal.signed', toParties(p.parties), { by: party, to: p.parties, ref: p.id });
  if (!complete) return;
  s.d.signed = { ...s.d.signed, [p.template]: [...(s.d.signed[p.template] ?? []), signed] };
  const template = s.c.templates.get(p.template);
  if (template) changeVars(s, resolveEffects(template.effects, { signatories: signed }));
  record(s, 'proposal.concluded', toParties(p.parties), { to: p.parties, ref: p.id });
}
