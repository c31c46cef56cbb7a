/**
 * The inject forms (edit an MSEL entry, write a new inject, broadcast) as data: what the facilitator typed becomes a
 * command, or a list of problems (i18n keys under `control.error`) to show beside the fields.
 */
import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';
import type { FacilitatorCommand } from '@parley/shared/protocol/commands.ts';
import { LIMITS } from '@parley/shared/protocol/limits.ts';
import { type Confidence, INJECT_CHANNELS, type InjectChannel } from '@parley/shared/scenario/vocabulary.ts';

export type Recipients = { readonly all: true } | { readonly all: false; readonly ids: readonly string[] };

export type Problems<F extends string> = Partial<Record<F, string>>;
export type Built<C, F extends string> = { ok: true; command: C } | { ok: false; problems: Problems<F> };

type Command<T extends FacilitatorCommand['type']> = Extract<FacilitatorCommand, { type: T }>;

/** The largest due minute an edit may set (the protocol's limit: a day of game time). */
export const MAX_MINUTE = 24 * 60;

export const INJECT_CHANNEL_CHOICES: readonly InjectChannel[] = INJECT_CHANNELS;

const toOf = (r: Recipients): 'all' | string[] => (r.all ? 'all' : [...r.ids]);
const recipientsProblem = (r: Recipients): string | null =>
  !r.all && r.ids.length === 0 ? 'recipients' : !r.all && r.ids.length > LIMITS.targets ? 'tooMany' : null;

function titleProblem(title: string): string | null {
  if (title.trim() === '') return 'titleRequired';
  return title.trim().length > LIMITS.shortText ? 'titleLong' : null;
}

function bodyProblem(body: string, required: boolean): string | null {
  if (body.trim() === '') return required ? 'bodyRequired' : null;
  return body.trim().length > LIMITS.text ? 'bodyLong' : null;
}

const settle = <C, F extends string>(problems: Problems<F>, command: () => C): Built<C, F> =>
  Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, command: command() };

function collect<F extends string>(checks: Partial<Record<F, string | null>>): Problems<F> {
  const out: Problems<F> = {};
  for (const [field, problem] of Object.entries(checks) as [F, string | null][]) if (problem) out[field] = problem;
  return out;
}

// ─── Write a new inject ─────────────────────────────────────────────────────────────────────────────────────────────

export type WriteForm = {
  readonly title: string;
  readonly body: string;
  readonly channel: InjectChannel;
  readonly recipients: Recipients;
  /** A party id, or '' for exercise control. */
  readonly from: string;
  /** Required for intelligence reports; '' for none. */
  readonly confidence: Confidence | '';
};

export type WriteField = 'title' | 'body' | 'recipients' | 'confidence';

export const emptyWrite = (): WriteForm => ({
  title: '',
  body: '',
  channel: 'email',
  recipients: { all: true },
  from: '',
  confidence: '',
});

export function buildWrite(form: WriteForm): Built<Command<'inject.write'>, WriteField> {
  const problems = collect<WriteField>({
    title: titleProblem(form.title),
    body: bodyProblem(form.body, true),
    recipients: recipientsProblem(form.recipients),
    confidence: form.channel === 'intel' && form.confidence === '' ? 'confidenceRequired' : null,
  });
  return settle(problems, () => ({
    type: 'inject.write',
    title: form.title.trim(),
    body: form.body.trim(),
    channel: form.channel,
    to: toOf(form.recipients),
    ...(form.from ? { from: form.from } : {}),
    ...(form.confidence ? { confidence: form.confidence } : {}),
  }));
}

// ─── Edit an MSEL entry ─────────────────────────────────────────────────────────────────────────────────────────────

export type EditForm = {
  readonly title: string;
  /** The text (Markdown), opened on the current one: the scenario's in the reader's language, or the last edit. */
  readonly body: string;
  readonly recipients: Recipients;
  /** Game minute it is due, for timed entries ('' for entries without a time). */
  readonly minute: string;
};

export type EditField = 'title' | 'body' | 'recipients' | 'minute' | 'form';

const sameRecipients = (a: Recipients, b: 'all' | readonly string[]) =>
  a.all ? b === 'all' : b !== 'all' && a.ids.length === b.length && a.ids.every((id) => b.includes(id));

/** The game minute an entry is due, as typed in the form (relative to the start of play). */
export function dueMinute(entry: MselEntry, startedAt: number | null): string {
  if (entry.dueAt === null) return entry.edits.at !== undefined ? String(entry.edits.at) : '';
  return String(Math.round(((entry.dueAt - (startedAt ?? 0)) / 60_000) * 10) / 10);
}

/** The form as it opens: the entry's current title and text (localized by the caller), recipients and due minute. */
export function editFormOf(entry: MselEntry, title: string, body: string, startedAt: number | null): EditForm {
  const to = entry.to;
  return {
    title,
    body,
    recipients: to === 'all' ? { all: true } : { all: false, ids: [...to] },
    minute: dueMinute(entry, startedAt),
  };
}

/** Only what changed goes in the command; an edit that changes nothing is a problem ("change something first"). */
export function buildEdit(
  entry: MselEntry,
  initial: EditForm,
  form: EditForm,
): Built<Command<'inject.edit'>, EditField> {
  const minute = form.minute.trim() === '' ? null : Number(form.minute.replace(',', '.'));
  const timed = initial.minute !== '';
  const problems = collect<EditField>({
    title: titleProblem(form.title),
    body: bodyProblem(form.body, true),
    recipients: recipientsProblem(form.recipients),
    minute:
      timed && (minute === null || !Number.isFinite(minute) || minute < 0 || minute > MAX_MINUTE) ? 'minute' : null,
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const changes: Command<'inject.edit'>['changes'] = {
    ...(form.title.trim() !== initial.title.trim() ? { title: form.title.trim() } : {}),
    ...(form.body.trim() !== initial.body.trim() ? { body: form.body.trim() } : {}),
    ...(!sameRecipients(form.recipients, entry.to) ? { to: toOf(form.recipients) } : {}),
    ...(timed && minute !== null && form.minute.trim() !== initial.minute ? { at: minute } : {}),
  };
  if (Object.keys(changes).length === 0) return { ok: false, problems: { form: 'noChange' } };
  return { ok: true, command: { type: 'inject.edit', inject: entry.id, changes } };
}

// ─── Broadcast ──────────────────────────────────────────────────────────────────────────────────────────────────────

export type BroadcastField = 'text' | 'recipients';

export function buildBroadcast(text: string, recipients: Recipients): Built<Command<'broadcast'>, BroadcastField> {
  const problems = collect<BroadcastField>({
    text: bodyProblem(text, true) === 'bodyRequired' ? 'textRequired' : bodyProblem(text, true),
    recipients: recipientsProblem(recipients),
  });
  return settle(problems, () => ({ type: 'broadcast', to: toOf(recipients), text: text.trim() }));
}
