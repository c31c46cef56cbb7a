/**
 * The exercise state: everything the reducer knows, as plain immutable JSON data. Growing collections use the
 * persistent structures of `persist.ts` so that applying an event stays cheap however long the log.
 */
import type { RuleMode } from '../scenario/vocabulary.ts';
import type { AppendList, PMap } from './persist.ts';
import type {
  ActionRecord,
  Assessment,
  AssistanceItem,
  Deadline,
  Delivery,
  ExerciseStatus,
  GameMs,
  InjectState,
  JournalEntry,
  LedgerEntry,
  Message,
  Observation,
  Ping,
  Proposal,
  Ruling,
} from './types.ts';

/** The XState state value of the phase statechart (plain JSON). */
export type PhaseValue = string | { readonly [phase: string]: PhaseValue };

export type PhaseState = {
  readonly value: PhaseValue | null;
  /** Active phases, ancestors included, outermost first. */
  readonly active: readonly string[];
  /** When each active phase was (last) entered. */
  readonly enteredAt: Readonly<Record<string, GameMs>>;
  /** Active phases whose time box already ran out during this stay. */
  readonly timedOut: readonly string[];
};

export type Vars = {
  readonly world: Readonly<Record<string, number>>;
  /** Per-pair variables: variable id → pair key ("a|b", ids sorted) → value. */
  readonly pairs: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Per-pair variables: the overall value (max, mean or min over every pair). */
  readonly overall: Readonly<Record<string, number>>;
};

/** How often a party took an action: in all, and towards each party (indexed like `CompiledScenario.partyIds`). */
export type PartyTally = { readonly n: number; readonly to: readonly number[] };
/** How often an action (catalogue id or built-in) was taken: in all, towards each party, and by each party. */
export type Tally = {
  readonly n: number;
  readonly to: readonly number[];
  readonly by: readonly (PartyTally | null)[];
};

export type BreachCount = { readonly n: number; readonly by: Readonly<Record<string, number>> };

/** How play ended: the ending reached (null if none applies), when, and by what. */
export type EndingReached = {
  readonly id: string | null;
  readonly at: GameMs;
  readonly how: 'condition' | 'transition' | 'timeout' | 'time-limit' | 'facilitator';
  readonly note: string | null;
};

/** The same as `EndingReached` (kept for modules that import it by this name; the index exports `EndingReached`). */
export type Ending = EndingReached;

export type ExerciseState = {
  /** The seq of the last applied event (0: none yet). */
  readonly seq: number;
  /** The game time of the last applied event. */
  readonly now: GameMs;
  readonly status: ExerciseStatus;
  readonly startedAt: GameMs | null;
  readonly speed: number;
  readonly seed: number;
  readonly ruleModes: Readonly<Record<string, RuleMode>>;
  readonly ending: EndingReached | null;
  readonly phase: PhaseState;
  readonly vars: Vars;
  readonly injects: Readonly<Record<string, InjectState>>;
  readonly deliveries: AppendList<Delivery>;
  readonly assessments: AppendList<Assessment>;
  readonly latestAssessment: Readonly<Record<string, Assessment>>;
  readonly pings: PMap<Ping>;
  readonly assistance: PMap<AssistanceItem>;
  readonly messages: AppendList<Message>;
  readonly actions: AppendList<ActionRecord>;
  /** Indexed like `CompiledScenario.refs` (catalogue actions, then built-ins). */
  readonly tallies: readonly (Tally | null)[];
  readonly ladder: Readonly<Record<string, { readonly current: number; readonly highest: number }>>;
  readonly proposals: PMap<Proposal>;
  readonly signed: Readonly<Record<string, readonly (readonly string[])[]>>;
  /** Open deadlines, in the order they were opened (few at a time: each closes within its rule's window). */
  readonly deadlines: readonly Deadline[];
  readonly ledger: AppendList<LedgerEntry>;
  readonly breaches: Readonly<Record<string, BreachCount>>;
  readonly rulings: AppendList<Ruling>;
  readonly journal: AppendList<JournalEntry>;
  /** Evaluators' and the facilitator's observations (control only). */
  readonly observations: AppendList<Observation>;
};

/** The reducer's working copy: a fresh shallow copy of the state whose fields are replaced, never mutated. */
export type Draft = { -readonly [K in keyof ExerciseState]: ExerciseState[K] };
