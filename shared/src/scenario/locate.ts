/**
 * Mapping a path in the scenario (`injects[3].to`) back to a line and column in the YAML source, following aliases.
 * When the path does not exist in the source (a missing field, a default), it points at the nearest enclosing node.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { Position } from './decode.ts';
import type { Anchor, Path } from './diagnostics.ts';

export type Locator = (anchor: Anchor) => Position;

type Found = { node: Node | null; key: Node | null; complete: boolean };

function keyMatches(key: unknown, segment: string | number): boolean {
  return isScalar(key) && String(key.value) === String(segment);
}

function walk(doc: Document, path: Path): Found {
  let node: Node | null = doc.contents;
  let key: Node | null = null;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    let next: Node | null | undefined;
    let nextKey: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyMatches(p.key, segment));
      if (pair !== undefined) {
        nextKey = isPair(pair) && pair.key !== null && typeof pair.key === 'object' ? (pair.key as Node) : null;
        next = (pair.value as Node | null) ?? nextKey;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | undefined;
    }
    if (next === undefined || next === null) return { node, key, complete: false };
    node = next;
    key = nextKey;
  }
  return { node, key, complete: true };
}

/** A locator for one parsed document: anchors to 1-based line and column. */
export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  return ({ path, part = 'value' }) => {
    const found = walk(doc, path);
    const target = part === 'key' && found.complete && found.key !== null ? found.key : found.node;
    const offset = target?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return line === 0 ? { line: 1, column: 1 } : { line, column: col };
  };
}
