/**
 * The scenario format, version 1: one definition from which the TypeScript types, the validator's shape checks and
 * `scenarios/scenario.schema.json` (for trainers' editors) are all derived. Cross-references (ids that must resolve,
 * reachability) are checked by the validator, not here.
 *
 * Times in a scenario are minutes of game time from the start of play.
 */
import { z } from 'zod';
import {
  ACTION_CHANNELS,
  ACTOR_KINDS,
  CONFIDENCE_LEVELS,
  DELEGATION_KINDS,
  INJECT_CHANNELS,
  MAX_RUNG,
  OSCE_CBM_KEYS,
  RULE_MODES,
  SEVERITY_MAX,
  SEVERITY_MIN,
  UN_NORM_KEYS,
  VISIBILITIES,
} from './vocabulary.ts';

// ─── Primitives ────────────────────────────────────────────────────────────────────────────────────────────────────

export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'an id: lower-case letters, digits, "-" or "_", starting with a letter')
  .describe('Identifier: lower-case letters, digits, "-" or "_", starting with a letter (max 64).');

/** An action reference: a catalogue action id or a built-in such as `poc.ping`. */
export const ActionRef = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}(\.[a-z][a-z0-9_-]{0,63})?$/, 'an action id or a built-in such as "poc.ping"')
  .describe('A catalogue action id, or a built-in action: assess, poc.ping, poc.ack, assistance.request, ...');

export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as "en", "fr", "es" or "ar"');

/** Text shown to people: either one string (in the fallback language) or a map of language code to text. */
export const LocalizedText = z
  .union([z.string().min(1), z.record(LanguageCode, z.string().min(1))])
  .describe(
    'Text, or a map of language code to text, e.g. { en: "Grid alert", fr: "Alerte réseau" }. Markdown where noted.',
  );

const Minutes = z
  .number()
  .min(0)
  .max(24 * 60)
  .describe('Minutes of game time.');
const PositiveMinutes = z
  .number()
  .positive()
  .max(24 * 60)
  .describe('Minutes of game time (> 0).');

export const UnNormKey = z.enum(UN_NORM_KEYS as [string, ...string[]]).describe('UN GGE 2015 norm, a–k');
export const CbmKey = z
  .number()
  .int()
  .refine((n) => (OSCE_CBM_KEYS as number[]).includes(n), 'an OSCE ICT CBM number from 1 to 16')
  .describe('OSCE ICT confidence-building measure, 1–16');

const Tags = {
  norms: z.array(UnNormKey).default([]).describe('UN norms (a–k) this item exercises.'),
  cbms: z.array(CbmKey).default([]).describe('OSCE CBMs (1–16) this item exercises.'),
};

/** A party in a condition or effect: a delegation or actor id, or a binding: the acting party or its target. */
export const PartyRef = z
  .string()
  .regex(/^(\$actor|\$target|\$signatory|[a-z][a-z0-9_-]{0,63})$/, 'a delegation or actor id, or $actor / $target')
  .describe('A delegation or actor id; in rules and action effects also $actor (who acts) or $target (whom at).');

// ─── Conditions ────────────────────────────────────────────────────────────────────────────────────────────────────

const Comparison = {
  gt: z.number().optional(),
  gte: z.number().optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
  eq: z.number().optional(),
};

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | {
      var: string;
      pair?: [string, string] | undefined;
      gt?: number;
      gte?: number;
      lt?: number;
      lte?: number;
      eq?: number;
    }
  | {
      action: string | string[];
      by?: string | string[] | undefined;
      to?: string | undefined;
      atLeast?: number;
      atMost?: number;
    }
  | { phase: string }
  | { elapsed: { gt?: number; gte?: number; lt?: number; lte?: number; eq?: number }; since?: string | undefined }
  | { released: string }
  | { signed: string; by?: string[] | undefined }
  | { breached: string; by?: string | undefined; atLeast?: number }
  | {
      assessed: string;
      severity?: { gt?: number; gte?: number; lt?: number; lte?: number; eq?: number } | undefined;
      suspect?: string | undefined;
      confidence?: (typeof CONFIDENCE_LEVELS)[number] | undefined;
    };

const ComparisonObject = z.strictObject(Comparison);

/**
 * A condition is an object with exactly one leading key saying what it tests. All comparisons given must hold.
 * Variables without `pair` on a per-pair variable test its overall value (see `overall`).
 */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }).describe('Every condition in the list holds.'),
    z.strictObject({ any: z.array(Condition).min(1) }).describe('At least one condition in the list holds.'),
    z.strictObject({ not: Condition }).describe('The condition does not hold.'),
    z
      .strictObject({ var: Id, pair: z.tuple([PartyRef, PartyRef]).optional(), ...Comparison })
      .describe('A world variable compared with numbers, e.g. { var: public_pressure, gte: 7 }.'),
    z
      .strictObject({
        action: z.union([ActionRef, z.array(ActionRef).min(1)]),
        by: z.union([PartyRef, z.array(PartyRef).min(1)]).optional(),
        to: PartyRef.optional(),
        atLeast: z.number().int().min(0).default(1),
        atMost: z.number().int().min(0).optional(),
      })
      .describe('How often an action (any of a list) was taken, optionally by whom and towards whom.'),
    z.strictObject({ phase: Id }).describe('The phase is active (nested phases: any ancestor counts too).'),
    z
      .strictObject({ elapsed: ComparisonObject, since: Id.optional() })
      .describe('Minutes of game time since the start, or since entering phase `since` (false if not active).'),
    z.strictObject({ released: Id }).describe('The inject has been delivered.'),
    z
      .strictObject({ signed: Id, by: z.array(PartyRef).optional() })
      .describe('A text from this negotiation template has been signed by all its parties (and by these, if given).'),
    z
      .strictObject({ breached: Id, by: PartyRef.optional(), atLeast: z.number().int().min(1).default(1) })
      .describe('A confidence-building rule was breached (by this party, if given).'),
    z
      .strictObject({
        assessed: PartyRef,
        severity: ComparisonObject.optional(),
        suspect: PartyRef.optional(),
        confidence: z.enum(CONFIDENCE_LEVELS).optional(),
      })
      .describe("A delegation's latest assessment: severity, suspected party, confidence at least this level."),
  ]),
);

// ─── Effects ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const Effect = z
  .strictObject({
    var: Id,
    pair: z.tuple([PartyRef, PartyRef]).optional().describe('For per-pair variables: which pair.'),
    add: z.number().optional(),
    set: z.number().optional(),
  })
  .refine((e) => (e.add === undefined) !== (e.set === undefined), 'exactly one of "add" or "set"')
  .describe('A change to a world variable, clamped to its range. $target applies it once per target.');
export type Effect = z.infer<typeof Effect>;

// ─── Metadata and objectives ───────────────────────────────────────────────────────────────────────────────────────

export const Objective = z.strictObject({
  id: Id,
  title: LocalizedText,
  description: LocalizedText.optional(),
  ...Tags,
});
export type Objective = z.infer<typeof Objective>;

// ─── Parties ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const Seat = z.strictObject({
  id: Id,
  title: LocalizedText.describe('The seat\'s function, e.g. "Foreign ministry" or "National CERT".'),
});

export const Delegation = z.strictObject({
  id: Id,
  name: LocalizedText,
  kind: z.enum(DELEGATION_KINDS),
  seats: z.array(Seat).min(1).max(8).describe('Chairs at the table for this delegation (one join code each).'),
  briefing: z.strictObject({
    public: LocalizedText.describe('What everyone knows about this party (Markdown).'),
    private: LocalizedText.describe('What only this delegation knows: interests, constraints, secrets (Markdown).'),
  }),
  actions: z.array(Id).describe('Catalogue actions this delegation may take (built-ins are always available).'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional()
    .describe('Display colour, e.g. "#2b6cb0".'),
});
export type Delegation = z.infer<typeof Delegation>;

export const Actor = z
  .strictObject({
    id: Id,
    name: LocalizedText,
    kind: z.enum(ACTOR_KINDS),
    description: LocalizedText.optional(),
    actions: z.array(Id).default([]).describe('Catalogue actions the facilitator may take as this actor.'),
  })
  .describe('A simulated party with no seat, played by the facilitator.');
export type Actor = z.infer<typeof Actor>;

export const GroupChannel = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    members: z.array(Id).min(2).describe('Delegation ids.'),
  })
  .describe('A standing group channel (bilateral channels between any two parties always exist).');
export type GroupChannel = z.infer<typeof GroupChannel>;

// ─── World variables ───────────────────────────────────────────────────────────────────────────────────────────────

export const Variable = z
  .strictObject({
    id: Id,
    label: LocalizedText,
    description: LocalizedText.optional(),
    scope: z.enum(['world', 'pair']).default('world').describe('"pair": one value per pair of parties.'),
    min: z.number(),
    max: z.number(),
    initial: z.number(),
    pairs: z
      .array(z.strictObject({ between: z.tuple([Id, Id]), initial: z.number() }))
      .default([])
      .describe('For scope "pair": initial values that differ from `initial`.'),
    overall: z
      .enum(['max', 'mean', 'min'])
      .default('max')
      .describe('For scope "pair": how the overall value is derived from the pairs.'),
    visibility: z
      .enum(['public', 'parties', 'facilitator'])
      .default('public')
      .describe('"parties": a pair value only to the two parties; "facilitator": control only.'),
  })
  .refine((v) => v.min < v.max, { message: '"min" must be below "max"', path: ['max'] })
  .refine((v) => v.initial >= v.min && v.initial <= v.max, {
    message: '"initial" must lie between "min" and "max"',
    path: ['initial'],
  });
export type Variable = z.infer<typeof Variable>;

// ─── Phases ────────────────────────────────────────────────────────────────────────────────────────────────────────

export const Transition = z
  .strictObject({
    to: Id.optional().describe('Target phase id.'),
    end: Id.optional().describe('Ending id: play ends with this ending.'),
    when: Condition,
    label: LocalizedText.optional(),
  })
  .refine((t) => (t.to === undefined) !== (t.end === undefined), 'exactly one of "to" (a phase) or "end" (an ending)');
export type Transition = z.infer<typeof Transition>;

export type Phase = {
  id: string;
  title: z.infer<typeof LocalizedText>;
  description?: z.infer<typeof LocalizedText> | undefined;
  timebox?: number | undefined;
  onTimeout?: { to?: string | undefined; end?: string | undefined } | undefined;
  transitions: Transition[];
  initial?: string | undefined;
  phases: Phase[];
};

export type PhaseInput = Omit<Phase, 'transitions' | 'phases'> & {
  transitions?: z.input<typeof Transition>[] | undefined;
  phases?: PhaseInput[] | undefined;
};

export const Phase: z.ZodType<Phase, PhaseInput> = z.lazy(() =>
  z.strictObject({
    id: Id,
    title: LocalizedText,
    description: LocalizedText.optional(),
    timebox: PositiveMinutes.optional().describe('Expected length of the phase in game minutes.'),
    onTimeout: z
      .strictObject({ to: Id.optional(), end: Id.optional() })
      .refine((t) => (t.to === undefined) !== (t.end === undefined), 'exactly one of "to" or "end"')
      .optional()
      .describe('Where play goes when the time box runs out; without it the time box is advisory.'),
    transitions: z.array(Transition).default([]),
    initial: Id.optional().describe('For a phase with sub-phases: the first one (default: the first listed).'),
    phases: z.array(Phase).default([]).describe('Sub-phases (a nested statechart).'),
  }),
);

// ─── Injects (the MSEL) ────────────────────────────────────────────────────────────────────────────────────────────

export const Indicator = z.strictObject({
  type: z.enum(['ip', 'domain', 'url', 'hash', 'email', 'cve', 'asn', 'file', 'other']),
  value: z.string().min(1),
  note: z.string().optional(),
});

export const Inject = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    at: Minutes.optional().describe('Trigger: at this game minute.'),
    onEnter: Id.optional().describe('Trigger: when this phase is entered.'),
    when: Condition.optional().describe('Trigger: as soon as this condition holds.'),
    manual: z.literal(true).optional().describe('Trigger: held for the facilitator to release.'),
    delay: Minutes.default(0).describe('Minutes after the onEnter/when trigger.'),
    phase: Id.optional().describe('Only delivered while this phase is active; lapses otherwise.'),
    from: Id.optional().describe('Sending actor or delegation id (default: exercise control).'),
    to: z.union([z.literal('all'), z.array(Id).min(1)]).describe('"all" delegations, or a list of delegation ids.'),
    channel: z.enum(INJECT_CHANNELS),
    confidence: z.enum(CONFIDENCE_LEVELS).optional().describe('For intelligence reports: the assessed confidence.'),
    indicators: z.array(Indicator).default([]).describe('For CERT bulletins: indicators of compromise.'),
    body: LocalizedText.describe('The inject content (Markdown).'),
    expects: z
      .strictObject({
        text: LocalizedText,
        actions: z.array(ActionRef).default([]),
      })
      .optional()
      .describe('The expected player action (for evaluators).'),
    objective: Id.optional().describe('The objective this inject tests.'),
    notes: LocalizedText.optional().describe(
      'Notes to the facilitator (controller): when and how to release, what to watch for. Never shown to players.',
    ),
    effects: z.array(Effect).default([]).describe('Changes applied when the inject is delivered.'),
  })
  .refine(
    (i) =>
      [i.at !== undefined, i.onEnter !== undefined, i.when !== undefined, i.manual === true].filter(Boolean).length ===
      1,
    'exactly one trigger: "at", "onEnter", "when" or "manual: true"',
  )
  .refine((i) => i.channel !== 'intel' || i.confidence !== undefined, {
    message: 'an intelligence report needs a "confidence" (low, medium, high)',
    path: ['confidence'],
  });
export type Inject = z.infer<typeof Inject>;

// ─── Action catalogue ──────────────────────────────────────────────────────────────────────────────────────────────

export const ActionParam = z.strictObject({
  id: Id,
  label: LocalizedText,
  type: z.enum(['text', 'choice', 'number', 'confidence']),
  options: z.array(Id).optional().describe('For "choice".'),
  min: z.number().optional(),
  max: z.number().optional(),
  required: z.boolean().default(false),
});

export const Action = z
  .strictObject({
    id: Id,
    label: LocalizedText,
    description: LocalizedText.optional(),
    command: z.enum(['act', 'signal']).describe('"act": operational/technical; "signal": a diplomatic signal.'),
    channel: z.enum(ACTION_CHANNELS),
    visibility: z.enum(VISIBILITIES),
    targets: z
      .strictObject({
        min: z.number().int().min(0).default(0),
        max: z.number().int().min(0).default(0),
        kinds: z.array(z.enum(ACTOR_KINDS)).optional().describe('Which kinds of party may be targeted.'),
      })
      .default({ min: 0, max: 0 })
      .describe('How many parties the action is aimed at.'),
    params: z.array(ActionParam).default([]),
    effects: z.array(Effect).default([]),
    rung: z.number().int().min(0).max(MAX_RUNG).describe('Escalation ladder rung, 0 (monitor) … 9 (self-defence).'),
    deniable: z.boolean().default(false),
    ...Tags,
  })
  .refine((a) => a.targets.min <= a.targets.max, {
    message: 'targets.min must not exceed targets.max',
    path: ['targets'],
  })
  .refine((a) => a.visibility !== 'bilateral' || a.targets.max === 1, {
    message: 'a bilateral action has exactly one target (targets.max: 1)',
    path: ['visibility'],
  });
export type Action = z.infer<typeof Action>;

// ─── Confidence-building rules ─────────────────────────────────────────────────────────────────────────────────────

const RuleBase = {
  id: Id,
  title: LocalizedText,
  description: LocalizedText.optional(),
  cost: z.array(Effect).default([]).describe('What a breach costs; $actor is the party in breach.'),
  ...Tags,
};

export const PreconditionRule = z
  .strictObject({
    ...RuleBase,
    type: z.literal('precondition'),
    on: z.array(ActionRef).min(1).describe('Actions this rule checks.'),
    requires: Condition.describe('Must hold before the action; $actor and $target are bound.'),
    mode: z.enum(RULE_MODES).default('warn'),
  })
  .describe('Before one of `on` is taken, `requires` must hold, or the rule blocks, warns or records a breach.');

export const DeadlineRule = z
  .strictObject({
    ...RuleBase,
    type: z.literal('deadline'),
    on: z.array(ActionRef).min(1).describe('Actions that open a deadline for their target.'),
    satisfiedBy: z.array(ActionRef).min(1).describe('Actions by the target, towards the opener, that meet it.'),
    within: PositiveMinutes,
    mode: z.enum(['warn', 'record']).default('warn').describe('"warn": the party is reminded before expiry.'),
  })
  .describe('When A takes one of `on` towards B, B must answer with one of `satisfiedBy` within `within` minutes.');

export const Rule = z.discriminatedUnion('type', [PreconditionRule, DeadlineRule]);
export type Rule = z.infer<typeof Rule>;
export type PreconditionRule = z.infer<typeof PreconditionRule>;
export type DeadlineRule = z.infer<typeof DeadlineRule>;

// ─── Negotiation templates ─────────────────────────────────────────────────────────────────────────────────────────

export const Template = z.strictObject({
  id: Id,
  title: LocalizedText,
  kind: z.enum(['joint-statement', 'information-sharing', 'restraint-pledge', 'assistance-terms', 'other']),
  description: LocalizedText.optional(),
  clauses: z.array(z.strictObject({ id: Id, text: LocalizedText })).min(1),
  minParties: z.number().int().min(2).default(2),
  effects: z
    .array(Effect)
    .default([])
    .describe('Applied when every party has signed; a pair ($signatory, $signatory) means every pair of signatories.'),
  ...Tags,
});
export type Template = z.infer<typeof Template>;

// ─── Endings ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const Ending = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    narrative: LocalizedText.describe('Read out at the hot wash (Markdown).'),
    tone: z.enum(['positive', 'mixed', 'negative']).default('mixed'),
    when: Condition.optional().describe('Play ends here as soon as this holds (endings are checked in order).'),
    default: z.boolean().default(false).describe('The ending when time runs out and no other holds.'),
  })
  .describe('An outcome. Reached by its condition, by a phase transition with `end`, or as the default.');
export type Ending = z.infer<typeof Ending>;

// ─── The scenario ──────────────────────────────────────────────────────────────────────────────────────────────────

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1).describe('Scenario format version.'),
  id: Id,
  title: LocalizedText,
  summary: LocalizedText,
  languages: z.array(LanguageCode).min(1).describe('Languages this scenario is written in.'),
  fallbackLanguage: LanguageCode.describe("Used where a text lacks the reader's language."),
  durationMinutes: z
    .number()
    .int()
    .min(10)
    .max(8 * 60)
    .describe('Expected length of play in real minutes.'),
  timeLimit: PositiveMinutes.optional().describe('Game minute at which play ends with the default ending.'),
  level: z.enum(['introductory', 'intermediate', 'advanced']),
  authors: z.array(z.string()).default([]),
  objectives: z.array(Objective).min(1),
  delegations: z.array(Delegation).min(2).max(12),
  actors: z.array(Actor).default([]),
  channels: z.array(GroupChannel).default([]),
  variables: z.array(Variable).default([]),
  phases: z.array(Phase).min(1).describe('Top-level phases; the first is where play starts.'),
  injects: z.array(Inject).default([]),
  actions: z.array(Action).default([]),
  rules: z.array(Rule).default([]),
  templates: z.array(Template).default([]),
  endings: z.array(Ending).min(1),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
export type LocalizedText = z.infer<typeof LocalizedText>;

export { SEVERITY_MAX, SEVERITY_MIN };
