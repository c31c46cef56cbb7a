/**
 * Putting imported injects back into a scenario's YAML source: the `injects` section is rewritten as a trainer
 * would write it (no filled-in defaults; short lists, effects and indicators on one line), and every other byte of
 * the file, comments and layout included, stays as it was. Comments inside the old injects section are lost.
 */
import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  parse as parseYaml,
  type Scalar,
  stringify,
  visit,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import type { Inject } from '../scenario/schema.ts';
import { plainInject } from './mselCsv.ts';

function injectsSection(injects: readonly Inject[]): string {
  const doc = new Document({ injects: injects.map(plainInject) });
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if ((key === 'effects' || key === 'indicators') && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      }
      if (key === 'when' && isMap(pair.value)) pair.value.flow = true;
    },
  });
  // A blank line between injects, as trainers write them (block text is indented deeper, so this only finds items).
  return doc
    .toString({ lineWidth: 0, flowCollectionPadding: false })
    .replace(/\n(?= {2}- id: )/g, '\n\n')
    .replace('injects:\n\n', 'injects:\n');
}

export function replaceInjects(source: string, injects: readonly Inject[]): string {
  const section = injectsSection(injects);
  const doc = parseDocument(source);
  const root = doc.contents;
  const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'injects') : undefined;
  const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  const value = pair?.value as { range?: [number, number, number] } | null | undefined;
  const end = value?.range?.[1] ?? (isScalar(pair?.key) ? pair.key.range?.[1] : undefined);
  if (start === undefined || end === undefined) {
    return `${source}${source.endsWith('\n') || source === '' ? '' : '\n'}${section}`;
  }
  const rest = source.slice(end);
  return `${source.slice(0, start)}${section.replace(/\n$/, '')}${rest.startsWith('\n') || rest === '' ? rest : `\n${rest}`}`;
}

// ─── Editing one item of a top-level list in place (the studio's structured editors) ──────────────────────────────
//
// A structured edit changes one item of a top-level list (`injects`, `delegations`, `actions`, `rules`…), found by
// its id. Only that item's text is rewritten, from the YAML nodes as written (no filled-in defaults; its comments,
// quoting and flow style kept); every other byte of the file stays as it was. Adding, removing and reordering items
// move whole items' text. A list written in flow style (`rules: []`) or missing is rewritten as a block list.

type Key = string | number;

/**
 * One change to an item: `value` replaces the field at `path` (relative to the item; `undefined` removes it), or
 * `text` sets one language of a text field, keeping the other languages (`''` removes that language).
 */
export type FieldEdit =
  | { readonly path: readonly Key[]; readonly value: unknown }
  | { readonly path: readonly Key[]; readonly text: string; readonly language: string; readonly fallback: string };

type Located = { doc: Document; pair: Pair | undefined; seq: YAMLSeq | undefined };

function locateSection(source: string, section: string): Located {
  const doc = parseDocument(source, { uniqueKeys: false });
  const root = doc.contents;
  const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === section) : undefined;
  const seq = pair !== undefined && isSeq(pair.value) ? pair.value : undefined;
  return { doc, pair: pair as Pair | undefined, seq };
}

function idOf(node: unknown): unknown {
  return isMap(node) ? node.get('id') : undefined;
}

const lineStart = (source: string, offset: number): number => source.lastIndexOf('\n', offset - 1) + 1;

/** Whether the list is a block list whose items are maps with known places in the text (`  - id: …`). */
function isBlockList(source: string, seq: YAMLSeq | undefined): seq is YAMLSeq {
  if (seq === undefined || seq.flow === true || seq.items.length === 0) return false;
  return seq.items.every((item) => {
    if (!isMap(item) || item.flow === true || item.range === undefined || item.range === null) return false;
    return /^ *- +$/.test(source.slice(lineStart(source, item.range[0]), item.range[0]));
  });
}

type Padding = { readonly maps: boolean; readonly seqs: boolean };

/** `{ a: 1 }` or `{a: 1}`, `[ a, b ]` or `[a, b]`: whichever the file mostly uses, for maps and lists apart. */
function flowPadding(source: string): Padding {
  const count = (re: RegExp) => source.match(re)?.length ?? 0;
  return {
    maps: count(/\{ [^\s}]/g) > count(/\{[^\s}]/g),
    seqs: count(/\[ [^\s\]]/g) > count(/\[[^\s\]]/g),
  };
}

type Printable = { toString(ctx?: unknown, ...rest: unknown[]): string };

/** Flow lists of plain values printed with the list padding (the printer's option covers maps and lists alike). */
function padSeqs(node: Node, padding: Padding): void {
  if (padding.seqs === padding.maps) return;
  const pad = padding.seqs ? ' ' : '';
  const fix = (seq: YAMLSeq) => {
    if (!seq.flow || !seq.items.every((item) => isScalar(item))) return;
    const printable = seq as unknown as Printable;
    const print = printable.toString.bind(seq);
    printable.toString = (ctx, ...rest) =>
      print(ctx === undefined ? ctx : { ...(ctx as object), flowCollectionPadding: pad }, ...rest);
  };
  if (isSeq(node)) fix(node);
  visit(node, {
    Seq(_, seq) {
      fix(seq);
    },
  });
}

const ONE_LINE = 64;

/** New nodes as a trainer writes them: short maps and lists of plain values on one line (the item stays a block). */
function tidy(node: unknown, root: boolean): void {
  if (!isMap(node) && !isSeq(node)) return;
  const json = JSON.stringify(node.toJSON());
  const plain = isMap(node) || node.items.every((item) => isScalar(item));
  if (!root && plain && json.length <= ONE_LINE && !json.includes('\\n')) {
    node.flow = true;
    return;
  }
  for (const item of node.items) tidy(isPair(item) ? item.value : item, false);
}

function newNode(doc: Document, value: unknown, root = false): Node {
  const node = doc.createNode(value) as Node;
  tidy(node, root);
  return node;
}

function setScalar(node: Scalar, value: unknown): void {
  node.value = value;
  const multiline = typeof value === 'string' && value.includes('\n');
  if (multiline) node.type = 'BLOCK_LITERAL';
  else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') node.type = undefined;
}

function setField(doc: Document, map: YAMLMap, path: readonly Key[], value: unknown): void {
  if (value === undefined) {
    map.deleteIn(path);
    return;
  }
  const existing = map.getIn(path, true);
  if (isScalar(existing) && (value === null || typeof value !== 'object')) setScalar(existing, value);
  else map.setIn(path, newNode(doc, value));
}

function setText(doc: Document, map: YAMLMap, path: readonly Key[], text: string, language: string, fallback: string) {
  const existing = map.getIn(path, true);
  if (isMap(existing)) {
    if (text === '') existing.delete(language);
    else setField(doc, existing, [language], text);
    if (existing.items.length === 0) map.deleteIn(path);
  } else if (isScalar(existing) && typeof existing.value === 'string' && language !== fallback) {
    const texts: Record<string, string> = { [fallback]: existing.value };
    if (text !== '') texts[language] = text;
    map.setIn(path, newNode(doc, texts));
  } else if (text === '') map.deleteIn(path);
  else setField(doc, map, path, language === fallback ? text : { [language]: text });
}

function applyEdit(doc: Document, item: YAMLMap, edit: FieldEdit): void {
  if ('text' in edit) setText(doc, item, edit.path, edit.text, edit.language, edit.fallback);
  else setField(doc, item, edit.path, edit.value);
}

/** One node printed alone at column 0, then indented to `column` (its first line goes where the old one began). */
function printNode(node: Node, column: number, padding: Padding): string {
  padSeqs(node, padding);
  const d = new Document();
  d.contents = node;
  const text = d.toString({ lineWidth: 0, flowCollectionPadding: padding.maps });
  const indent = ' '.repeat(column);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : `${indent}${line}`))
    .join('\n');
}

/** The list rewritten from its nodes (for flow or missing lists): `section:` and its items as a block list. */
function rewriteSection(source: string, located: Located, section: string, items: Node[]): string {
  const seq = new YAMLSeq();
  seq.items = items;
  seq.flow = items.length === 0;
  const map = new YAMLMap();
  map.set(section, seq);
  const padding = flowPadding(source);
  padSeqs(map, padding);
  const d = new Document();
  d.contents = map;
  const text = d.toString({ lineWidth: 0, flowCollectionPadding: padding.maps }).replace(/\n$/, '');
  const pair = located.pair;
  const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  const value = pair?.value as { range?: [number, number, number] } | null | undefined;
  const end = value?.range?.[1] ?? (isScalar(pair?.key) ? pair.key.range?.[1] : undefined);
  if (start === undefined || end === undefined) {
    return `${source}${source.endsWith('\n') || source === '' ? '' : '\n'}${text}\n`;
  }
  const rest = source.slice(end);
  return `${source.slice(0, start)}${text}${rest.startsWith('\n') || rest === '' ? rest : `\n${rest}`}`;
}

function itemsOf(located: Located): Node[] {
  return located.seq ? (located.seq.items as Node[]) : [];
}

/** Where each item's text begins (its `- ` line) and where the last one ends. */
function blocksOf(source: string, seq: YAMLSeq): { starts: number[]; end: number } {
  const items = seq.items as YAMLMap[];
  const starts = items.map((item) => lineStart(source, item.range?.[0] ?? 0));
  const last = items[items.length - 1]?.range;
  let end = Math.max(last?.[1] ?? 0, last?.[2] ?? 0);
  if (end > 0 && source[end - 1] !== '\n') {
    const newline = source.indexOf('\n', end);
    end = newline === -1 ? source.length : newline + 1;
  }
  return { starts, end };
}

/** Whether the file separates this list's items with a blank line. */
function blankBetween(source: string, starts: number[]): boolean {
  const second = starts[1];
  return second !== undefined && source.slice(0, second).endsWith('\n\n');
}

/** The text of a new item at the list's indentation, `- ` included, ending with a newline. */
function newItemText(source: string, seq: YAMLSeq, node: Node): string {
  const first = seq.items[0] as YAMLMap;
  const at = first.range?.[0] ?? 0;
  const dash = source.slice(lineStart(source, at), at);
  const text = printNode(node, dash.length, flowPadding(source));
  return `${dash}${text.endsWith('\n') ? text : `${text}\n`}`;
}

function insertNode(source: string, located: Located, section: string, index: number, node: Node): string {
  const { seq } = located;
  if (!isBlockList(source, seq)) {
    const items = [...itemsOf(located)];
    items.splice(index, 0, node);
    return rewriteSection(source, located, section, items);
  }
  const { starts, end } = blocksOf(source, seq);
  const text = newItemText(source, seq, node);
  const gap = blankBetween(source, starts) ? '\n' : '';
  const before = starts[index];
  if (before !== undefined) return `${source.slice(0, before)}${text}${gap}${source.slice(before)}`;
  const head = source.slice(0, end);
  return `${head}${head.endsWith('\n') ? '' : '\n'}${gap}${text}${source.slice(end)}`;
}

function indexOf(located: Located, id: string): number {
  return itemsOf(located).findIndex((item) => idOf(item) === id);
}

/** The item with this id changed by `edits`, or null when the list holds no such item. */
export function updateItem(source: string, section: string, id: string, edits: readonly FieldEdit[]): string | null {
  const located = locateSection(source, section);
  const index = indexOf(located, id);
  const original = located.seq?.items[index];
  if (!isMap(original)) return null;
  const item = original.clone() as YAMLMap;
  item.commentBefore = undefined;
  item.comment = undefined;
  item.spaceBefore = undefined;
  for (const edit of edits) applyEdit(located.doc, item, edit);
  const range = original.range;
  if (!isBlockList(source, located.seq) || !range) {
    const items = [...itemsOf(located)];
    items[index] = item;
    return rewriteSection(source, located, section, items);
  }
  const column = range[0] - lineStart(source, range[0]);
  let text = printNode(item, column, flowPadding(source));
  const old = source.slice(range[0], range[1]);
  if (!old.endsWith('\n')) text = text.replace(/\n$/, '');
  return `${source.slice(0, range[0])}${text}${source.slice(range[1])}`;
}

/** A new item (plain data, as a trainer would write it) at `index` of the list (its end if past it). */
export function insertItem(source: string, section: string, index: number, value: unknown): string {
  const located = locateSection(source, section);
  const at = Math.max(0, Math.min(index, itemsOf(located).length));
  return insertNode(source, located, section, at, newNode(located.doc, value, true));
}

/** A copy of the item with this id, under `newId`, just after it; null when there is no such item. */
export function duplicateItem(source: string, section: string, id: string, newId: string): string | null {
  const located = locateSection(source, section);
  const index = indexOf(located, id);
  const original = located.seq?.items[index];
  if (!isMap(original)) return null;
  const copy = original.clone() as YAMLMap;
  copy.commentBefore = undefined;
  copy.comment = undefined;
  copy.spaceBefore = undefined;
  setField(located.doc, copy, ['id'], newId);
  return insertNode(source, located, section, index + 1, copy);
}

/** The list without the item with this id (an empty list is written `[]`); null when there is no such item. */
export function removeItem(source: string, section: string, id: string): string | null {
  const located = locateSection(source, section);
  const index = indexOf(located, id);
  if (index < 0) return null;
  const { seq } = located;
  if (!isBlockList(source, seq) || seq.items.length === 1) {
    const items = itemsOf(located).filter((_, i) => i !== index);
    return rewriteSection(source, located, section, items);
  }
  const { starts, end } = blocksOf(source, seq);
  let start = starts[index] ?? 0;
  const stop = starts[index + 1] ?? end;
  if (index === starts.length - 1) while (source.slice(0, start).endsWith('\n\n')) start--;
  return `${source.slice(0, start)}${source.slice(stop)}`;
}

/** The item with this id moved to position `to` (0 = first); null when there is no such item. */
export function moveItem(source: string, section: string, id: string, to: number): string | null {
  const located = locateSection(source, section);
  const from = indexOf(located, id);
  if (from < 0) return null;
  const { seq } = located;
  const target = Math.max(0, Math.min(to, itemsOf(located).length - 1));
  if (target === from) return source;
  if (!isBlockList(source, seq)) {
    const items = [...itemsOf(located)];
    const [moved] = items.splice(from, 1);
    if (moved !== undefined) items.splice(target, 0, moved);
    return rewriteSection(source, located, section, items);
  }
  const { starts, end } = blocksOf(source, seq);
  const blocks = starts.map((start, i) => source.slice(start, starts[i + 1] ?? end).replace(/\n(\s*\n)+$/, '\n'));
  const [moved] = blocks.splice(from, 1);
  if (moved !== undefined) blocks.splice(target, 0, moved);
  const gap = blankBetween(source, starts) ? '\n' : '';
  const first = starts[0] ?? 0;
  return `${source.slice(0, first)}${blocks.map((b) => (b.endsWith('\n') ? b : `${b}\n`)).join(gap)}${source.slice(end)}`;
}

/** A value (a condition, say) written on one line as in a scenario file: `{ released: first_report }`. */
export function flowText(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/** Reads back what `flowText` writes (or any YAML a trainer types in a one-line field). */
export function readFlowText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: parseYaml(text, { maxAliasCount: 10, uniqueKeys: true }) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) };
  }
}
