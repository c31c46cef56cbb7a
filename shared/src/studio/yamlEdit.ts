/**
 * Putting imported injects back into a scenario's YAML source: the `injects` section is rewritten as a trainer
 * would write it (no filled-in defaults; short lists, effects and indicators on one line), and every other byte of
 * the file, comments and layout included, stays as it was. Comments inside the old injects section are lost.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
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
