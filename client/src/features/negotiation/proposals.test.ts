import type { JournalEntry, Proposal } from '@parley/shared/engine/types.ts';
import { describe, expect, it } from 'vitest';
import { diffWords, hasChanges } from './diff.ts';
import {
  changesSince,
  clauseNumber,
  defaultBaseline,
  directionOf,
  freshClauseId,
  lastAcceptedVersion,
  momentsOf,
  movesFor,
  stageOf,
  standings,
  textAt,
} from './proposals.ts';
import { createVersionMemory, type TextStore } from './versions.ts';

const base: Proposal = {
  id: 'proposal-7',
  seq: 7,
  at: 0,
  template: 'pledge',
  proposer: 'alpha',
  parties: ['alpha', 'bravo', 'charlie'],
  clauses: [
    { id: 'a', text: 'First.' },
    { id: 'b', text: { en: 'Second.', fr: 'Deuxième.' } },
  ],
  version: 1,
  accepted: [],
  rejected: [],
  signed: [],
  status: 'open',
  history: [],
};
const proposal = (over: Partial<Proposal>): Proposal => ({ ...base, ...over });
const amendment = (version: number, by: string, clause: string, text: string | null, was: string | null = null) => ({
  version,
  by,
  at: version * 1000,
  clause,
  text,
  was,
});

describe('the stage of a proposal in plain words', () => {
  it('is open until someone rejects, contested after, agreed, then signing, then signed', () => {
    expect(stageOf(base)).toBe('open');
    expect(stageOf(proposal({ rejected: [{ party: 'bravo', reason: null }] }))).toBe('contested');
    expect(stageOf(proposal({ status: 'agreed', accepted: base.parties }))).toBe('agreed');
    expect(stageOf(proposal({ status: 'agreed', accepted: base.parties, signed: ['bravo'] }))).toBe('signing');
    expect(stageOf(proposal({ status: 'signed', accepted: base.parties, signed: base.parties }))).toBe('signed');
  });
});

describe('what each party has done', () => {
  it('says who proposed, accepted, rejected (with the reason) and signed, in the order of the parties', () => {
    const p = proposal({ accepted: ['alpha'], rejected: [{ party: 'charlie', reason: 'Too vague' }] });
    expect(standings(p)).toEqual([
      { party: 'alpha', proposer: true, accepted: true, rejected: false, reason: null, signed: false },
      { party: 'bravo', proposer: false, accepted: false, rejected: false, reason: null, signed: false },
      { party: 'charlie', proposer: false, accepted: false, rejected: true, reason: 'Too vague', signed: false },
    ]);
  });
});

describe('what a delegation may do next', () => {
  it('may amend, accept and reject an open text, but not sign it before everyone accepted', () => {
    expect(movesFor(base, 'bravo')).toEqual({ amend: null, accept: null, reject: null, sign: 'notAgreed' });
  });

  it('may not accept twice nor reject twice', () => {
    const p = proposal({ accepted: ['alpha'], rejected: [{ party: 'bravo', reason: null }] });
    expect(movesFor(p, 'alpha').accept).toBe('acceptedAlready');
    expect(movesFor(p, 'bravo').reject).toBe('rejectedAlready');
  });

  it('may sign once everyone accepted, and nobody may amend or reject once signing began', () => {
    const agreed = proposal({ status: 'agreed', accepted: base.parties });
    expect(movesFor(agreed, 'charlie')).toMatchObject({ sign: null, amend: null, accept: 'acceptedAlready' });
    const signing = proposal({ ...agreed, signed: ['alpha'] });
    expect(movesFor(signing, 'alpha')).toMatchObject({ sign: 'signedAlready', amend: 'signingBegun' });
    expect(movesFor(signing, 'bravo')).toMatchObject({ sign: null, reject: 'signingBegun' });
  });

  it('may do nothing with a signed text', () => {
    const signed = proposal({ status: 'signed', accepted: base.parties, signed: base.parties });
    expect(Object.values(movesFor(signed, 'alpha'))).toEqual(['closed', 'closed', 'closed', 'closed']);
  });
});

const entry = (seq: number, kind: JournalEntry['kind'], by: string | null, ref = 'proposal-7'): JournalEntry => ({
  seq,
  at: seq,
  kind,
  audience: { kind: 'public' },
  by,
  to: [],
  ref,
  note: null,
  deniable: false,
});

describe('the version a delegation last accepted', () => {
  it('counts the amendments before its acceptance', () => {
    const timeline = [
      entry(7, 'proposal.created', 'alpha'),
      entry(8, 'proposal.accepted', 'bravo'),
      entry(9, 'proposal.amended', 'alpha'),
      entry(10, 'proposal.accepted', 'alpha'),
      entry(11, 'proposal.accepted', 'bravo', 'proposal-99'),
      entry(12, 'proposal.amended', 'charlie'),
    ];
    expect(lastAcceptedVersion(timeline, 'proposal-7', 'bravo')).toBe(1);
    expect(lastAcceptedVersion(timeline, 'proposal-7', 'alpha')).toBe(2);
    expect(lastAcceptedVersion(timeline, 'proposal-7', 'charlie')).toBeNull();
  });

  it('compares with the accepted version when the text changed since, else with the version before', () => {
    const v3 = proposal({ version: 3 });
    expect(defaultBaseline(v3, 1)).toBe(1);
    expect(defaultBaseline(v3, 3)).toBe(2);
    expect(defaultBaseline(v3, null)).toBe(2);
    expect(defaultBaseline(base, null)).toBeNull();
  });
});

describe('which clauses changed since a version', () => {
  const p = proposal({
    version: 5,
    clauses: [
      { id: 'a', text: 'First, amended.' },
      { id: 'b', text: 'Second.' },
      { id: 'added-20', text: 'A new third clause, amended.' },
    ],
    history: [
      amendment(2, 'bravo', 'a', 'First, amended.', 'First.'),
      amendment(3, 'charlie', 'added-20', 'A new third clause.'),
      amendment(4, 'alpha', 'added-20', 'A new third clause, amended.', 'A new third clause.'),
      amendment(5, 'bravo', 'c', null, 'Third.'),
    ],
  });

  it('marks amended and added clauses with who changed them and lists removed clauses', () => {
    const changes = changesSince(p, 1);
    expect([...changes.clauses]).toEqual([
      ['a', { kind: 'amended', by: ['bravo'], version: 2 }],
      ['added-20', { kind: 'added', by: ['charlie', 'alpha'], version: 4 }],
    ]);
    expect(changes.removed).toEqual([{ id: 'c', by: 'bravo', version: 5 }]);
  });

  it('counts only changes after the version compared with', () => {
    const changes = changesSince(p, 3);
    expect([...changes.clauses]).toEqual([['added-20', { kind: 'amended', by: ['alpha'], version: 4 }]]);
    expect(changesSince(p, 5)).toEqual({ clauses: new Map(), removed: [] });
  });

  it('does not list a clause both added and removed since the version', () => {
    const gone = proposal({
      version: 3,
      history: [amendment(2, 'bravo', 'added-9', 'Short-lived.'), amendment(3, 'alpha', 'added-9', null)],
    });
    expect(changesSince(gone, 1).removed).toEqual([]);
    expect(changesSince(gone, 2).removed).toEqual([{ id: 'added-9', by: 'alpha', version: 3 }]);
  });

  it("tells a clause's earlier text from the versions remembered, else from the history", () => {
    expect(textAt(p, 'added-20', 3, undefined)).toBe('A new third clause.');
    expect(textAt(p, 'a', 1, undefined)).toBe('First.');
    expect(textAt(p, 'added-20', 2, undefined)).toBeNull();
    expect(textAt(p, 'b', 1, undefined)).toBeUndefined();
    expect(textAt(p, 'a', 1, base.clauses)).toBe('First.');
    expect(textAt(p, 'added-20', 1, base.clauses)).toBeNull();
    expect(clauseNumber(p, 'added-20')).toBe(3);
    expect(clauseNumber(p, 'c')).toBeNull();
  });
});

describe('the versions this browser has seen', () => {
  it('keeps the first text of each version, across a reload of the page', () => {
    const data = new Map<string, string>();
    const store: TextStore = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
    const memory = createVersionMemory(store, 'texts');
    memory.remember([base]);
    memory.remember([proposal({ clauses: [{ id: 'a', text: 'Changed in place?' }] })]);
    memory.remember([proposal({ version: 2, clauses: [{ id: 'a', text: 'Second version.' }] })]);
    const reloaded = createVersionMemory(store, 'texts');
    expect(reloaded.clausesAt('proposal-7', 1)).toEqual(base.clauses);
    expect(reloaded.clausesAt('proposal-7', 2)).toEqual([{ id: 'a', text: 'Second version.' }]);
    expect(reloaded.clausesAt('proposal-7', 3)).toBeUndefined();
    expect(createVersionMemory(null, 'texts').clausesAt('proposal-7', 1)).toBeUndefined();
  });
});

describe('a word-level comparison of two texts', () => {
  it('shows struck and inserted words and gives back both texts', () => {
    const before = 'Costs are settled after the crisis.';
    const after = 'Costs are shared equally after the crisis ends.';
    const parts = diffWords(before, after);
    expect(parts).toEqual([
      { kind: 'same', text: 'Costs are ' },
      { kind: 'removed', text: 'settled ' },
      { kind: 'added', text: 'shared equally ' },
      { kind: 'same', text: 'after the ' },
      { kind: 'removed', text: 'crisis.' },
      { kind: 'added', text: 'crisis ends.' },
    ]);
    const side = (kind: string) => parts.filter((p) => p.kind !== kind).map((p) => p.text);
    expect(side('added').join('')).toBe(before);
    expect(side('removed').join('')).toBe(after);
    expect(hasChanges(parts)).toBe(true);
    expect(hasChanges(diffWords(before, before))).toBe(false);
  });
});

describe('a new clause id in a draft', () => {
  it('is unlike every id taken', () => {
    expect(freshClauseId(['a', 'b'])).toBe('clause-3');
    expect(freshClauseId(['clause-2', 'clause-3'])).toBe('clause-4');
  });
});

describe('the direction of a clause text', () => {
  it('follows its first letter', () => {
    expect(directionOf('« Les signataires »')).toBe('ltr');
    expect(directionOf('1. يتعهد الموقعون')).toBe('rtl');
    expect(directionOf('— 42 —')).toBeNull();
  });
});

describe("a proposal's life", () => {
  it('tells its versions from the history and the answers from the journal, oldest first', () => {
    const p = proposal({
      version: 2,
      status: 'agreed',
      accepted: ['alpha', 'bravo', 'charlie'],
      history: [amendment(2, 'alpha', 'b', 'Second, amended.')],
    });
    const note = (e: JournalEntry, text: string): JournalEntry => ({ ...e, note: text });
    const timeline = [
      entry(7, 'proposal.created', 'alpha'),
      note(entry(8, 'proposal.rejected', 'bravo'), 'Vague'),
      entry(9, 'proposal.amended', 'alpha'),
      entry(10, 'proposal.accepted', 'alpha'),
      entry(11, 'proposal.accepted', 'bravo'),
      entry(12, 'proposal.accepted', 'charlie'),
      entry(13, 'proposal.agreed', null),
      entry(14, 'proposal.signed', 'bravo'),
      entry(15, 'proposal.accepted', 'bravo', 'proposal-99'),
    ];
    expect(momentsOf(p, timeline)).toEqual([
      { kind: 'created', at: 0, version: 1, by: 'alpha' },
      { kind: 'rejected', at: 8, version: 1, by: 'bravo', reason: 'Vague' },
      { kind: 'amended', at: 2000, version: 2, by: 'alpha', number: 2 },
      { kind: 'accepted', at: 10, version: 2, by: 'alpha' },
      { kind: 'accepted', at: 11, version: 2, by: 'bravo' },
      { kind: 'accepted', at: 12, version: 2, by: 'charlie' },
      { kind: 'agreed', at: 13, version: 2 },
      { kind: 'signed', at: 14, version: 2, by: 'bravo' },
    ]);
  });
});
