/**
 * What each role sees (what the client renders). A view is a projection of the state for one role: a delegation
 * never receives another delegation's secrets, observers get the public picture only, evaluators the views of the
 * delegations they watch plus their rule ledger, the facilitator everything.
 */
import type { Action, Delegation, GroupChannel, Inject, LocalizedText, Template } from '../scenario/schema.ts';
import type { ActorKind, RuleMode, Visibility } from '../scenario/vocabulary.ts';
import type {
  Assessment,
  AssistanceItem,
  Change,
  Delivery,
  ExerciseStatus,
  GameMs,
  InjectEdits,
  InjectStatus,
  JournalEntry,
  LedgerEntry,
  Message,
  Observation,
  Ping,
  Proposal,
} from './types.ts';

export type ScenarioCard = {
  readonly id: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly languages: readonly string[];
  readonly fallbackLanguage: string;
};

export type ClockView = {
  readonly now: GameMs;
  readonly status: ExerciseStatus;
  readonly speed: number;
  readonly startedAt: GameMs | null;
  readonly timeLimitAt: GameMs | null;
};

export type PartyCard = {
  readonly id: string;
  readonly name: LocalizedText;
  readonly kind: ActorKind;
  readonly seated: boolean;
  /** A delegation's public briefing, or a simulated party's description. */
  readonly briefing: LocalizedText | null;
  readonly color: string | null;
};

export type PhaseCard = {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText | null;
  readonly enteredAt: GameMs;
  /** When the time box runs out (advisory when the phase has no onTimeout). */
  readonly timeboxEndsAt: GameMs | null;
};

export type VariableView = {
  readonly id: string;
  readonly label: LocalizedText;
  readonly description: LocalizedText | null;
  readonly scope: 'world' | 'pair';
  readonly min: number;
  readonly max: number;
  /** The world value, or a per-pair variable's overall value; null when the viewer may not see it. */
  readonly value: number | null;
  readonly pairs: readonly { readonly between: readonly [string, string]; readonly value: number }[];
};

/** An action as a viewer sees it: a deniable action's author is hidden (null) from all but the author and control. */
export type ActionView = {
  readonly seq: number;
  readonly at: GameMs;
  readonly action: string;
  readonly label: LocalizedText;
  readonly by: string | null;
  readonly targets: readonly string[];
  readonly params: Readonly<Record<string, string | number>>;
  readonly visibility: Visibility;
  readonly deniable: boolean;
  readonly rung: number;
  readonly simulated: boolean;
  /** Only in the facilitator's view. */
  readonly changes?: readonly Change[];
};

export type RulingView = {
  readonly seq: number;
  readonly at: GameMs;
  readonly text: string;
  readonly phase: string | null;
  readonly changes?: readonly Change[];
};

export type DeadlineView = {
  readonly id: string;
  readonly rule: string;
  readonly title: LocalizedText;
  readonly party: string;
  readonly counterpart: string;
  readonly action: string;
  readonly openedAt: GameMs;
  readonly dueAt: GameMs;
  readonly status: 'open' | 'met' | 'missed';
  readonly closedAt: GameMs | null;
};

export type EndingView = {
  readonly id: string | null;
  readonly title: LocalizedText | null;
  readonly narrative: LocalizedText | null;
  readonly tone: 'positive' | 'mixed' | 'negative' | null;
  readonly how: 'condition' | 'transition' | 'timeout' | 'time-limit' | 'facilitator';
  readonly at: GameMs;
};

/** A catalogue action the delegation may take, with the rules that would tell it something (block or warn). */
export type CatalogueEntry = Action & {
  readonly rules: readonly { readonly id: string; readonly title: LocalizedText; readonly mode: RuleMode }[];
};

export type PublicPicture = {
  readonly scenario: ScenarioCard;
  readonly clock: ClockView;
  readonly phases: readonly PhaseCard[];
  readonly parties: readonly PartyCard[];
  readonly injects: readonly Delivery[];
  readonly messages: readonly Message[];
  readonly actions: readonly ActionView[];
  readonly variables: readonly VariableView[];
  readonly rulings: readonly RulingView[];
  readonly timeline: readonly JournalEntry[];
  readonly ending: EndingView | null;
};

export type ObserverView = PublicPicture & { readonly role: 'observer' };

export type DelegationView = PublicPicture & {
  readonly role: 'delegation';
  readonly delegation: string;
  readonly seat: string | null;
  /** The delegation's seats (chairs at the table), to say who wrote a team note. */
  readonly seats: Delegation['seats'];
  readonly briefing: LocalizedText;
  readonly assessments: readonly Assessment[];
  readonly pings: readonly Ping[];
  readonly assistance: readonly AssistanceItem[];
  readonly deadlines: readonly DeadlineView[];
  readonly proposals: readonly Proposal[];
  readonly ladder: { readonly current: number; readonly highest: number } | null;
  readonly breaches: readonly LedgerEntry[];
  readonly catalogue: readonly CatalogueEntry[];
  readonly templates: readonly Template[];
  readonly channels: readonly GroupChannel[];
};

export type EvaluatorView = PublicPicture & {
  readonly role: 'evaluator';
  readonly watching: readonly string[];
  readonly delegations: readonly DelegationView[];
  /** Every ledger entry (breaches of any mode, deadlines met and missed) of the watched delegations. */
  readonly ledger: readonly LedgerEntry[];
  /** Observations on the watched delegations, and general ones. */
  readonly observations: readonly Observation[];
  readonly objectives: readonly ObjectiveCard[];
  readonly rules: readonly RuleCard[];
};

export type MselEntry = {
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: InjectStatus;
  readonly trigger: 'at' | 'onEnter' | 'when' | 'manual';
  readonly dueAt: GameMs | null;
  readonly settledAt: GameMs | null;
  readonly phase: string | null;
  readonly to: 'all' | readonly string[];
  readonly edits: InjectEdits;
  /** The expected player action, the objective tested and the notes to the facilitator, from the MSEL. */
  readonly expects: Inject['expects'] | null;
  readonly objective: string | null;
  readonly notes: LocalizedText | null;
  /** The inject's text as it will be (or was) delivered, edits included (Markdown). */
  readonly body: LocalizedText;
};

/** An exercise objective, with the norms and CBMs it exercises (for observations and the review). */
export type ObjectiveCard = {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText | null;
  readonly norms: readonly string[];
  readonly cbms: readonly number[];
};

/** A confidence-building rule as control sees it (any mode), to name the rule of a ledger entry. */
export type RuleCard = {
  readonly id: string;
  readonly title: LocalizedText;
  readonly type: 'precondition' | 'deadline';
  readonly mode: RuleMode;
  readonly norms: readonly string[];
  readonly cbms: readonly number[];
};

/** A simulated party the facilitator plays, with the catalogue actions it may take. */
export type ActorCard = { readonly id: string; readonly actions: readonly CatalogueEntry[] };

/** A phase of the scenario (any depth), for choosing where adjudication moves play. */
export type PhaseOutline = { readonly id: string; readonly title: LocalizedText; readonly depth: number };

/** An ending the facilitator may declare. */
export type EndingCard = {
  readonly id: string;
  readonly title: LocalizedText;
  readonly tone: 'positive' | 'mixed' | 'negative';
  readonly default: boolean;
};

export type FacilitatorView = PublicPicture & {
  readonly role: 'facilitator';
  readonly delegations: readonly DelegationView[];
  readonly msel: readonly MselEntry[];
  readonly actors: readonly ActorCard[];
  /** Every phase of the scenario, in order. */
  readonly outline: readonly PhaseOutline[];
  readonly endings: readonly EndingCard[];
  readonly objectives: readonly ObjectiveCard[];
  readonly rules: readonly RuleCard[];
  readonly ledger: readonly LedgerEntry[];
  readonly deadlines: readonly DeadlineView[];
  readonly assessments: readonly Assessment[];
  readonly pings: readonly Ping[];
  readonly assistance: readonly AssistanceItem[];
  readonly proposals: readonly Proposal[];
  readonly ladder: Readonly<Record<string, { readonly current: number; readonly highest: number }>>;
  readonly ruleModes: Readonly<Record<string, RuleMode>>;
  readonly nextTimerAt: GameMs | null;
  /** Every observation recorded by evaluators and the facilitator. */
  readonly observations: readonly Observation[];
};

export type View = ObserverView | DelegationView | EvaluatorView | FacilitatorView;
