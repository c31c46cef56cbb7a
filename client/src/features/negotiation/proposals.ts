/**
 * What a proposal means to a delegation, as pure functions of the engine's `Proposal` (see
 * shared/src/engine/negotiation.ts for the rules): its stage in plain words, what each party has done with the current
 * version, what this delegation may do next (and why not), which version it last accepted (from the journal), and which
 * clauses changed since a version.
 */
import type { JournalEntry, Proposal } from '@parley/shared/engine/types.ts';

/** The stage a reader sees: `open` (waiting for acceptances), `contested` (open, someone rejected the current
 * version), `agreed` (every party accepted, nobody signed yet), `signing` (some signed), `signed` (closed). */
export type Stage = 'open' | 'contested' | 'agreed' | 'signing' | 'signed';

export function stageOf(p: Proposal): Stage {
  if (p.status === 'signed') return 'signed';
  if (p.signed.length > 0) return 'signing';
  if (p.status === 'agreed') return 'agreed';
  return p.rejected.length > 0 ? 'contested' : 'open';
}

export type Standing = {
  readonly party: string;
  readonly proposer: boolean;
  /** On the current version. */
  readonly accepted: boolean;
  readonly rejected: boolean;
  readonly reason: string | null;
  readonly signed: boolean;
};

/** What every party has done with the current version, in the proposal's order of parties. */
export function standings(p: Proposal): Standing[] {
  return p.parties.map((party) => {
    const rejection = p.rejected.find((r) => r.party === party);
    return {
      party,
      proposer: party === p.proposer,
      accepted: p.accepted.includes(party),
      rejected: rejection !== undefined,
      reason: rejection?.reason ?? null,
      signed: p.signed.includes(party),
    };
  });
}

/** The parties who have not yet accepted the current version. */
export const awaitingAcceptance = (p: Proposal): string[] => p.parties.filter((x) => !p.accepted.includes(x));
/** The parties who have not yet signed. */
export const awaitingSignature = (p: Proposal): string[] => p.parties.filter((x) => !p.signed.includes(x));

/** Why a move is not open to this delegation now (an i18n key under `negotiation.why.`), or null when it is. */
export type Why = 'closed' | 'signingBegun' | 'acceptedAlready' | 'rejectedAlready' | 'notAgreed' | 'signedAlready';

export type Moves = {
  readonly amend: Why | null;
  readonly accept: Why | null;
  readonly reject: Why | null;
  readonly sign: Why | null;
};

/** What `me` may do with the proposal now, mirroring the engine's checks (the engine stays the judge). */
export function movesFor(p: Proposal, me: string): Moves {
  if (p.status === 'signed')
    return { amend: 'closed', accept: 'closed', reject: 'closed', sign: 'closed' } satisfies Moves;
  const signing = p.signed.length > 0;
  return {
    amend: signing ? 'signingBegun' : null,
    accept: p.accepted.includes(me) ? 'acceptedAlready' : null,
    reject: signing ? 'signingBegun' : p.rejected.some((r) => r.party === me) ? 'rejectedAlready' : null,
    sign: p.signed.includes(me) ? 'signedAlready' : p.status !== 'agreed' ? 'notAgreed' : null,
  };
}

/**
 * The version `me` last accepted, read from the journal: each amendment makes one version, so the version accepted is
 * one more than the amendments before the acceptance. Null when `me` never accepted this proposal.
 */
export function lastAcceptedVersion(timeline: readonly JournalEntry[], proposal: string, me: string): number | null {
  let version = 1;
  let accepted: number | null = null;
  for (const e of timeline) {
    if (e.ref !== proposal) continue;
    if (e.kind === 'proposal.amended') version += 1;
    else if (e.kind === 'proposal.accepted' && e.by === me) accepted = version;
  }
  return accepted;
}

/** The version to compare the current text with by default: the one `me` last accepted when the text changed since,
 * else the one before the current version (null for a first version). */
export function defaultBaseline(p: Proposal, acceptedVersion: number | null): number | null {
  if (acceptedVersion !== null && acceptedVersion < p.version) return acceptedVersion;
  return p.version > 1 ? p.version - 1 : null;
}

export type ClauseChange = {
  readonly kind: 'amended' | 'added';
  /** The parties who changed it after the baseline, in order. */
  readonly by: readonly string[];
  /** The latest version that changed it. */
  readonly version: number;
};

export type RemovedClause = { readonly id: string; readonly by: string; readonly version: number };

export type Changes = {
  /** Current clauses changed after the baseline, by clause id. */
  readonly clauses: ReadonlyMap<string, ClauseChange>;
  /** Clauses of the baseline that are gone from the current text. */
  readonly removed: readonly RemovedClause[];
};

type Amendment = Proposal['history'][number];

/** The amendment that added a clause (its first mention, for an id the engine made up), if any. */
function additionOf(history: readonly Amendment[], clause: string): Amendment | undefined {
  const first = history.find((h) => h.clause === clause);
  return first && first.text !== null && clause.startsWith('added-') ? first : undefined;
}

/** Which clauses changed after version `baseline` (every amendment made a version above it). */
export function changesSince(p: Proposal, baseline: number): Changes {
  const later = p.history.filter((h) => h.version > baseline);
  const current = new Set(p.clauses.map((c) => c.id));
  const clauses = new Map<string, ClauseChange>();
  const removed: RemovedClause[] = [];
  for (const h of later) {
    if (!current.has(h.clause)) {
      const added = additionOf(p.history, h.clause);
      if (h.text === null && !(added && added.version > baseline))
        removed.push({ id: h.clause, by: h.by, version: h.version });
      continue;
    }
    const added = additionOf(p.history, h.clause);
    const before = clauses.get(h.clause);
    clauses.set(h.clause, {
      kind: added && added.version > baseline ? 'added' : 'amended',
      by: before?.by.includes(h.by) ? before.by : [...(before?.by ?? []), h.by],
      version: h.version,
    });
  }
  return { clauses, removed };
}

/**
 * A clause's text as it stood at `version`, when the history says it: the latest amendment of the clause at or before
 * that version. Undefined when the history does not tell (the clause kept its first text, which it does not record).
 */
export function historyTextAt(
  p: Proposal,
  clause: string,
  version: number,
): Proposal['clauses'][number]['text'] | null | undefined {
  const written = p.history.filter((h) => h.clause === clause && h.version <= version).at(-1);
  if (written) return written.text;
  // Not amended up to that version: the first later amendment says what the text was before it.
  const next = p.history.find((h) => h.clause === clause && h.version > version);
  return next ? next.was : undefined;
}

/** The 1-based position of a clause in the current text, or null when it is no longer there. */
export function clauseNumber(p: Proposal, clause: string): number | null {
  const i = p.clauses.findIndex((c) => c.id === clause);
  return i < 0 ? null : i + 1;
}

/** A fresh id for a clause added to a draft (unlike every id in `taken`). */
export function freshClauseId(taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`clause-${n}`)) n += 1;
  return `clause-${n}`;
}

/** Clause text as one paragraph (the scenarios wrap long clauses over several lines). */
export const asParagraph = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * What a clause said at `version`: from the clauses this browser remembers of that version, else from the history.
 * Undefined when neither tells.
 */
export function textAt(
  p: Proposal,
  clause: string,
  version: number,
  remembered: Proposal['clauses'] | undefined,
): Proposal['clauses'][number]['text'] | null | undefined {
  if (remembered) return remembered.find((c) => c.id === clause)?.text ?? null;
  return historyTextAt(p, clause, version);
}

/** The parties a proposal's summary names: who has yet to accept, who rejected, or who has yet to sign. */
export function summaryParties(p: Proposal): string[] {
  switch (stageOf(p)) {
    case 'open':
      return awaitingAcceptance(p);
    case 'contested':
      return p.rejected.map((r) => r.party);
    case 'signing':
      return awaitingSignature(p);
    default:
      return [];
  }
}

/** The direction of a text from its first strong letter (Arabic or Hebrew: right to left), else null. */
export function directionOf(text: string): 'ltr' | 'rtl' | null {
  const strong = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]|\p{L}/u.exec(text);
  if (!strong) return null;
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(strong[0]) ? 'rtl' : 'ltr';
}

export type Moment =
  | { readonly kind: 'created'; readonly at: number; readonly version: 1; readonly by: string }
  | {
      readonly kind: 'amended' | 'added' | 'removed' | 'gone';
      readonly at: number;
      readonly version: number;
      readonly by: string;
      /** The clause's number in the current text (null when it is gone). */
      readonly number: number | null;
    }
  | { readonly kind: 'accepted' | 'signed'; readonly at: number; readonly version: number; readonly by: string }
  | {
      readonly kind: 'rejected';
      readonly at: number;
      readonly version: number;
      readonly by: string;
      readonly reason: string | null;
    }
  | { readonly kind: 'agreed'; readonly at: number; readonly version: number };

/** A proposal's life, oldest first: its versions (from its history) and each party's answers (from the journal). */
export function momentsOf(p: Proposal, timeline: readonly JournalEntry[]): Moment[] {
  const amendment = (h: Amendment): Moment => {
    const number = clauseNumber(p, h.clause);
    const added = additionOf(p.history, h.clause) === h;
    const kind = h.text === null ? 'removed' : number === null ? 'gone' : added ? 'added' : 'amended';
    return { kind, at: h.at, version: h.version, by: h.by, number };
  };
  const out: Moment[] = [{ kind: 'created', at: p.at, version: 1, by: p.proposer }];
  let version = 1;
  let amended = 0;
  for (const e of timeline) {
    if (e.ref !== p.id || e.seq <= p.seq) continue;
    const h = p.history[amended];
    if (e.kind === 'proposal.amended' && h) {
      out.push(amendment(h));
      amended += 1;
      version = h.version;
    } else if ((e.kind === 'proposal.accepted' || e.kind === 'proposal.signed') && e.by !== null)
      out.push({ kind: e.kind === 'proposal.accepted' ? 'accepted' : 'signed', at: e.at, version, by: e.by });
    else if (e.kind === 'proposal.rejected' && e.by !== null)
      out.push({ kind: 'rejected', at: e.at, version, by: e.by, reason: e.note });
    else if (e.kind === 'proposal.agreed') out.push({ kind: 'agreed', at: e.at, version });
  }
  // Amendments the journal did not show (it should show them all).
  out.push(...p.history.slice(amended).map(amendment));
  return out;
}
