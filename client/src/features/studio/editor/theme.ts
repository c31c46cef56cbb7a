/**
 * The code editor's look: the app's tokens (client/src/styles.css) on a white sheet, keys in the accent navy,
 * quoted text in green, comments muted; problems underlined in the status colours. Always left to right (YAML is),
 * even on an Arabic page.
 */
import { syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';

/** The tag names lang-yaml uses (see @lezer/yaml), matched by name to keep @lezer/highlight out of our imports. */
const CLASSES: Readonly<Record<string, string>> = {
  'definition(propertyName)': 'cm-y-key',
  string: 'cm-y-string',
  'special(string)': 'cm-y-block',
  lineComment: 'cm-y-comment',
  separator: 'cm-y-punct',
  punctuation: 'cm-y-punct',
  squareBracket: 'cm-y-punct',
  brace: 'cm-y-punct',
  labelName: 'cm-y-anchor',
  typeName: 'cm-y-anchor',
  meta: 'cm-y-comment',
  keyword: 'cm-y-anchor',
};

type Highlighter = Parameters<typeof syntaxHighlighting>[0];

const yamlHighlighter: Highlighter = {
  style(tags) {
    for (const tag of tags) {
      const css = CLASSES[String(tag)];
      if (css !== undefined) return css;
    }
    return null;
  },
};

export const highlighting = syntaxHighlighting(yamlHighlighter);

export const editorTheme = EditorView.theme(
  {
    '&': {
      backgroundColor: 'var(--surface)',
      color: 'var(--ink)',
      fontSize: '0.9rem',
      height: '100%',
    },
    '&.cm-focused': { outline: 'none' },
    '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.6', overflow: 'auto' },
    '.cm-content': { caretColor: 'var(--ink)', paddingBlock: '0.5rem' },
    '.cm-line': { paddingInline: '0.5rem 0.75rem' },
    // Wrapped lines hang under their own text (see wrapIndent.ts).
    '.cm-line.cm-hanging': {
      paddingInlineStart: 'calc(0.5rem + var(--cm-indent))',
      textIndent: 'calc(-1 * var(--cm-indent))',
    },
    '.cm-cursor, .cm-dropCursor': { borderInlineStartColor: 'var(--ink)', borderInlineStartWidth: '2px' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: '#cddcf0',
    },
    '.cm-activeLine': { backgroundColor: '#f3f6fb' },
    '.cm-gutters': {
      backgroundColor: 'var(--bg)',
      color: 'var(--ink-3)',
      borderInlineEnd: '1px solid var(--line)',
    },
    '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)', color: 'var(--ink)' },
    '.cm-lineNumbers .cm-gutterElement': { paddingInline: '0.5rem 0.4rem', minWidth: '2.6rem' },
    '.cm-foldGutter .cm-gutterElement': { color: 'var(--ink-3)', paddingInline: '2px', cursor: 'pointer' },
    '.cm-foldPlaceholder': {
      backgroundColor: 'var(--accent-soft)',
      border: '1px solid var(--line-strong)',
      color: 'var(--accent)',
      borderRadius: '4px',
      paddingInline: '0.3rem',
    },
    '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
      backgroundColor: 'var(--accent-soft)',
      outline: '1px solid var(--line-strong)',
    },
    '.cm-searchMatch': { backgroundColor: '#fbe7a8', outline: '1px solid #d9b44a' },
    '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: '#f4cd55' },
    '.cm-selectionMatch': { backgroundColor: '#e5ecd8' },

    // Problems: wavy underline in the status colour, and a gutter marker per line.
    '.cm-lintRange-error': {
      backgroundImage: 'none',
      textDecoration: 'underline wavy var(--danger)',
      textDecorationThickness: '1.5px',
      textUnderlineOffset: '3px',
      backgroundColor: 'var(--danger-soft)',
    },
    '.cm-lintRange-warning': {
      backgroundImage: 'none',
      textDecoration: 'underline wavy var(--warn)',
      textDecorationThickness: '1.5px',
      textUnderlineOffset: '3px',
      backgroundColor: 'var(--warn-soft)',
    },
    '.cm-lintRange-info': {
      backgroundImage: 'none',
      textDecoration: 'underline dotted var(--accent)',
      textDecorationThickness: '1.5px',
      textUnderlineOffset: '3px',
    },
    '.cm-lintPoint:after': { borderBottomColor: 'var(--danger)' },
    '.cm-lintPoint-warning:after': { borderBottomColor: 'var(--warn)' },
    '.cm-lintPoint-info:after': { borderBottomColor: 'var(--accent)' },
    '.cm-gutter-lint': { width: '1.2rem' },
    '.cm-gutter-lint .cm-gutterElement': { padding: '0 0.15rem' },

    // Tooltips (problems, completion): a card in the app's style.
    '.cm-tooltip': {
      backgroundColor: 'var(--surface)',
      color: 'var(--ink)',
      border: '1px solid var(--line-strong)',
      borderRadius: 'var(--radius)',
      boxShadow: '0 6px 20px rgba(15, 27, 45, 0.14)',
      fontFamily: 'var(--font)',
    },
    '.cm-tooltip-lint': { padding: '0', maxWidth: 'min(34rem, 90vw)' },
    '.cm-diagnostic': {
      padding: '0.55rem 0.75rem 0.6rem',
      marginInlineStart: '0',
      borderInlineStart: '4px solid transparent',
      fontSize: '0.9rem',
      lineHeight: '1.45',
      whiteSpace: 'normal',
    },
    '.cm-diagnostic + .cm-diagnostic': { borderBlockStart: '1px solid var(--line)' },
    '.cm-diagnostic-error': { borderInlineStartColor: 'var(--danger)' },
    '.cm-diagnostic-warning': { borderInlineStartColor: 'var(--warn)' },
    '.cm-diagnostic-info': { borderInlineStartColor: 'var(--accent)' },
    '.cm-diagnosticAction': {
      font: 'inherit',
      fontSize: '0.85rem',
      fontWeight: '600',
      backgroundColor: 'var(--accent)',
      color: 'var(--accent-ink)',
      border: '0',
      borderRadius: '4px',
      padding: '0.3rem 0.7rem',
      marginInlineStart: '0',
      marginInlineEnd: '0.5rem',
      marginBlockStart: '0.45rem',
      cursor: 'pointer',
    },
    '.cm-diagnosticSource': { display: 'none' },
    '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)', maxHeight: '16rem' },
    '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '0.2rem 0.6rem', lineHeight: '1.5' },
    '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-ink)' },
    '.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail': { color: 'var(--accent-ink)' },
    '.cm-completionDetail': { fontFamily: 'var(--font)', fontStyle: 'normal', color: 'var(--ink-3)' },
    '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '700' },
    '.cm-completionInfo': {
      fontFamily: 'var(--font)',
      fontSize: '0.85rem',
      padding: '0.45rem 0.65rem',
      maxWidth: '22rem',
      lineHeight: '1.4',
    },

    // Panels (search, problem list).
    '.cm-panels': { backgroundColor: 'var(--bg)', color: 'var(--ink)', fontFamily: 'var(--font)' },
    '.cm-panels.cm-panels-bottom': { borderBlockStart: '1px solid var(--line)' },
    '.cm-panels.cm-panels-top': { borderBlockEnd: '1px solid var(--line)' },
    '.cm-panel.cm-search': { padding: '0.5rem 2rem 0.5rem 0.6rem', fontSize: '0.9rem' },
    '.cm-panel.cm-search label': { fontSize: '0.85rem', marginInlineEnd: '0.4rem' },
    '.cm-textfield': {
      font: 'inherit',
      fontSize: '0.9rem',
      border: '1px solid var(--line-strong)',
      borderRadius: '4px',
      padding: '0.2rem 0.4rem',
      backgroundColor: 'var(--surface)',
      color: 'var(--ink)',
    },
    '.cm-button': {
      font: 'inherit',
      fontSize: '0.85rem',
      backgroundImage: 'none',
      backgroundColor: 'var(--surface)',
      border: '1px solid var(--line-strong)',
      borderRadius: '4px',
      padding: '0.2rem 0.6rem',
      color: 'var(--ink)',
    },
    '.cm-panel button[name=close]': { color: 'var(--ink-2)', fontSize: '1.2rem', insetInlineEnd: '0.4rem' },
    '.cm-panel.cm-panel-lint ul': { maxHeight: '12rem' },
    '.cm-panel.cm-panel-lint ul [aria-selected]': { backgroundColor: 'var(--accent-soft)' },
    '.cm-panel.cm-panel-lint ul:focus [aria-selected]': {
      backgroundColor: 'var(--accent)',
      color: 'var(--accent-ink)',
    },

    // Syntax colours (AA contrast on white).
    '.cm-y-key': { color: 'var(--accent)', fontWeight: '600' },
    '.cm-y-string': { color: '#1f6b43' },
    '.cm-y-block': { color: 'var(--ink-3)', fontWeight: '600' },
    '.cm-y-comment': { color: '#5d6778', fontStyle: 'italic' },
    '.cm-y-punct': { color: '#5d6778' },
    '.cm-y-anchor': { color: '#8a5a00' },
  },
  { dark: false },
);
