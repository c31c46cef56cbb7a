/**
 * What a trainer sends to the studio, as zod schemas (the HTTP layer validates bodies with them). Texts are checked
 * for size here; whether a scenario is valid is the validator's business, and an invalid text is still saved.
 */
import { Id } from '@parley/shared';
import { z } from 'zod';
import { CreateExerciseInput } from '../exercises/inputs.ts';
import { SECRET_MAX } from '../exercises/secrets.ts';

/** Control characters other than tab have no place in a name or title (and PostgreSQL refuses NUL). */
const hasControl = (s: string): boolean =>
  [...s].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return (code < 0x20 && c !== '\t') || code === 0x7f;
  });

const line = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be at most ${max} characters`)
    .refine((s) => !hasControl(s), `${what} must be one line of plain text`);

/** The trainer's name as shown in the history (free text; may be left out). */
export const Author = line(80, 'the author').default('');

/** A scenario's YAML text. Its size is checked by the service (in UTF-8 bytes, with the validator's limit). */
export const Source = z.string({ error: 'the scenario text (source) must be a string' });

export const VersionNumber = z.coerce
  .number({ error: 'a version number' })
  .int('a version is a whole number')
  .min(1, 'versions start at 1')
  .max(2 ** 31 - 1, 'no such version');

export const CreateDocumentInput = z.discriminatedUnion(
  'from',
  [
    z.strictObject({
      from: z.literal('template'),
      template: Id.default('minimal').describe('A template id from GET /api/studio/templates.'),
      title: line(120, 'the title').pipe(z.string().min(1, 'the title must not be empty')),
      author: Author,
    }),
    z.strictObject({
      from: z.literal('library'),
      scenarioId: Id.describe('A shipped scenario to copy, from GET /api/studio/templates.'),
      author: Author,
    }),
    z.strictObject({
      from: z.literal('yaml'),
      source: Source,
      fileName: line(200, 'the file name').optional(),
      author: Author,
    }),
    z.strictObject({
      from: z.literal('document'),
      documentId: z.string().min(1).max(64),
      version: VersionNumber.optional().describe('Default: the latest version.'),
      author: Author,
    }),
  ],
  { error: 'say where the scenario comes from: "from" is "template", "library", "yaml" or "document"' },
);
export type CreateDocumentInput = z.input<typeof CreateDocumentInput>;

export const SaveVersionInput = z.strictObject({
  source: Source,
  baseVersion: VersionNumber.describe('The version this text was edited from (the latest, or the save conflicts).'),
  author: Author,
});
export type SaveVersionInput = z.input<typeof SaveVersionInput>;

/** Starting an exercise from a saved version: the options of POST /api/exercises, without the scenario id. */
export const StartExerciseInput = CreateExerciseInput.omit({ scenarioId: true }).extend({
  trainerToken: z
    .string()
    .min(1)
    .max(SECRET_MAX)
    .optional()
    .describe("With workshopId: the workshop's trainer token (the bearer is the studio's)."),
});
export type StartExerciseInput = z.input<typeof StartExerciseInput>;
