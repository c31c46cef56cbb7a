/**
 * Checks on the parsed YAML tree before it becomes data, done without recursion so that no input can overflow the
 * stack: nesting depth, duplicate keys, keys that could reach object prototypes, and keys that are not plain
 * names. After conversion, the same for the data itself (aliases can deepen or loop it, and multiply its size).
 */
import { type Alias, isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Path } from './diagnostics.ts';

export const MAX_DEPTH = 64;
export const MAX_VALUES = 300_000;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type TreeProblem = { message: string; path: Path; part: 'key' | 'value'; offset: number };

const deepMessage = `nested more than ${MAX_DEPTH} levels deep; a scenario never needs that many`;

/** Problems in the node tree, at most one deep-nesting report. Also returns the aliases, in no particular order. */
export function checkTree(root: Node | null): { problems: TreeProblem[]; aliases: Alias[] } {
  const problems: TreeProblem[] = [];
  const aliases: Alias[] = [];
  let tooDeep = false;
  const stack: { node: Node; depth: number; path: Path }[] = root === null ? [] : [{ node: root, depth: 1, path: [] }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop() as { node: Node; depth: number; path: Path };
    const offset = node.range?.[0] ?? 0;
    if (isAlias(node)) {
      aliases.push(node);
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_DEPTH) {
      if (!tooDeep) problems.push({ message: deepMessage, path: path.slice(0, 2), part: 'value', offset });
      tooDeep = true;
      continue;
    }
    if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (item !== null && typeof item === 'object')
          stack.push({ node: item as Node, depth: depth + 1, path: [...path, index] });
      });
      continue;
    }
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const keyOffset = key?.range?.[0] ?? offset;
      if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
        problems.push({
          message: 'a key must be a plain name, not a list, mapping, alias or empty',
          path,
          part: 'value',
          offset: keyOffset,
        });
        continue;
      }
      const name = String(key.value);
      const childPath = [...path, name];
      if (RESERVED_KEYS.has(name)) {
        problems.push({
          message: `the key "${name}" is not allowed (a reserved name)`,
          path,
          part: 'value',
          offset: keyOffset,
        });
      } else if (seen.has(name)) {
        problems.push({
          message: `duplicate key "${name}": each field may appear only once`,
          path,
          part: 'value',
          offset: keyOffset,
        });
      }
      seen.add(name);
      const value = pair.value as Node | null;
      if (value !== null && typeof value === 'object') stack.push({ node: value, depth: depth + 1, path: childPath });
    }
  }
  return { problems, aliases };
}

/**
 * Problems in converted data: a loop (an alias inside the node it names), nesting beyond the limit once aliases
 * are expanded, or more values than any scenario holds. Returns the first problem only.
 */
export function checkData(value: unknown): { message: string; path: Path } | undefined {
  let count = 0;
  const onPath = new Set<object>();
  type Frame = { value: unknown; depth: number; path: Path; exit?: object };
  const stack: Frame[] = [{ value, depth: 1, path: [] }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.exit !== undefined) {
      onPath.delete(frame.exit);
      continue;
    }
    if (++count > MAX_VALUES) {
      return {
        message: `the document holds more than ${MAX_VALUES.toLocaleString('en')} values once aliases are expanded`,
        path: frame.path,
      };
    }
    const current = frame.value;
    if (current === null || typeof current !== 'object') continue;
    if (onPath.has(current))
      return { message: 'an alias refers to a node that contains it (a loop)', path: frame.path };
    if (frame.depth > MAX_DEPTH)
      return { message: `${deepMessage} (once aliases are expanded)`, path: frame.path.slice(0, 2) };
    onPath.add(current);
    stack.push({ value: undefined, depth: 0, path: frame.path, exit: current });
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((v, i) => [i, v])
      : current instanceof Uint8Array
        ? []
        : Object.entries(current);
    for (const [key, child] of entries)
      stack.push({ value: child, depth: frame.depth + 1, path: [...frame.path, key] });
  }
  return undefined;
}
