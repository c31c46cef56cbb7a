/**
 * A quick scan of the YAML tokens that estimates how deeply collections nest, so that absurdly deep documents
 * (`[[[[...` or `- - - - ...` thousands deep) are refused before the parser spends seconds on them or runs out of
 * stack. The estimate counts open flow brackets plus the block collections open at increasing indentation; it is
 * close to the real depth, and the exact limit is enforced later on the parsed tree.
 */
import { CST, Lexer } from 'yaml';

/** Synthetic lexer tokens that occupy no source text; the scalar marker announces that a scalar's text follows. */
const SCALAR_MARKER = '\u001f';
const SYNTHETIC = new Set(['\u0002', '\u0018']);
const SCALARS = new Set(['scalar', 'alias', 'single-quoted-scalar', 'double-quoted-scalar']);

/** The source offset where the estimated nesting first exceeds `limit`, or undefined. */
export function findExcessiveNesting(text: string, limit: number): number | undefined {
  let offset = 0;
  let column = 0;
  let flow = 0;
  let keyColumn: number | undefined;
  let scalarFollows = false;
  const block: number[] = [];
  const openBlockAt = (at: number): void => {
    while (block.length > 0 && (block[block.length - 1] ?? 0) > at) block.pop();
    if (block[block.length - 1] !== at) block.push(at);
  };
  for (const token of new Lexer().lex(text)) {
    if (SYNTHETIC.has(token)) continue;
    if (token === SCALAR_MARKER) {
      scalarFollows = true;
      continue;
    }
    const type = scalarFollows ? 'scalar' : CST.tokenType(token);
    scalarFollows = false;
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (flow === 0) keyColumn = column;
      flow++;
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (flow === 0) {
      if (type === 'seq-item-ind' || type === 'explicit-key-ind') openBlockAt(column);
      else if (type === 'map-value-ind' && keyColumn !== undefined) openBlockAt(keyColumn);
      else if (type !== null && SCALARS.has(type)) keyColumn = column;
      else if (type === 'doc-start') block.length = 0;
    }
    if (flow + block.length > limit) return offset;
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    column = newline === -1 ? column + token.length : token.length - newline - 1;
  }
  return undefined;
}
