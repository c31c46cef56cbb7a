/**
 * The command protocol: what participants and the facilitator ask of an exercise. Every command is a discriminated
 * union member `{ type: 'domain.verb', ...payload }`, validated with these zod schemas at the edge (the room) and
 * checked against role, scenario and rules by the engine (`decide`). Sizes are bounded here so that no message can
 * grow state without limit.
 */
import { z } from 'zod';
import { Effect, Id } from '../scenario/schema.ts';
import { CONFIDENCE_LEVELS, INJECT_CHANNELS, SEVERITY_MAX, SEVERITY_MIN } from '../scenario/vocabulary.ts';

import { LIMITS, OBSERVATION_RATINGS } from './limits.ts';

export { LIMITS, OBSERVATION_RATINGS, type ObservationRating } from './limits.ts';

const Text = z.string().trim().min(1, 'must not be empty').max(LIMITS.text);
const ShortText = z.string().trim().max(LIMITS.shortText);
const GeneratedId = z.string().min(1).max(64).describe('An id the host generated (ping, proposal, request...).');
const ParamValue = z.union([z.string().max(LIMITS.text), z.number().finite()]);
const Params = z
  .record(Id, ParamValue)
  .refine((p) => Object.keys(p).length <= LIMITS.params, `at most ${LIMITS.params} parameters`)
  .default({});
const Targets = z.array(Id).max(LIMITS.targets).default([]);

/**
 * Where a message goes: the public channel, a scenario group channel, a bilateral channel with a party, or the
 * sender's own team (team notes: seen by the delegation's seats and exercise control only).
 */
export const ChannelRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('public') }),
  z.strictObject({ kind: z.literal('team') }),
  z.strictObject({ kind: z.literal('group'), group: Id }),
  z.strictObject({ kind: z.literal('bilateral'), with: Id }),
]);
export type ChannelRef = z.infer<typeof ChannelRef>;

// ─── Participant (delegation) commands ─────────────────────────────────────────────────────────────────────────────

export const ParticipantCommand = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('assess'),
    severity: z.number().int().min(SEVERITY_MIN).max(SEVERITY_MAX),
    suspect: Id.nullable().default(null),
    confidence: z.enum(CONFIDENCE_LEVELS),
    note: ShortText.optional(),
  }),
  z.strictObject({ type: z.literal('action.take'), action: Id, targets: Targets, params: Params }),
  z.strictObject({ type: z.literal('signal.send'), action: Id, targets: Targets, params: Params }),
  z.strictObject({ type: z.literal('poc.ping'), to: Id, text: Text }),
  z.strictObject({ type: z.literal('poc.ack'), ping: GeneratedId, text: Text.optional() }),
  z.strictObject({ type: z.literal('assistance.request'), to: Id, text: Text }),
  z.strictObject({ type: z.literal('assistance.offer'), to: Id, request: GeneratedId.optional(), text: Text }),
  z.strictObject({ type: z.literal('assistance.decline'), request: GeneratedId, text: Text.optional() }),
  z.strictObject({ type: z.literal('message.send'), channel: ChannelRef, text: Text }),
  z.strictObject({
    type: z.literal('proposal.create'),
    template: Id,
    parties: z.array(Id).min(2).max(LIMITS.targets).describe('Every party, the proposer included.'),
    clauses: z
      .array(z.strictObject({ id: Id, text: Text }))
      .max(LIMITS.clauses)
      .optional()
      .describe("Initial clause texts; default: the template's."),
  }),
  z.strictObject({
    type: z.literal('proposal.amend'),
    proposal: GeneratedId,
    clause: Id.nullable().describe('Clause to change; null adds a new clause.'),
    text: Text.nullable().describe('New text; null removes the clause.'),
  }),
  z.strictObject({ type: z.literal('proposal.accept'), proposal: GeneratedId, version: z.number().int().min(1) }),
  z.strictObject({ type: z.literal('proposal.reject'), proposal: GeneratedId, reason: ShortText.optional() }),
  z.strictObject({ type: z.literal('proposal.sign'), proposal: GeneratedId }),
]);
export type ParticipantCommand = z.infer<typeof ParticipantCommand>;

// ─── Facilitator commands ──────────────────────────────────────────────────────────────────────────────────────────

const InjectContent = {
  title: ShortText.min(1),
  body: Text,
  channel: z.enum(INJECT_CHANNELS),
  to: z.union([z.literal('all'), z.array(Id).min(1).max(LIMITS.targets)]),
  from: Id.optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
};

export const FacilitatorCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('exercise.start') }),
  z.strictObject({ type: z.literal('exercise.pause') }),
  z.strictObject({ type: z.literal('exercise.resume') }),
  z.strictObject({ type: z.literal('clock.speed'), speed: z.number().min(0.25).max(60) }),
  z.strictObject({
    type: z.literal('clock.jump'),
    minutes: z
      .number()
      .positive()
      .max(24 * 60),
  }),
  z.strictObject({ type: z.literal('inject.release'), inject: Id }),
  z.strictObject({ type: z.literal('inject.skip'), inject: Id }),
  z.strictObject({
    type: z.literal('inject.edit'),
    inject: Id,
    changes: z
      .strictObject({
        title: InjectContent.title.optional(),
        body: InjectContent.body.optional(),
        to: InjectContent.to.optional(),
        at: z
          .number()
          .min(0)
          .max(24 * 60)
          .optional(),
      })
      .refine((c) => Object.keys(c).length > 0, 'at least one change'),
  }),
  z.strictObject({ type: z.literal('inject.write'), ...InjectContent }),
  z.strictObject({
    type: z.literal('variable.adjust'),
    var: Id,
    pair: z.tuple([Id, Id]).optional(),
    add: z.number().finite().optional(),
    set: z.number().finite().optional(),
    reason: ShortText.min(1),
  }),
  z.strictObject({
    type: z.literal('adjudicate'),
    ruling: Text,
    effects: z.array(Effect).max(LIMITS.params).default([]),
    phase: Id.optional().describe('Move play to this phase.'),
  }),
  z.strictObject({
    type: z.literal('broadcast'),
    to: z.union([z.literal('all'), z.array(Id).min(1).max(LIMITS.targets)]),
    text: Text,
  }),
  z.strictObject({ type: z.literal('actor.act'), actor: Id, action: Id, targets: Targets, params: Params }),
  z.strictObject({ type: z.literal('exercise.end'), ending: Id.optional(), note: ShortText.optional() }),
]);
export type FacilitatorCommand = z.infer<typeof FacilitatorCommand>;

// ─── Evaluator commands (the facilitator may send them too) ────────────────────────────────────────────────────────

export const EvaluatorCommand = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('observation.record'),
    text: Text,
    objective: Id.optional().describe('The exercise objective it is about.'),
    inject: Id.optional().describe('The inject it is about (a scenario inject or an ad hoc one).'),
    delegation: Id.optional().describe('The delegation observed; none for a general observation.'),
    rating: z.enum(OBSERVATION_RATINGS).nullable().default(null),
  }),
]);
export type EvaluatorCommand = z.infer<typeof EvaluatorCommand>;

export const Command = z.union([ParticipantCommand, FacilitatorCommand, EvaluatorCommand]);
export type Command = ParticipantCommand | FacilitatorCommand | EvaluatorCommand;
export type CommandType = Command['type'];

export const PARTICIPANT_COMMAND_TYPES = ParticipantCommand.options.map((o) => o.shape.type.value);
export const FACILITATOR_COMMAND_TYPES = FacilitatorCommand.options.map((o) => o.shape.type.value);
/** Commands of evaluators, which the facilitator may send as well. */
export const EVALUATOR_COMMAND_TYPES = EvaluatorCommand.options.map((o) => o.shape.type.value);
