/**
 * Where the cursor is in a YAML scenario, read from the lines alone (the text being typed is often not valid YAML):
 * the path of the mapping whose key is being typed (`['injects', 2]`), or of the value being typed
 * (`['injects', 2, 'channel']`, `['injects', 2, 'to', 1]` inside `[a, b]`), with the word typed so far. Block style
 * as the shipped scenarios use it (two-space indents, `- ` items, compact `key:\n- item` lists too), one level of
 * flow `[…]` / `{…}` on the cursor's line. Inside text blocks (`|`, `>`) and comments there is no context.
 */

export type Segment = string | number;

/** The lines of a document, 1-based (CodeMirror's Text fits with a thin adapter; tests use an array). */
export type Lines = { readonly count: number; text(line: number): string };

export type YamlContext =
  | {
      readonly kind: 'key';
      /** The mapping the key belongs to. */
      readonly path: Segment[];
      /** What is typed of the key so far. */
      readonly partial: string;
      /** Column (0-based) where the typed word starts, and where it ends (the word may go on past the cursor). */
      readonly from: number;
      readonly to: number;
      /** The keys the mapping already has (above and below), with their values as written on the key's line. */
      readonly keys: string[];
      readonly values: Readonly<Record<string, string>>;
      /** Column of the key: nested blocks go two spaces further in. */
      readonly column: number;
      /** The line starts a list item (`- …`): the item may be a plain value rather than a mapping. */
      readonly item: boolean;
      /** A colon already follows the word (editing an existing key): insert the bare key. */
      readonly hasColon: boolean;
      /** Inside a flow mapping `{ … }` on one line. */
      readonly flow: boolean;
    }
  | {
      readonly kind: 'value';
      /** The value's path. */
      readonly path: Segment[];
      readonly partial: string;
      readonly from: number;
      readonly to: number;
      /** Inside a flow list or mapping (`[…]`, `{…}`). */
      readonly flow: boolean;
      /** The opening quote when the value is quoted. */
      readonly quote: '"' | "'" | null;
    };

type LineInfo = {
  readonly blank: boolean;
  readonly indent: number;
  /** Columns of the `-` item markers at the start of the line. */
  readonly dashes: number[];
  /** Column of what follows the indentation and item markers. */
  readonly content: number;
  /** The mapping key on this line, if any. */
  readonly key: string | null;
  /** What follows `key:`, without a trailing comment. */
  readonly value: string;
};

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},:&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s+(.*))?$/;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replaceAll("''", "'");
  return key.trim();
}

/** Removes a trailing ` # comment` (outside quotes). */
function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      if (i === 0 || text[i - 1] === ' ' || text[i - 1] === '[' || text[i - 1] === ',') quote = c;
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i).trimEnd();
  }
  return text;
}

export function parseLine(text: string): LineInfo {
  const trimmed = text.trim();
  let indent = 0;
  while (text[indent] === ' ') indent++;
  if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...') {
    return { blank: true, indent, dashes: [], content: indent, key: null, value: '' };
  }
  const dashes: number[] = [];
  let pos = indent;
  while (text[pos] === '-' && (text[pos + 1] === ' ' || pos + 1 === text.length)) {
    dashes.push(pos);
    pos++;
    while (text[pos] === ' ') pos++;
  }
  const rest = stripComment(text.slice(pos));
  const m = KEY.exec(rest);
  return {
    blank: false,
    indent,
    dashes,
    content: pos,
    key: m?.[1] === undefined ? null : unquote(m[1]),
    value: (m?.[2] ?? '').trim(),
  };
}

const isBlockScalar = (value: string): boolean => /^[|>][0-9+-]*$/.test(value);

/**
 * The path of the mapping whose keys sit at column `column`, from the lines above `line` (exclusive), and the keys
 * found beside it above. `inItem`: the mapping is a list item opened on `line` by a dash at that column.
 */
function climb(
  lines: Lines,
  line: number,
  column: number,
  inItem: number | null,
): { path: Segment[]; siblings: [string, string][] } | null {
  const path: Segment[] = [];
  const siblings: [string, string][] = [];
  let mode: 'map' | 'seq' = inItem === null ? 'map' : 'seq';
  let target = inItem ?? column;
  let index = 0;
  let first = inItem === null;
  for (let n = line - 1; n >= 1; n--) {
    const info = parseLine(lines.text(n));
    if (info.blank) continue;
    const dash = info.dashes.length > 0 ? (info.dashes[info.dashes.length - 1] as number) : null;
    if (mode === 'map') {
      if (dash !== null) {
        if (info.indent >= target) continue;
        if (info.key !== null && info.content < target) {
          // `- key:` opening the block our mapping is in.
          if (isBlockScalar(info.value)) return null;
          path.unshift(info.key);
          first = false;
        } else if (info.key !== null && first) siblings.push([info.key, info.value]);
        // Either way this line opens the list item holding the mapping.
        mode = 'seq';
        target = dash;
        index = 0;
        first = false;
        continue;
      }
      if (info.indent > target) continue;
      if (info.indent === target) {
        if (info.key !== null && first) siblings.push([info.key, info.value]);
        continue;
      }
      if (info.key === null) continue;
      if (isBlockScalar(info.value)) return null;
      path.unshift(info.key);
      target = info.indent;
      first = false;
      continue;
    }
    // mode === 'seq': list items at column `target`.
    if (dash !== null) {
      if (info.indent === target) {
        index++;
        continue;
      }
      if (info.indent > target) continue;
      if (info.key !== null && info.content <= target) {
        path.unshift(info.key, index);
        mode = 'seq';
        target = dash;
        index = 0;
        continue;
      }
      continue;
    }
    if (info.indent > target || info.key === null) continue;
    path.unshift(info.key, index);
    mode = 'map';
    target = info.indent;
  }
  if (mode === 'seq') path.unshift(index);
  return { path, siblings: siblings.reverse() };
}

/** Keys of the mapping at `column` on the lines after `line`, up to where the mapping ends. */
function keysBelow(lines: Lines, line: number, column: number): [string, string][] {
  const keys: [string, string][] = [];
  for (let n = line + 1; n <= lines.count; n++) {
    const info = parseLine(lines.text(n));
    if (info.blank) continue;
    if (info.indent < column) break;
    if (info.dashes.length > 0 || info.indent > column) continue;
    if (info.key !== null) keys.push([info.key, info.value]);
  }
  return keys;
}

const WORD = /[A-Za-z0-9_$.-]/;

function wordEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && WORD.test(text[end] as string)) end++;
  return end;
}

/** A flow collection opened on the line and not closed before the cursor: its items or pairs so far. */
function flowContext(
  value: string,
  valueColumn: number,
  path: Segment[],
  after: string,
): YamlContext | null | undefined {
  const open = value[0];
  if (open !== '[' && open !== '{') return undefined;
  let depth = 0;
  let quote: string | null = null;
  let start = 1;
  let pieces = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (quote !== null) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) {
      pieces++;
      start = i + 1;
    }
    if (depth > 1) return null;
  }
  if (depth !== 1) return null;
  const piece = value.slice(start);
  const lead = piece.length - piece.trimStart().length;
  const pieceColumn = valueColumn + start + lead;
  const text = piece.trimStart();
  const to = (at: number, word: string) => at + word.length + wordEnd(after, 0);
  if (open === '[') {
    const quoted = text[0] === '"' || text[0] === "'" ? (text[0] as '"' | "'") : null;
    const partial = quoted === null ? text : text.slice(1);
    const from = pieceColumn + (quoted === null ? 0 : 1);
    return { kind: 'value', path: [...path, pieces], partial, from, to: to(from, partial), flow: true, quote: quoted };
  }
  const colon = text.indexOf(':');
  if (colon === -1) {
    if (!/^[A-Za-z0-9_$.-]*$/.test(text)) return null;
    const pairs = value
      .slice(1, start)
      .split(',')
      .map((p): [string, string] => [p.split(':')[0]?.trim() ?? '', p.split(':').slice(1).join(':').trim()])
      .filter(([k]) => k !== '');
    return {
      kind: 'key',
      path,
      partial: text,
      from: pieceColumn,
      to: to(pieceColumn, text),
      keys: pairs.map(([k]) => k),
      values: Object.fromEntries(pairs),
      column: pieceColumn,
      item: false,
      hasColon: /^[A-Za-z0-9_$.-]*\s*:/.test(after),
      flow: true,
    };
  }
  const key = text.slice(0, colon).trim();
  const rest = text.slice(colon + 1);
  const partial = rest.trimStart();
  const from = pieceColumn + colon + 1 + (rest.length - partial.length);
  return { kind: 'value', path: [...path, key], partial, from, to: to(from, partial), flow: true, quote: null };
}

/**
 * The context at a cursor: `line` 1-based, `column` 0-based (characters before the cursor on its line).
 * Null where completion has nothing to offer (comments, text blocks, odd syntax).
 */
export function yamlContextAt(lines: Lines, line: number, column: number): YamlContext | null {
  const full = lines.text(line);
  const before = full.slice(0, column);
  const after = full.slice(column);
  let indent = 0;
  while (before[indent] === ' ') indent++;
  let pos = indent;
  let dash: number | null = null;
  while (before[pos] === '-' && before[pos + 1] === ' ') {
    dash = pos;
    pos++;
    while (before[pos] === ' ') pos++;
  }
  const content = pos;
  const rest = before.slice(content);
  if (stripComment(rest) !== rest || rest.startsWith('#')) return null;

  const keyMatch = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},:&*!|>%@`][^:#]*?)\s*:(\s+)(.*)$/.exec(rest);
  if (keyMatch !== null) {
    const key = unquote(keyMatch[1] as string);
    const value = keyMatch[3] as string;
    const valueColumn = column - value.length;
    const home = climb(lines, line, content, dash);
    if (home === null) return null;
    const path = [...home.path, key];
    if (isBlockScalar(value.trim())) return null;
    const flow = flowContext(value, valueColumn, path, after);
    if (flow !== undefined) return flow;
    const quote = value[0] === '"' || value[0] === "'" ? (value[0] as '"' | "'") : null;
    const partial = quote === null ? value : value.slice(1);
    const from = valueColumn + (quote === null ? 0 : 1);
    return {
      kind: 'value',
      path,
      partial,
      from,
      to: from + partial.length + wordEnd(after, 0),
      flow: false,
      quote,
    };
  }
  if (rest.includes(':')) return null;

  if (/^[A-Za-z0-9_$.-]*$/.test(rest)) {
    const home = climb(lines, line, content, dash);
    if (home === null) return null;
    const pairs = [...home.siblings, ...keysBelow(lines, line, content)];
    return {
      kind: 'key',
      path: home.path,
      partial: rest,
      from: content,
      to: column + wordEnd(after, 0),
      keys: pairs.map(([k]) => k),
      values: Object.fromEntries(pairs),
      column: content,
      item: dash !== null,
      hasColon: /^[A-Za-z0-9_$.-]*\s*:/.test(after),
      flow: false,
    };
  }
  if (dash !== null && (rest[0] === '"' || rest[0] === "'") && !rest.slice(1).includes(rest[0])) {
    const home = climb(lines, line, content, dash);
    if (home === null) return null;
    const partial = rest.slice(1);
    return {
      kind: 'value',
      path: home.path,
      partial,
      from: content + 1,
      to: column + wordEnd(after, 0),
      flow: false,
      quote: rest[0] as '"' | "'",
    };
  }
  return null;
}

/** Lines from a string (for tests and one-off calls). */
export function linesOf(text: string): Lines {
  const all = text.split('\n');
  return { count: all.length, text: (n) => all[n - 1] ?? '' };
}
