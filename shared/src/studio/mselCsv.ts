/**
 * The MSEL (master scenario events list) as CSV: a scenario's injects out to a spreadsheet and back.
 *
 * One row per inject, a header row first. Columns (header names are matched ignoring case, spaces and "_"):
 *
 * | column              | holds                                                                                   |
 * | ------------------- | --------------------------------------------------------------------------------------- |
 * | id                  | the inject id                                                                           |
 * | trigger             | `at 12` (game minute; a plain `12` works too), `enter <phase>`, `manual`, or            |
 * |                     | `when <condition>` with the condition as YAML or JSON, e.g. `when { released: i07 }`   |
 * | delay               | minutes after an `enter`/`when` trigger (blank: 0)                                      |
 * | phase               | only delivered while this phase is active (blank: any time)                             |
 * | audience            | `all`, or delegation ids separated by `;`                                               |
 * | channel             | intel, cert, news, social, poc, email or phone                                          |
 * | from                | sending delegation or actor id (blank: exercise control)                                |
 * | confidence          | low, medium or high (intelligence reports)                                              |
 * | title, body         | text in the main language; the body is Markdown and may span lines                     |
 * | expected action     | what players are expected to do (for evaluators)                                        |
 * | expected action ids | action ids that count as doing it, separated by `;`                                     |
 * | objective           | the objective id this inject tests                                                      |
 * | facilitator notes   | notes to control, never shown to players                                                |
 * | indicators          | indicators of compromise as a YAML/JSON list: `[{ type: ip, value: 203.0.113.7 }, ...]` |
 * | effects             | world-variable changes as a YAML/JSON list: `[{ var: grid_impact, set: 6 }]`            |
 * | title (fr) ...      | one column per other language for title, body, expected action and facilitator notes   |
 *
 * Every field an inject has fits in a cell (conditions, indicators and effects as YAML text), so the round trip
 * `mselFromCsv(mselToCsv(s), s)` gives back the scenario's injects exactly. A column left out of the file entirely
 * keeps that field from the scenario's inject with the same id (or its default for a new inject): a trainer may
 * delete the columns they do not edit. A text given only in the fallback language comes back as plain text, unless
 * the scenario's inject had it as a map of languages.
 *
 * The main text columns hold `language` (default: the scenario's fallback language); `title (en)` etc. are also
 * accepted for it. Export is RFC 4180 with CRLF, a UTF-8 byte-order mark (so spreadsheets read accents and Arabic
 * right) and formula-safe cells: text starting with = + - @ gets a leading apostrophe, removed again on import.
 * Import reads `,`, `;` or tab-delimited files (see csv.ts). Bad rows come back as errors with the row number a
 * spreadsheet shows (1 = header) and the column's header name; the rows that are fine are returned too, but the
 * import as a whole is refused (`ok: false`) until every row is fixed.
 */
import { parse as parseYaml, stringify } from 'yaml';
import { csvCell } from '../review/export.ts';
import { checkConditionRefs, checkEffectRefs } from '../scenario/conditionRefs.ts';
import { reportConditionShape } from '../scenario/conditionShape.ts';
import { formatPath, type Path, type Report } from '../scenario/diagnostics.ts';
import { buildIndex } from '../scenario/ids.ts';
import { reportIssue } from '../scenario/issues.ts';
import { NO_BINDINGS, Resolver } from '../scenario/resolver.ts';
import { Condition, Inject, type LocalizedText, type Scenario } from '../scenario/schema.ts';
import { schemaAt } from '../scenario/schemaWalk.ts';
import { didYouMean } from '../scenario/suggest.ts';
import { parseCsv } from './csv.ts';

export const MSEL_COLUMNS = [
  'id',
  'trigger',
  'delay',
  'phase',
  'audience',
  'channel',
  'from',
  'confidence',
  'title',
  'body',
  'expected action',
  'expected action ids',
  'objective',
  'facilitator notes',
  'indicators',
  'effects',
] as const;
export type MselColumn = (typeof MSEL_COLUMNS)[number];

/** Columns with one more column per language, e.g. `title (fr)`. */
export const TRANSLATED_COLUMNS = ['title', 'body', 'expected action', 'facilitator notes'] as const;
type TranslatedColumn = (typeof TRANSLATED_COLUMNS)[number];

const REQUIRED: readonly MselColumn[] = ['id', 'trigger', 'audience', 'channel', 'title', 'body'];

/** The largest CSV accepted (characters), and how many errors are listed before the rest are only counted. */
export const MAX_MSEL_CHARS = 2 * 1024 * 1024;
export const MAX_MSEL_ERRORS = 200;

export type MselExportOptions = {
  /** Language of the main text columns (default: the scenario's fallback language). */
  language?: string | undefined;
  /** `;` for spreadsheets in locales with a decimal comma (default `,`). */
  delimiter?: ',' | ';' | undefined;
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean | undefined;
};

export type MselImportOptions = {
  /** Language of the main text columns (default: the scenario's fallback language). */
  language?: string | undefined;
};

export type MselError = {
  /** Row as a spreadsheet numbers it: 1 is the header. */
  row: number;
  /** The column's header name, or null for the row (or file) as a whole. */
  column: string | null;
  message: string;
};

export type MselImport = { ok: true; injects: Inject[] } | { ok: false; errors: MselError[]; injects: Inject[] };

// ─── Export ──────────────────────────────────────────────────────────────────────────────────────────────────────

const FORMULA = /^'*[=+\-@\t\r]/;

function texts(text: LocalizedText | undefined, fallback: string): Record<string, string> {
  if (text === undefined) return {};
  return typeof text === 'string' ? { [fallback]: text } : text;
}

/** Every language of the scenario, then any other found in inject texts, without `primary`. */
function otherLanguages(scenario: Scenario, primary: string): string[] {
  const seen = new Set<string>(scenario.languages);
  for (const i of scenario.injects) {
    for (const t of [i.title, i.body, i.expects?.text, i.notes]) {
      for (const lang of Object.keys(texts(t, scenario.fallbackLanguage))) seen.add(lang);
    }
  }
  return [...seen].filter((l) => l !== primary);
}

/** Drops the defaults zod filled in (`atLeast: 1`), so that a condition reads as the trainer wrote it. */
function compact(c: Condition): Condition {
  if ('all' in c) return { all: c.all.map(compact) };
  if ('any' in c) return { any: c.any.map(compact) };
  if ('not' in c) return { not: compact(c.not) };
  if (('action' in c || 'breached' in c) && c.atLeast === 1) {
    const { atLeast: _, ...rest } = c;
    return rest as Condition;
  }
  return c;
}

/** An inject as a trainer writes it in YAML: without the defaults zod fills in (delay 0, empty lists, atLeast 1). */
export function plainInject(inject: Inject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inject)) {
    if (value === undefined || (key === 'delay' && value === 0)) continue;
    if ((key === 'indicators' || key === 'effects') && Array.isArray(value) && value.length === 0) continue;
    if (key === 'when') out.when = compact(value as Condition);
    else if (key === 'expects' && inject.expects !== undefined) {
      out.expects = inject.expects.actions.length === 0 ? { text: inject.expects.text } : inject.expects;
    } else out[key] = value;
  }
  return out;
}

const flow = (value: unknown): string => stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();

/** A list as YAML flow, one item per line. */
function flowList(items: readonly unknown[]): string {
  return items.length === 0 ? '' : `[${items.map(flow).join(',\n ')}]`;
}

function triggerOf(i: Inject): string {
  if (i.at !== undefined) return `at ${i.at}`;
  if (i.onEnter !== undefined) return `enter ${i.onEnter}`;
  if (i.when !== undefined) return `when ${flow(compact(i.when))}`;
  return 'manual';
}

/** One cell: formula-safe (an apostrophe already there is doubled, so that import can strip exactly one). */
function cell(value: string | number | undefined, delimiter: string): string {
  const text = typeof value === 'string' && FORMULA.test(value) && value.startsWith("'") ? `'${value}` : value;
  const out = csvCell(text);
  return delimiter !== ',' && !out.startsWith('"') && out.includes(delimiter) ? `"${out}"` : out;
}

export function mselToCsv(scenario: Scenario, options: MselExportOptions = {}): string {
  const fallback = scenario.fallbackLanguage;
  const primary = options.language ?? fallback;
  const others = otherLanguages(scenario, primary);
  const delimiter = options.delimiter ?? ',';
  const header: string[] = [
    ...MSEL_COLUMNS,
    ...others.flatMap((lang) => TRANSLATED_COLUMNS.map((c) => `${c} (${lang})`)),
  ];
  const rows = scenario.injects.map((i) => {
    const translated: Record<TranslatedColumn, Record<string, string>> = {
      title: texts(i.title, fallback),
      body: texts(i.body, fallback),
      'expected action': texts(i.expects?.text, fallback),
      'facilitator notes': texts(i.notes, fallback),
    };
    const main: Record<MselColumn, string | number | undefined> = {
      id: i.id,
      trigger: triggerOf(i),
      delay: i.delay === 0 ? undefined : i.delay,
      phase: i.phase,
      audience: i.to === 'all' ? 'all' : i.to.join('; '),
      channel: i.channel,
      from: i.from,
      confidence: i.confidence,
      title: translated.title[primary],
      body: translated.body[primary],
      'expected action': translated['expected action'][primary],
      'expected action ids': i.expects?.actions.join('; '),
      objective: i.objective,
      'facilitator notes': translated['facilitator notes'][primary],
      indicators: flowList(i.indicators),
      effects: flowList(i.effects),
    };
    return [
      ...MSEL_COLUMNS.map((c) => main[c]),
      ...others.flatMap((lang) => TRANSLATED_COLUMNS.map((c) => translated[c][lang])),
    ];
  });
  const lines = [header, ...rows].map((r) => r.map((v) => cell(v, delimiter)).join(delimiter));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

// ─── Import ──────────────────────────────────────────────────────────────────────────────────────────────────────

type ColumnKey = { field: MselColumn; lang: string | undefined };

const normalize = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/** `title (fr)` → title in French; `title` → the main language; undefined for an unknown header. */
function columnKey(name: string): ColumnKey | undefined {
  const n = normalize(name);
  const m = /^(.*?)\s*\(\s*([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\s*\)$/.exec(n);
  const field = (m?.[1] ?? n) as MselColumn;
  if (!MSEL_COLUMNS.includes(field)) return undefined;
  if (m !== null && !(TRANSLATED_COLUMNS as readonly string[]).includes(field)) return undefined;
  return { field, lang: m?.[2] };
}

function unescapeFormula(value: string): string {
  return FORMULA.test(value) && value.startsWith("'") ? value.slice(1) : value;
}

function parseMinutes(raw: string): number | string {
  const text = raw.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n) || n > 24 * 60) return `expected minutes: a number from 0 to 1440, got "${raw.trim()}"`;
  return n;
}

const listOf = (raw: string): string[] =>
  raw
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function parseYamlCell(raw: string): { value: unknown } | { error: string } {
  try {
    return { value: parseYaml(raw, { maxAliasCount: 10, uniqueKeys: true }) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]?.replace(/\.$/, '') : String(error);
    return { error: `not valid YAML or JSON: ${message}` };
  }
}

const TRIGGER_HELP = 'expected "at <minute>", "enter <phase>", "when <condition>" or "manual"';

type Trigger = { at: number } | { onEnter: string } | { when: unknown } | { manual: true };

function parseTrigger(raw: string): Trigger | string {
  const text = raw.trim();
  if (text === '') return `missing trigger: ${TRIGGER_HELP}`;
  if (/^manual$/i.test(text)) return { manual: true };
  const at = /^(?:at\s*)?(\d[\d.,]*)(?:\s*min(?:utes?)?)?$/i.exec(text);
  if (at !== null) {
    const n = parseMinutes(at[1] as string);
    return typeof n === 'number' ? { at: n } : n;
  }
  const enter = /^(?:on\s*enter(?:ing)?|enter(?:ing)?)\s*:?\s+(\S+)$/i.exec(text);
  if (enter !== null) return { onEnter: enter[1] as string };
  const when = /^when\s*:?\s*([\s\S]*)$/i.exec(text);
  if (when !== null) {
    const body = (when[1] as string).trim();
    if (body === '') return 'write the condition after "when", e.g. when { released: i05 }';
    const parsed = parseYamlCell(body);
    return 'error' in parsed ? parsed.error : { when: parsed.value };
  }
  return `${TRIGGER_HELP}, got "${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`;
}

/** Collects one row's errors, each under a column's header name. */
class RowErrors {
  readonly list: MselError[] = [];
  row = 0;
  add(column: string | null, message: string): void {
    this.list.push({ row: this.row, column, message });
  }
}

export function mselFromCsv(text: string, scenario: Scenario, options: MselImportOptions = {}): MselImport {
  const errors = new RowErrors();
  const fail = (message: string): MselImport => ({
    ok: false,
    errors: [{ row: 1, column: null, message }],
    injects: [],
  });
  if (text.length > MAX_MSEL_CHARS) {
    return fail(`the file is too large: an MSEL may hold at most ${MAX_MSEL_CHARS / 1024 / 1024} MB of text`);
  }
  const csv = parseCsv(text);
  const [head, ...rows] = csv.records;
  if (head === undefined || head.cells.every((c) => c.trim() === '')) {
    return fail(`the file is empty: expected a header row with the columns ${REQUIRED.join(', ')}`);
  }
  const fallback = scenario.fallbackLanguage;
  const primary = options.language ?? fallback;
  const languageOf = (lang: string | undefined): string =>
    lang === undefined ? primary : (scenario.languages.find((l) => l.toLowerCase() === lang) ?? lang);

  // The header: which column holds what.
  errors.row = head.row;
  const columns: (ColumnKey | undefined)[] = [];
  const seen = new Map<string, string>();
  for (const name of head.cells) {
    if (name.trim() === '') {
      columns.push(undefined);
      continue;
    }
    const key = columnKey(name);
    if (key === undefined) {
      const known = [
        ...MSEL_COLUMNS,
        ...TRANSLATED_COLUMNS.map((c) => `${c} (${scenario.languages.find((l) => l !== primary) ?? 'fr'})`),
      ];
      errors.add(name.trim(), `unknown column "${name.trim()}"${didYouMean(normalize(name), known)}`);
      columns.push(undefined);
      continue;
    }
    const translated = (TRANSLATED_COLUMNS as readonly string[]).includes(key.field);
    const canonical = `${key.field}|${translated ? languageOf(key.lang) : ''}`;
    const before = seen.get(canonical);
    if (before !== undefined) {
      errors.add(name.trim(), `column "${name.trim()}" appears twice (also "${before}")`);
      columns.push(undefined);
      continue;
    }
    seen.set(canonical, name.trim());
    columns.push({ field: key.field, lang: languageOf(key.lang) });
  }
  const present = new Set(columns.flatMap((c) => (c === undefined ? [] : [c.field])));
  for (const field of REQUIRED) {
    if (!present.has(field)) errors.add(field, `missing column "${field}"`);
  }
  if (REQUIRED.some((f) => !present.has(f))) return { ok: false, errors: errors.list, injects: [] };
  const headerName = (field: MselColumn, lang?: string): string =>
    head.cells[columns.findIndex((c) => c?.field === field && (lang === undefined || c.lang === lang))]?.trim() ??
    field;

  const index = buildIndex(scenario, { report: () => {}, where: () => '' });
  let sink: Report = () => {};
  const resolver = new Resolver(index, { report: (...args) => sink(...args), where: () => '' });
  const existing = new Map(scenario.injects.map((i) => [i.id, i]));
  const firstRow = new Map<string, number>();
  const injects: Inject[] = [];

  for (const record of rows) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    errors.row = record.row;
    const before = errors.list.length;
    const cells = new Map<MselColumn, Map<string, string>>();
    record.cells.forEach((raw, k) => {
      const column = columns[k];
      if (column === undefined) {
        if (k >= columns.length && raw.trim() !== '') {
          errors.add(
            null,
            `this row has more cells (${record.cells.length}) than the header has columns (${columns.length})`,
          );
        }
        return;
      }
      const byLang = cells.get(column.field) ?? new Map<string, string>();
      byLang.set(column.lang ?? primary, unescapeFormula(raw));
      cells.set(column.field, byLang);
    });
    const plain = (field: MselColumn): string => (cells.get(field)?.get(primary) ?? '').trim();
    const id = plain('id');
    const old = existing.get(id);
    const draft: Record<string, unknown> = {};
    /** A field from its column, or (column absent from the file) from the scenario's inject with the same id. */
    const take = (field: MselColumn, keys: readonly (keyof Inject)[], read: () => void): void => {
      if (present.has(field)) read();
      else if (old !== undefined) for (const k of keys) if (old[k] !== undefined) draft[k] = old[k];
    };
    sink = (_severity, path, message) => errors.add(String(path[0]), message);

    if (id === '') errors.add(headerName('id'), 'missing id');
    draft.id = id;
    const localized = (field: TranslatedColumn, current: LocalizedText | undefined): LocalizedText | undefined => {
      const given = [...(cells.get(field) ?? new Map<string, string>())].filter(([, t]) => t.trim() !== '');
      if (given.length === 0) return undefined;
      if (given.length === 1 && given[0]?.[0] === fallback && (current === undefined || typeof current === 'string')) {
        return given[0][1];
      }
      const order = (l: string): number => {
        const at = scenario.languages.indexOf(l);
        return at === -1 ? scenario.languages.length : at;
      };
      return Object.fromEntries(given.sort((a, b) => order(a[0]) - order(b[0])));
    };

    const trigger = parseTrigger(plain('trigger'));
    if (typeof trigger === 'string') errors.add(headerName('trigger'), trigger);
    else {
      Object.assign(draft, trigger);
      if ('onEnter' in trigger) resolver.phase(trigger.onEnter, [headerName('trigger')]);
    }
    take('delay', ['delay'], () => {
      const raw = plain('delay');
      if (raw === '') return;
      const n = parseMinutes(raw);
      if (typeof n === 'number') draft.delay = n;
      else errors.add(headerName('delay'), n);
    });
    take('phase', ['phase'], () => {
      const phase = plain('phase');
      if (phase === '') return;
      draft.phase = phase;
      resolver.phase(phase, [headerName('phase')]);
    });
    const audience = plain('audience');
    if (audience === '')
      errors.add(headerName('audience'), 'missing audience: write "all" or delegation ids separated by ";"');
    else if (audience.toLowerCase() === 'all') draft.to = 'all';
    else {
      draft.to = listOf(audience);
      for (const d of draft.to as string[])
        resolver.delegation(d, [headerName('audience')], 'injects go to delegations');
    }
    const channel = plain('channel');
    if (channel === '') errors.add(headerName('channel'), 'missing channel');
    else draft.channel = channel.toLowerCase();
    take('from', ['from'], () => {
      const from = plain('from');
      if (from === '') return;
      draft.from = from;
      resolver.party(from, [headerName('from')], NO_BINDINGS);
    });
    take('confidence', ['confidence'], () => {
      const confidence = plain('confidence');
      if (confidence !== '') draft.confidence = confidence.toLowerCase();
    });
    const title = localized('title', old?.title);
    if (title === undefined) errors.add(headerName('title'), 'missing title');
    else draft.title = title;
    const body = localized('body', old?.body);
    if (body === undefined) errors.add(headerName('body'), 'missing body');
    else draft.body = body;
    if (present.has('expected action') || present.has('expected action ids')) {
      const expectsText = present.has('expected action')
        ? localized('expected action', old?.expects?.text)
        : old?.expects?.text;
      const ids = present.has('expected action ids')
        ? listOf(plain('expected action ids'))
        : (old?.expects?.actions ?? []);
      ids.forEach((a) => {
        resolver.actionRef(a, [headerName('expected action ids')]);
      });
      if (expectsText !== undefined) draft.expects = { text: expectsText, actions: ids };
      else if (ids.length > 0) {
        errors.add(
          headerName('expected action'),
          'write the expected action (a sentence for evaluators) for the expected action ids',
        );
      }
    } else if (old?.expects !== undefined) draft.expects = old.expects;
    take('objective', ['objective'], () => {
      const objective = plain('objective');
      if (objective === '') return;
      draft.objective = objective;
      resolver.known('objective', objective, index.objectives, [headerName('objective')]);
    });
    take('facilitator notes', ['notes'], () => {
      const notes = localized('facilitator notes', old?.notes);
      if (notes !== undefined) draft.notes = notes;
    });
    for (const field of ['indicators', 'effects'] as const) {
      take(field, [field], () => {
        const raw = plain(field);
        if (raw === '') return;
        const parsed = parseYamlCell(raw);
        if ('error' in parsed) errors.add(headerName(field), parsed.error);
        else draft[field] = parsed.value;
      });
    }
    // The shape check runs on every row, but only speaks about columns not already in error on this row.
    const cellErrors = new Set(errors.list.slice(before).map((e) => e.column));
    const result = Inject.safeParse(draft);
    if (!result.success) {
      reportShape(result.error.issues, draft, (path, message, anchor) => {
        const [field, ...rest] = path;
        const [anchorField, ...anchorRest] = anchor;
        const column =
          anchorField === undefined
            ? headerName('trigger')
            : columnOfField(String(anchorField), headerName, primary, anchorRest);
        if (!cellErrors.has(column)) errors.add(column, `${within(String(field), rest)}${message}`);
      });
    }
    const when = draft.when === undefined ? undefined : Condition.safeParse(draft.when);
    if (when?.success) checkConditionRefs(when.data, [headerName('trigger')], NO_BINDINGS, resolver);
    const effects = draft.effects === undefined ? undefined : Inject.shape.effects.safeParse(draft.effects);
    if (effects?.success) checkEffectRefs(effects.data, [headerName('effects')], NO_BINDINGS, resolver);
    const first = firstRow.get(id);
    if (first !== undefined && id !== '')
      errors.add(headerName('id'), `duplicate id "${id}" (already on row ${first})`);
    else if (id !== '') firstRow.set(id, record.row);
    if (errors.list.length > before || !result.success) continue;
    const inject = result.data;
    injects.push(inject);
  }
  if (csv.unterminated !== undefined) {
    errors.row = csv.unterminated;
    errors.add(null, 'a quoted cell opens on this row and never closes: add the missing closing quote (")');
  }
  if (errors.list.length === 0) return { ok: true, injects };
  const listed = errors.list.slice(0, MAX_MSEL_ERRORS);
  const last = listed[listed.length - 1];
  if (errors.list.length > listed.length && last !== undefined) {
    listed.push({
      row: last.row,
      column: null,
      message: `and ${errors.list.length - listed.length} more errors not listed`,
    });
  }
  return { ok: false, errors: listed, injects };
}

/** Where inside a cell a problem is: `item 2, type: ` in a list, `all[0].var: ` in a condition, else nothing. */
function within(field: string, rest: readonly (string | number)[]): string {
  if (rest.length === 0 || ['title', 'body', 'notes', 'expects'].includes(field)) return '';
  const [first, ...more] = rest;
  if (typeof first === 'number') return `item ${first + 1}${more.length > 0 ? `, ${formatPath(more)}` : ''}: `;
  return `${formatPath(rest)}: `;
}

/** The header a field's errors belong under. */
function columnOfField(
  field: string,
  headerName: (field: MselColumn, lang?: string) => string,
  primary: string,
  rest: readonly (string | number)[],
): string {
  const lang = typeof rest[0] === 'string' ? rest[0] : undefined;
  switch (field) {
    case 'at':
    case 'onEnter':
    case 'when':
    case 'manual':
      return headerName('trigger');
    case 'to':
      return headerName('audience');
    case 'notes':
      return lang !== undefined && lang !== primary ? `facilitator notes (${lang})` : headerName('facilitator notes');
    case 'expects':
      return rest[0] === 'actions' ? headerName('expected action ids') : headerName('expected action');
    case 'title':
    case 'body':
      return lang !== undefined && lang !== primary ? `${field} (${lang})` : headerName(field);
    default:
      return (MSEL_COLUMNS as readonly string[]).includes(field) ? headerName(field as MselColumn) : field;
  }
}

/** zod's issues on one inject, explained as the validator does (conditions branch by branch). */
function reportShape(
  issues: readonly { path: PropertyKey[] }[],
  data: unknown,
  add: (path: Path, message: string, anchor: Path) => void,
): void {
  const report: Report = (_severity, path, message, at) => add(path, message, at?.path ?? path);
  const conditionsDone = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s)) as Path;
    const { conditionAt } = schemaAt(Inject, path, data);
    if (conditionAt === undefined) {
      reportIssue(issue as Parameters<typeof reportIssue>[0], { root: Inject, data, prefix: [], report });
      continue;
    }
    const root = path.slice(0, conditionAt);
    const key = JSON.stringify(root);
    if (conditionsDone.has(key)) continue;
    conditionsDone.add(key);
    let reported = 0;
    const counting: Report = (...args) => {
      reported++;
      report(...args);
    };
    const { schema } = schemaAt(Inject, root, data);
    if (schema !== undefined) reportConditionShape(schema, root, { data, report: counting });
    if (reported === 0)
      reportIssue(issue as Parameters<typeof reportIssue>[0], { root: Inject, data, prefix: [], report });
  }
}
