/**
 * Wrapped lines keep their indentation: a long YAML line folds under its own text rather than at the margin, so
 * the structure stays readable on a narrow screen. Each visible line that starts with spaces carries its indent
 * as a CSS variable; the theme turns it into a hanging indent.
 */
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';

const cache = new Map<number, Decoration>();

function lineDecoration(spaces: number): Decoration {
  let d = cache.get(spaces);
  if (d === undefined) {
    d = Decoration.line({ attributes: { class: 'cm-hanging', style: `--cm-indent: ${spaces}ch` } });
    cache.set(spaces, d);
  }
  return d;
}

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      let spaces = 0;
      while (spaces < line.length && line.text.charCodeAt(spaces) === 32) spaces++;
      // A list item's text wraps under the text, after the "- ".
      if (line.text.startsWith('- ', spaces)) spaces += 2;
      if (spaces > 0 && spaces < line.length) builder.add(line.from, line.from, lineDecoration(spaces));
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

export const hangingIndent = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view);
    }
  },
  { decorations: (v) => v.decorations },
);
