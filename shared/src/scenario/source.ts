/**
 * From text to plain data: YAML parsing with positions, guarded against hostile input (deep nesting, alias bombs,
 * duplicate and reserved keys, several documents in one file). Problems come back as messages with source offsets.
 */
import { type Document, LineCounter, parseDocument, type YAMLError } from 'yaml';
import { findExcessiveNesting } from './depthScan.ts';
import type { Path } from './diagnostics.ts';
import { checkData, checkTree, MAX_DEPTH } from './tree.ts';

/** Maximum alias expansions while converting (the `yaml` package's guard against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** The quick token scan refuses only documents far deeper than the real limit, checked exactly on the tree. */
const PRESCAN_DEPTH = MAX_DEPTH * 4;

export type SourceProblem = { message: string; offset: number; path: Path; part?: 'key' | 'value' };

export type Source =
  | { ok: true; doc: Document; lineCounter: LineCounter; data: unknown; warnings: SourceProblem[] }
  | { ok: false; lineCounter: LineCounter; doc?: Document; errors: SourceProblem[]; warnings: SourceProblem[] };

const tooDeep = `nested more than ${MAX_DEPTH} levels deep; a scenario never needs that many`;

function yamlMessage(error: YAMLError): string {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'a second YAML document starts here ("---"); a scenario file holds exactly one';
    case 'TAB_AS_INDENT':
      return 'YAML syntax error: tabs are not allowed for indentation; use spaces';
    case 'RESOURCE_EXHAUSTION':
      return tooDeep;
    case 'BAD_ALIAS':
      return `YAML syntax error: ${error.message} (an alias "*name" needs an anchor "&name" before it)`;
    default:
      return `YAML syntax error: ${error.message.replace(/\.$/, '')}`;
  }
}

function fromYamlErrors(errors: readonly YAMLError[]): SourceProblem[] {
  const problems = errors.map((e) => ({ message: yamlMessage(e), offset: e.pos[0], path: [] as Path }));
  // A stack overflow inside the parser is reported many times over; once is enough.
  const deep = problems.findIndex((p) => p.message === tooDeep);
  return deep === -1 ? problems : [problems[deep] as SourceProblem];
}

export function parseSource(text: string): Source {
  const lineCounter = new LineCounter();
  const deepAt = findExcessiveNesting(text, PRESCAN_DEPTH);
  if (deepAt !== undefined) {
    // Count lines up to the problem so that positions still resolve.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1 && i < deepAt; i = text.indexOf('\n', i + 1))
      lineCounter.addNewLine(i + 1);
    return { ok: false, lineCounter, errors: [{ message: tooDeep, offset: deepAt, path: [] }], warnings: [] };
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const warnings = doc.warnings.map((w) => ({ message: w.message, offset: w.pos[0], path: [] as Path }));
  if (doc.errors.length > 0) return { ok: false, lineCounter, doc, errors: fromYamlErrors(doc.errors), warnings };

  const tree = checkTree(doc.contents);
  const unknownAliases = tree.aliases
    .filter((alias) => alias.resolve(doc) === undefined)
    .map((alias) => ({
      message: `unknown alias "*${alias.source}": an alias needs its anchor "&${alias.source}" defined before it`,
      offset: alias.range?.[0] ?? 0,
      path: [] as Path,
    }));
  const treeErrors = [...tree.problems, ...unknownAliases];
  if (treeErrors.length > 0) return { ok: false, lineCounter, doc, errors: treeErrors, warnings };
  const firstAlias = tree.aliases.reduce((min, a) => Math.min(min, a.range?.[0] ?? 0), Number.POSITIVE_INFINITY);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError) {
      const text = String(error.message);
      const message = /alias count/i.test(text)
        ? `aliases expand too much (more than ${MAX_ALIAS_COUNT} expansions): this looks like a "billion laughs" attack`
        : error.name === 'RangeError'
          ? tooDeep
          : `YAML error: ${text}`;
      return {
        ok: false,
        lineCounter,
        doc,
        errors: [{ message, offset: Number.isFinite(firstAlias) ? firstAlias : 0, path: [] }],
        warnings,
      };
    }
    throw error;
  }
  const dataProblem = checkData(data);
  if (dataProblem !== undefined) {
    return { ok: false, lineCounter, doc, errors: [{ ...dataProblem, offset: -1 }], warnings };
  }
  return { ok: true, doc, lineCounter, data, warnings };
}
