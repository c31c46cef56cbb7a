/**
 * The structured editors' pure helpers: reading a scenario's texts in the language being edited, what a trigger
 * change writes, fresh ids for new items, and trying a rewritten text against the validator before it replaces the
 * working copy (a structured edit never leaves the text broken).
 */
import type { Diagnostic } from '@parley/shared/scenario/diagnostics.ts';
import { type ParseResult, parseScenario } from '@parley/shared/scenario/parse.ts';
import type { Condition, Inject, LocalizedText, Phase, Scenario } from '@parley/shared/scenario/schema.ts';
import type { FieldEdit } from '@parley/shared/studio/yamlEdit.ts';
import { FILE_NAME } from '../draft.ts';

/** The text in `language` (empty when it has none there). */
export function textIn(text: LocalizedText | undefined, language: string, fallback: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return language === fallback ? text : '';
  return text[language] ?? '';
}

/** The other languages a text is written in (to tell the trainer they are kept). */
export function otherLanguages(text: LocalizedText | undefined, language: string): string[] {
  if (text === undefined || typeof text === 'string') return [];
  return Object.keys(text).filter((l) => l !== language);
}

/** An edit setting the text at `path` in the scenario's fallback language. */
export function textEdit(scenario: Scenario, path: readonly (string | number)[], text: string): FieldEdit {
  const fallback = scenario.fallbackLanguage;
  return { path, text, language: fallback, fallback };
}

/** A Markdown text as trainers write it: no trailing spaces; a text of several lines ends with a line break. */
export function tidyMarkdown(text: string): string {
  const trimmed = text.replace(/[ \t]+$/gm, '').replace(/\s+$/, '');
  return trimmed.includes('\n') ? `${trimmed}\n` : trimmed;
}

export type TriggerKind = 'at' | 'onEnter' | 'when' | 'manual';
export const TRIGGER_KINDS: readonly TriggerKind[] = ['at', 'onEnter', 'when', 'manual'];

export function triggerOf(inject: Inject): TriggerKind {
  if (inject.at !== undefined) return 'at';
  if (inject.onEnter !== undefined) return 'onEnter';
  if (inject.when !== undefined) return 'when';
  return 'manual';
}

/** The edits that make an inject's trigger `kind` with `value` (the other triggers removed; no delay at a minute). */
export function triggerEdits(kind: TriggerKind, value: number | string | Condition | true): FieldEdit[] {
  const edits: FieldEdit[] = TRIGGER_KINDS.map((k) => ({ path: [k], value: k === kind ? value : undefined }));
  if (kind === 'at' || kind === 'manual') edits.push({ path: ['delay'], value: undefined });
  return edits;
}

/** Every phase, sub-phases after their parent, with their depth. */
export function flatPhases(phases: readonly Phase[], depth = 0): { phase: Phase; depth: number }[] {
  return phases.flatMap((phase) => [{ phase, depth }, ...flatPhases(phase.phases, depth + 1)]);
}

/** `base`, or `base-2`, `base-3`… : the first id not in `taken`. */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = base.replace(/-\d+$/, '');
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${stem}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** MSEL rows by game minute: timed injects first by minute (file order on ties), then the others in file order. */
export function byTime(injects: readonly Inject[]): Inject[] {
  return injects
    .map((inject, index) => ({ inject, index }))
    .sort((a, b) => (a.inject.at ?? Infinity) - (b.inject.at ?? Infinity) || a.index - b.index)
    .map((r) => r.inject);
}

export type Attempt = { ok: true; source: string; parsed: ParseResult } | { ok: false; problems: string[] };

/** At most this many of the validator's errors are shown beside a refused edit. */
const SHOWN = 3;

function problem(d: Diagnostic, focus: string | undefined): string {
  const field =
    focus !== undefined && d.path.startsWith(focus) ? d.path.slice(focus.length).replace(/^\./, '') : d.path;
  return field === '' ? d.message : `${field}: ${d.message}`;
}

/**
 * Whether the rewritten text is a valid scenario. `focus` (e.g. `injects[3]`) puts the errors about that item first
 * and words them without the path.
 */
export function attempt(next: string, focus?: string): Attempt {
  const parsed = parseScenario(next, FILE_NAME);
  if (parsed.ok) return { ok: true, source: next, parsed };
  const mine = parsed.errors.filter((d) => focus !== undefined && d.path.startsWith(focus));
  const shown = (mine.length > 0 ? mine : parsed.errors).slice(0, SHOWN);
  return { ok: false, problems: shown.map((d) => problem(d, focus)) };
}
