/**
 * The engine's data: events (what the log holds), the records an exercise accumulates, rule flags and refusals.
 * Everything here is plain JSON so that states and logs can be stored, sent and compared.
 */
import type { Command, ObservationRating } from '../protocol/commands.ts';
import type { Sender } from '../protocol/roles.ts';
import type { LocalizedText, Scenario } from '../scenario/schema.ts';
import type { Confidence, InjectChannel, RuleMode, Visibility } from '../scenario/vocabulary.ts';

/** Game time: integer milliseconds from the start of play. */
export type GameMs = number;
export const MINUTE: GameMs = 60_000;

// ─── Events ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** What a timer firing refers to. */
export type TimerRef =
  | { readonly kind: 'inject'; readonly inject: string }
  | { readonly kind: 'deadline'; readonly deadline: string }
  | { readonly kind: 'reminder'; readonly deadline: string }
  | { readonly kind: 'timebox'; readonly phase: string }
  | { readonly kind: 'condition' }
  | { readonly kind: 'timeLimit' };

export type TimerBody = { readonly type: 'timer.fire'; readonly timer: TimerRef };

/** What `decide` returns: a command (with its defaults) or a timer, before the host stamps it. */
export type EventBody = Command | TimerBody;

/**
 * What the host adds: position in the log, game time, who sent it (`role`: not `actor`, which `actor.act` uses for
 * the simulated party), the client's command id and any id the host generated.
 */
export type EventStamp = {
  readonly seq: number;
  readonly at: GameMs;
  readonly role: Sender;
  readonly commandId?: string | undefined;
  /** The id of what the event creates (ping-17, request-17, proposal-17, adhoc-17, observation-17...). */
  readonly id?: string | undefined;
};

export type ExerciseEvent = EventBody & EventStamp;
export type CommandEvent = Command & EventStamp;
export type TimerEvent = TimerBody & EventStamp;

export type ExerciseStatus = 'setup' | 'running' | 'paused' | 'ended';

export type ExerciseOptions = {
  readonly seed: number;
  /** Per-exercise rule modes, overriding the scenario's (a deadline rule takes only "warn" or "record"). */
  readonly ruleModes?: Readonly<Record<string, RuleMode>> | undefined;
};

// ─── Refusals and rule flags ────────────────────────────────────────────────────────────────────────────────────────

export type RefusalCode =
  | 'role'
  | 'status'
  | 'unknown'
  | 'not-allowed'
  | 'invalid'
  | 'state'
  | 'stale'
  | 'rule'
  | 'internal';

/** Raw values for a refusal's text: party, action, rule... ids and numbers (the reader's client names them). */
export type RefusalParams = Readonly<Record<string, string | number>>;

/**
 * Why a command was refused: a code, the English message (logs, CLI, API and the fallback keep it), and optionally a
 * stable message id (`key`, e.g. `status.paused`) with its raw `params`, for clients to say it in the reader's language.
 */
export type Refusal = {
  readonly code: RefusalCode;
  readonly message: string;
  readonly key?: string | undefined;
  readonly params?: RefusalParams | undefined;
};

/** A refusal, with its key and params when given (absent, not undefined, otherwise). */
export function refusalOf(code: RefusalCode, message: string, key?: string, params?: RefusalParams): Refusal {
  if (key === undefined) return { code, message };
  return params === undefined ? { code, message, key } : { code, message, key, params };
}

/** A resolved change to a world variable ($actor, $target... already replaced by party ids). */
export type Change = {
  readonly var: string;
  readonly pair?: readonly [string, string] | undefined;
  readonly add?: number | undefined;
  readonly set?: number | undefined;
};

/** A confidence-building rule an action breaches (or would breach), with what it costs. */
export type RuleFlag = {
  readonly rule: string;
  readonly mode: RuleMode;
  readonly party: string;
  readonly target: string | null;
  readonly action: string;
  readonly message: string;
  readonly norms: readonly string[];
  readonly cbms: readonly number[];
  readonly cost: readonly Change[];
};

export type Decision =
  | { readonly ok: true; readonly events: readonly EventBody[]; readonly flags: readonly RuleFlag[] }
  | { readonly ok: false; readonly refusal: Refusal };

// ─── Records ────────────────────────────────────────────────────────────────────────────────────────────────────────

type Indicator = Scenario['injects'][number]['indicators'][number];

export type InjectStatus = 'pending' | 'scheduled' | 'released' | 'skipped' | 'lapsed';

export type InjectEdits = {
  readonly title?: string | undefined;
  readonly body?: string | undefined;
  readonly to?: 'all' | readonly string[] | undefined;
  readonly at?: number | undefined;
};

export type InjectState = {
  readonly status: InjectStatus;
  readonly dueAt: GameMs | null;
  readonly settledAt: GameMs | null;
  readonly edits: InjectEdits;
};

/** An inject as delivered (scenario or ad hoc), with its recipients resolved. */
export type Delivery = {
  readonly id: string;
  readonly seq: number;
  readonly at: GameMs;
  readonly adhoc: boolean;
  readonly title: LocalizedText;
  readonly body: LocalizedText;
  readonly channel: InjectChannel;
  readonly from: string | null;
  readonly to: readonly string[];
  readonly public: boolean;
  readonly confidence: Confidence | null;
  readonly indicators: readonly Indicator[];
};

export type Assessment = {
  readonly seq: number;
  readonly at: GameMs;
  readonly by: string;
  readonly severity: number;
  readonly suspect: string | null;
  readonly confidence: Confidence;
  readonly note: string | null;
};

export type Ping = {
  readonly id: string;
  readonly seq: number;
  readonly at: GameMs;
  readonly from: string;
  readonly to: string;
  readonly text: string;
  readonly ackedAt: GameMs | null;
  readonly ackText: string | null;
};

export type AssistanceItem = {
  readonly id: string;
  readonly kind: 'request' | 'offer';
  readonly seq: number;
  readonly at: GameMs;
  readonly from: string;
  readonly to: string;
  readonly text: string;
  /** For an offer answering a request: that request. */
  readonly request: string | null;
  /** For a request: how it was answered. */
  readonly answer: { readonly kind: 'offer' | 'decline'; readonly at: GameMs; readonly ref: string } | null;
};

export type MessageChannel =
  | { readonly kind: 'public' }
  | { readonly kind: 'group'; readonly group: string }
  | { readonly kind: 'bilateral'; readonly between: readonly [string, string] }
  /** A team note: the delegation's own seats (and exercise control) see it. */
  | { readonly kind: 'team'; readonly party: string }
  | { readonly kind: 'broadcast'; readonly all: boolean; readonly to: readonly string[] };

export type Message = {
  readonly id: string;
  readonly seq: number;
  readonly at: GameMs;
  /** A delegation id, or null for exercise control. */
  readonly from: string | null;
  readonly channel: MessageChannel;
  readonly text: string;
  /** The delegation seat that wrote it (team notes say who). */
  readonly seat?: string | undefined;
};

export type ActionRecord = {
  readonly seq: number;
  readonly at: GameMs;
  readonly action: string;
  readonly by: string;
  readonly simulated: boolean;
  readonly targets: readonly string[];
  readonly params: Readonly<Record<string, string | number>>;
  readonly visibility: Visibility;
  readonly deniable: boolean;
  readonly rung: number;
  readonly changes: readonly Change[];
};

export type ProposalStatus = 'open' | 'agreed' | 'signed';

export type Proposal = {
  readonly id: string;
  readonly seq: number;
  readonly at: GameMs;
  readonly template: string;
  readonly proposer: string;
  readonly parties: readonly string[];
  readonly clauses: readonly { readonly id: string; readonly text: LocalizedText }[];
  readonly version: number;
  readonly accepted: readonly string[];
  readonly rejected: readonly { readonly party: string; readonly reason: string | null }[];
  readonly signed: readonly string[];
  readonly status: ProposalStatus;
  readonly history: readonly {
    readonly version: number;
    readonly by: string;
    readonly at: GameMs;
    readonly clause: string;
    readonly text: string | null;
    /** The clause's text before this amendment (null for an added clause). */
    readonly was: LocalizedText | null;
  }[];
};

export type Deadline = {
  readonly id: string;
  readonly rule: string;
  readonly mode: 'warn' | 'record';
  readonly seq: number;
  readonly openedAt: GameMs;
  readonly dueAt: GameMs;
  readonly remindAt: GameMs | null;
  /** Who must answer. */
  readonly party: string;
  /** Whom they must answer. */
  readonly counterpart: string;
  /** The action that opened it. */
  readonly action: string;
};

export type LedgerEntry = {
  readonly seq: number;
  readonly at: GameMs;
  readonly kind: 'breach' | 'met' | 'missed';
  readonly rule: string;
  readonly mode: RuleMode;
  /** The party in breach, or the party that had to answer. */
  readonly party: string;
  readonly against: string | null;
  readonly action: string;
  readonly deadline: Deadline | null;
  readonly norms: readonly string[];
  readonly cbms: readonly number[];
  readonly cost: readonly Change[];
};

export type Ruling = {
  readonly seq: number;
  readonly at: GameMs;
  readonly text: string;
  readonly changes: readonly Change[];
  readonly phase: string | null;
};

/**
 * An evaluator's (or the facilitator's) observation, against an objective, an inject and a delegation (or general),
 * stamped at the game time it was recorded. Seen by the facilitator and by evaluators watching its delegation (every
 * evaluator for a general one); never by delegations or observers.
 */
export type Observation = {
  readonly id: string;
  readonly seq: number;
  readonly at: GameMs;
  readonly by: 'facilitator' | 'evaluator';
  readonly text: string;
  readonly objective: string | null;
  readonly inject: string | null;
  readonly delegation: string | null;
  readonly rating: ObservationRating | null;
};

/** Who may see a timeline entry. The facilitator sees everything. */
export type Audience =
  | { readonly kind: 'public' }
  | { readonly kind: 'parties'; readonly parties: readonly string[] }
  | { readonly kind: 'control'; readonly about: readonly string[] };

export type JournalKind =
  | 'exercise.started'
  | 'exercise.paused'
  | 'exercise.resumed'
  | 'exercise.ended'
  | 'clock.speed'
  | 'clock.jump'
  | 'phase.entered'
  | 'phase.timeout'
  | 'inject.delivered'
  | 'inject.lapsed'
  | 'inject.skipped'
  | 'inject.edited'
  | 'assessment'
  | 'ping.sent'
  | 'ping.acked'
  | 'assistance.requested'
  | 'assistance.offered'
  | 'assistance.declined'
  | 'message'
  | 'action'
  | 'proposal.created'
  | 'proposal.amended'
  | 'proposal.accepted'
  | 'proposal.rejected'
  | 'proposal.agreed'
  | 'proposal.signed'
  | 'proposal.concluded'
  | 'rule.breached'
  | 'deadline.opened'
  | 'deadline.reminder'
  | 'deadline.met'
  | 'deadline.missed'
  | 'variable.adjusted'
  | 'ruling'
  | 'observation.recorded';

/** One line of the exercise's timeline: what happened, who did it, whom it concerned, who may see it. */
export type JournalEntry = {
  readonly seq: number;
  readonly at: GameMs;
  readonly kind: JournalKind;
  readonly audience: Audience;
  /** Who acted: a party id, or null for exercise control / the system. */
  readonly by: string | null;
  readonly to: readonly string[];
  /** What it is about: an inject, ping, proposal, message, rule, phase, action or variable id. */
  readonly ref: string | null;
  /** A short text safe for the audience (a reason, a ruling, a note). */
  readonly note: string | null;
  /** The author is hidden from everyone but the author and control. */
  readonly deniable: boolean;
};
