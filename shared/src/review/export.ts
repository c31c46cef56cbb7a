/**
 * Exports of a review: one JSON document (scenario id, options, the event log for control, the review) and CSV
 * tables (timeline, compliance, observations) in RFC 4180 form (CRLF line ends; a field with a comma, quote or line
 * break quoted, quotes doubled), safe to open in a spreadsheet: a text cell starting with = + - @ (or a tab or
 * carriage return) gets a leading apostrophe so that it is never run as a formula.
 */

import type { ExerciseEvent, ExerciseOptions } from '../engine/types.ts';
import { clock } from '../wording/names.ts';
import type { Review } from './types.ts';

export const REVIEW_FORMAT = 'parley.review/1';

export type ReviewExport = {
  readonly format: typeof REVIEW_FORMAT;
  readonly scenario: string;
  readonly options: ExerciseOptions;
  /** The raw event log: for control only (null in an evaluator's export). */
  readonly events: readonly ExerciseEvent[] | null;
  readonly review: Review;
};

export function toJSON(
  scenario: string,
  options: ExerciseOptions,
  events: readonly ExerciseEvent[],
  review: Review,
): ReviewExport {
  const control = review.viewer.kind === 'facilitator';
  const { seed, ruleModes } = options;
  return {
    format: REVIEW_FORMAT,
    scenario,
    options: ruleModes === undefined ? { seed } : { seed, ruleModes },
    events: control ? events : null,
    review,
  };
}

export type Cell = string | number | boolean | null | undefined;

/** One CSV field: formula-safe, quoted when needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const CSV_TABLES = ['timeline', 'compliance', 'observations'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export function reviewCsv(review: Review, table: CsvTable): string {
  switch (table) {
    case 'timeline':
      return toCsv(
        ['seq', 'time', 'at_ms', 'kind', 'role', 'delegation', 'who', 'to', 'channel', 'audience', 'text'],
        review.timeline.map((e) => [
          e.seq,
          clock(e.at),
          e.at,
          e.kind,
          e.actor.role,
          e.actor.delegation,
          e.who,
          e.to.join(' '),
          e.channel,
          e.audience.kind === 'parties' ? e.audience.parties.join(' ') : e.audience.kind,
          e.text,
        ]),
      );
    case 'compliance':
      return toCsv(
        [
          'seq',
          'time',
          'kind',
          'rule',
          'rule_title',
          'mode',
          'party',
          'against',
          'action',
          'opened_at',
          'due_at',
          'response',
          'response_ms',
          'norms',
          'cbms',
        ],
        review.compliance.rows.map((r) => [
          r.seq,
          clock(r.at),
          r.kind,
          r.rule,
          r.ruleTitle,
          r.mode,
          r.party,
          r.against,
          r.action,
          r.openedAt === null ? null : clock(r.openedAt),
          r.dueAt === null ? null : clock(r.dueAt),
          r.responseMs === null ? null : clock(r.responseMs),
          r.responseMs,
          r.norms.join(' '),
          r.cbms.join(' '),
        ]),
      );
    case 'observations':
      return toCsv(
        [
          'seq',
          'time',
          'by',
          'delegation',
          'objective',
          'inject',
          'rating',
          'text',
          'anchor_seq',
          'anchor_time',
          'anchor',
        ],
        review.observations.map((o) => [
          o.seq,
          clock(o.at),
          o.by,
          o.delegation,
          o.objectiveTitle ?? o.objective,
          o.injectTitle ?? o.inject,
          o.rating,
          o.text,
          o.anchor?.seq,
          o.anchor ? clock(o.anchor.at) : null,
          o.anchor?.text,
        ]),
      );
  }
}
