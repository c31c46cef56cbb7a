/**
 * What a trainer or facilitator sends to create things, as zod schemas (the HTTP layer validates bodies with them,
 * the service takes their output). Cross-references with the scenario (rule ids, delegation ids) are the service's.
 */
import { Id, POLICY_NAMES, RULE_MODES } from '@parley/shared';
import { z } from 'zod';
import { PASSPHRASE_MIN, SECRET_MAX } from './secrets.ts';

/** Control characters other than tab have no place in a title or label (and PostgreSQL refuses NUL). */
const hasControl = (s: string): boolean =>
  [...s].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return (code < 0x20 && c !== '\t') || code === 0x7f;
  });

const plain = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .refine((s) => !hasControl(s), `${what} must be one line of plain text`);

export const MAX_EVALUATORS = 12;
export const MAX_OBSERVERS = 20;
export const MAX_SEED = 0xffff_ffff;

export const CreateWorkshopInput = z.strictObject({ title: plain(120, 'the title') });
export type CreateWorkshopInput = z.infer<typeof CreateWorkshopInput>;

export const EvaluatorInput = z.strictObject({
  delegations: z
    .union([z.literal('all'), z.array(Id).min(1, 'name at least one delegation, or "all"').max(12)])
    .default('all')
    .describe('Which delegations this evaluator watches.'),
});

export const CreateExerciseInput = z.strictObject({
  scenarioId: Id.describe('A scenario id from GET /api/scenarios.'),
  label: plain(120, 'the label').optional().describe('A name for this table, e.g. "Table 3".'),
  workshopId: z.string().min(1).max(64).optional().describe('Attach to this workshop (needs its trainer token).'),
  facilitatorPassphrase: z
    .string()
    .min(PASSPHRASE_MIN, `a facilitator passphrase needs at least ${PASSPHRASE_MIN} characters`)
    .max(SECRET_MAX, `a facilitator passphrase must be at most ${SECRET_MAX} characters`)
    .optional()
    .describe('Default: a generated token, returned once.'),
  seed: z
    .number()
    .int('the seed must be a whole number')
    .min(0, `the seed must be from 0 to ${MAX_SEED}`)
    .max(MAX_SEED, `the seed must be from 0 to ${MAX_SEED}`)
    .optional(),
  ruleModes: z.record(Id, z.enum(RULE_MODES)).optional().describe('Per rule id: block, warn or record.'),
  evaluators: z
    .array(EvaluatorInput)
    .max(MAX_EVALUATORS, `at most ${MAX_EVALUATORS} evaluators`)
    .optional()
    .describe('One code per entry. Default: one evaluator watching all delegations.'),
  observers: z
    .number()
    .int()
    .min(0)
    .max(MAX_OBSERVERS, `at most ${MAX_OBSERVERS} observer codes`)
    .optional()
    .describe('How many observer codes. Default 1.'),
});
export type CreateExerciseInput = z.input<typeof CreateExerciseInput>;

export const BotInput = z.strictObject({
  policy: z.enum(POLICY_NAMES, { error: `the policy must be one of ${POLICY_NAMES.join(', ')}` }),
});
export type BotInput = z.infer<typeof BotInput>;

/** A zod error as one line per problem: `field: what is wrong`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
