/**
 * The code editor's engine room: one CodeMirror view bound to the draft store (../draft.ts). Typing writes the text
 * with `edit()` and, after a pause, has it validated; text rewritten elsewhere (the tables, a restored version) flows
 * back in as one minimal change so the cursor stays put; each parse becomes marks at their place, with the quick
 * fix a "did you mean" offers; a valid text is also linted, in a worker, after a longer pause; a reveal request
 * moves the cursor to the line asked for.
 */

import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit } from '@codemirror/language';
import { type Diagnostic, forEachDiagnostic, lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState, type Text } from '@codemirror/state';
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type ViewUpdate,
} from '@codemirror/view';
import type { TFunction } from 'i18next';
import schemaJson from '../../../../../scenarios/scenario.schema.json' with { type: 'json' };
import { draft } from '../draft.ts';
import { type EditorMark, marksFromFindings, marksFromParse } from './diagnostics.ts';
import type { LintReply, LintRequest } from './lint.worker.ts';
import type { PlacedFinding } from './lintPlace.ts';
import { type DocumentIds, idsOf, readLeniently } from './references.ts';
import { type CompletionOption, completionOptions, type JsonSchema } from './schemaCompletion.ts';
import { editorTheme, highlighting } from './theme.ts';
import { hangingIndent } from './wrapIndent.ts';
import { type Lines, yamlContextAt } from './yamlContext.ts';

const SCHEMA = schemaJson as unknown as JsonSchema;

/** After typing stops: validate (the page shell validates at 350 ms; this only catches what it did not). */
export const VALIDATE_MS = 400;
/** After a valid text stops changing: lint (slower, in a worker). */
export const LINT_MS = 1200;

/** Text set from outside the editor (the store): not written back. */
const external = Annotation.define<boolean>();

export type CursorProblem = {
  readonly mark: EditorMark;
  readonly diagnostic: Diagnostic;
};

export type Texts = { readonly t: TFunction; readonly language: string };

const linesOf = (doc: Text): Lines => ({ count: doc.lines, text: (n) => doc.line(n).text });

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function phrasesFor(t: TFunction): Record<string, string> {
  const p = (key: string) => t(`studio.editor.phrases.${key}`);
  return {
    Find: p('find'),
    Replace: p('replace'),
    next: p('next'),
    previous: p('previous'),
    all: p('all'),
    'match case': p('matchCase'),
    regexp: p('regexp'),
    'by word': p('byWord'),
    replace: p('replaceOne'),
    'replace all': p('replaceAll'),
    close: p('close'),
    'Go to line': p('goToLine'),
    go: p('go'),
    'current match': p('currentMatch'),
    'on line': p('onLine'),
    Diagnostics: p('diagnostics'),
    'No diagnostics': p('noDiagnostics'),
    Completions: p('completions'),
    'Selection deleted': p('selectionDeleted'),
    'Fold line': p('fold'),
    'Unfold line': p('unfold'),
    'folded code': p('foldedCode'),
    unfold: p('unfold'),
  };
}

/** The smallest change turning `a` into `b` (one replaced span), so marks and the cursor map through it. */
export function minimalChange(a: string, b: string): { from: number; to: number; insert: string } {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { from: start, to: endA, insert: b.slice(start, endB) };
}

export class EditorController {
  readonly view: EditorView;
  private texts: Texts;
  private readonly onProblem: (problem: CursorProblem | null) => void;
  private readonly config = new Compartment();
  /** The text last exchanged with the store (written by typing, or received). */
  private pushed: string;
  /** The text the store's `parsed` was computed from. */
  private parsedFor: string | null;
  private documentId: string | null;
  private validateTimer: ReturnType<typeof setTimeout> | undefined;
  private lintTimer: ReturnType<typeof setTimeout> | undefined;
  private worker: Worker | null = null;
  private workerFailed = false;
  private lintSeq = 0;
  private lintPending: { seq: number; source: string } | null = null;
  private lint: { source: string; findings: PlacedFinding[] } | null = null;
  private readonly marks = new WeakMap<Diagnostic, EditorMark>();
  private problem: CursorProblem | null = null;
  private idsCache: { text: string; ids: DocumentIds } | null = null;
  private readonly unsubscribe: () => void;

  constructor(parent: HTMLElement, texts: Texts, onProblem: (problem: CursorProblem | null) => void) {
    this.texts = texts;
    this.onProblem = onProblem;
    const s = draft.getState();
    this.pushed = s.source;
    this.documentId = s.documentId;
    this.parsedFor = s.parsed === null ? null : s.source;
    this.view = new EditorView({ parent, state: this.createState(s.source) });
    this.unsubscribe = draft.subscribe((state, prev) => {
      if (state.documentId !== this.documentId) {
        this.documentId = state.documentId;
        this.pushed = state.source;
        this.lint = null;
        this.parsedFor = state.parsed === null ? null : state.source;
        this.view.setState(this.createState(state.source));
        this.refresh();
      } else if (state.source !== prev.source && state.source !== this.pushed) {
        this.receive(state.source);
      }
      if (state.parsed !== prev.parsed) {
        this.parsedFor = state.source;
        this.refresh();
      }
      if (state.revealAt !== prev.revealAt && state.revealAt !== null) {
        const { line, column } = state.revealAt;
        this.reveal(line, column);
      }
    });
    this.refresh();
  }

  destroy(): void {
    this.unsubscribe();
    clearTimeout(this.validateTimer);
    clearTimeout(this.lintTimer);
    this.worker?.terminate();
    this.view.destroy();
  }

  /** The reader's language changed: the editor's own words, the marks' labels, lint's titles. */
  setTexts(texts: Texts): void {
    const relint = texts.language !== this.texts.language;
    this.texts = texts;
    this.view.dispatch({ effects: this.config.reconfigure(this.configuration()) });
    if (relint) this.lint = null;
    this.refresh();
  }

  /** Puts the cursor at line:column (1-based) and scrolls it into view. */
  reveal(line: number, column: number): void {
    // The Findings panel switches to this tab in the same click: wait until it is shown.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const doc = this.view.state.doc;
        const l = doc.line(Math.min(Math.max(1, line), doc.lines));
        const pos = Math.min(l.from + Math.max(0, column - 1), l.to);
        this.view.dispatch({
          selection: { anchor: pos },
          effects: EditorView.scrollIntoView(pos, { y: 'center' }),
        });
        this.view.focus();
      }),
    );
  }

  /** Applies the quick fix of a mark shown at the cursor. */
  applyFix(problem: CursorProblem): void {
    let current: number | null = null;
    forEachDiagnostic(this.view.state, (d, from) => {
      if (d === problem.diagnostic) current = from;
    });
    if (current === null) return;
    this.fix(problem.mark, current);
  }

  private fix(mark: EditorMark, from: number): void {
    const fix = mark.fix;
    if (fix === null) return;
    const delta = from - mark.from;
    const at = fix.from + delta;
    if (this.view.state.sliceDoc(at, fix.to + delta) === fix.insert) return;
    this.view.dispatch({
      changes: { from: at, to: fix.to + delta, insert: fix.insert },
      selection: { anchor: at + fix.insert.length },
      userEvent: 'input.fix',
    });
    this.view.focus();
  }

  private configuration() {
    const { t } = this.texts;
    return [
      EditorState.phrases.of(phrasesFor(t)),
      EditorView.contentAttributes.of({
        // Explicit, so checkers see the scrolling text area holds something reachable with Tab.
        tabindex: '0',
        'aria-label': t('studio.editor.label'),
        'aria-describedby': 'scenario-editor-keys',
      }),
    ];
  }

  private createState(doc: string): EditorState {
    return EditorState.create({
      doc,
      extensions: [
        this.config.of(this.configuration()),
        lineNumbers(),
        foldGutter(),
        lintGutter(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        dropCursor(),
        indentUnit.of('  '),
        EditorState.tabSize.of(2),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        EditorView.lineWrapping,
        hangingIndent,
        yaml(),
        highlighting,
        editorTheme,
        autocompletion({
          override: [(context) => this.complete(context)],
          icons: false,
          maxRenderedOptions: 60,
        }),
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...foldKeymap,
          ...completionKeymap,
          ...lintKeymap,
          indentWithTab,
        ]),
        EditorView.updateListener.of((update) => this.updated(update)),
      ],
    });
  }

  private updated(update: ViewUpdate): void {
    if (update.docChanged && !update.transactions.some((tr) => tr.annotation(external) === true)) {
      const text = update.state.doc.toString();
      this.pushed = text;
      draft.getState().edit(text);
      this.scheduleValidate();
    }
    if (update.docChanged || update.selectionSet || update.transactions.some((tr) => tr.effects.length > 0)) {
      this.findProblem(update.state);
    }
  }

  /** Text changed in the store by someone else (the tables, a restored version): one minimal change, undoable. */
  private receive(text: string): void {
    const current = this.view.state.doc.toString();
    this.pushed = text;
    if (current === text) return;
    this.view.dispatch({ changes: minimalChange(current, text), annotations: external.of(true) });
    this.scheduleValidate();
  }

  private scheduleValidate(): void {
    clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => {
      const s = draft.getState();
      if (s.source !== this.parsedFor) s.validate();
    }, VALIDATE_MS);
  }

  /** Shows the marks of the latest parse (when it is of the text on screen) and lint's when they are fresh. */
  private refresh(): void {
    const { parsed, source } = draft.getState();
    const doc = this.view.state.doc;
    if (parsed === null || this.parsedFor !== source || source !== this.pushed) return;
    const marks = marksFromParse(parsed, doc);
    const fresh = this.lint !== null && this.lint.source === source;
    const lintMarks = fresh && this.lint !== null ? marksFromFindings(this.lint.findings, doc) : [];
    const diagnostics = [...marks, ...lintMarks].map((m) => this.toDiagnostic(m));
    if (!fresh && parsed.ok) {
      // Keep the previous advice (mapped through the edits) until the new one arrives, so it does not flicker.
      forEachDiagnostic(this.view.state, (d, from, to) => {
        const mark = this.marks.get(d);
        if (mark?.source !== 'lint' || to > doc.length) return;
        const moved = { ...d, from, to };
        this.marks.set(moved, { ...mark, from, to, fix: null });
        diagnostics.push(moved);
      });
    }
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
    if (parsed.ok && !fresh) this.scheduleLint(source);
    else if (!parsed.ok) clearTimeout(this.lintTimer);
  }

  private toDiagnostic(mark: EditorMark): Diagnostic {
    const { t } = this.texts;
    const fix = mark.fix;
    const diagnostic: Diagnostic = {
      from: mark.from,
      to: mark.to,
      severity: mark.severity,
      message: mark.message,
      source: mark.source,
      renderMessage: () => renderMark(mark, t),
      actions:
        fix === null
          ? []
          : [
              {
                name: t('studio.editor.fix', { word: fix.insert }),
                apply: (_view, from) => this.fix(mark, from),
              },
            ],
    };
    this.marks.set(diagnostic, mark);
    return diagnostic;
  }

  private findProblem(state: EditorState): void {
    const head = state.selection.main.head;
    const line = state.doc.lineAt(head);
    let best: CursorProblem | null = null;
    let bestFrom = 0;
    forEachDiagnostic(state, (d, from, to) => {
      if (to < line.from || from > line.to) return;
      const mark = this.marks.get(d);
      if (mark === undefined) return;
      const better =
        best === null ||
        (RANK[d.severity] ?? 3) < (RANK[best.diagnostic.severity] ?? 3) ||
        (d.severity === best.diagnostic.severity && from <= head && from > bestFrom);
      if (better) {
        best = { mark, diagnostic: d };
        bestFrom = from;
      }
    });
    const previous = this.problem;
    const next = best as CursorProblem | null;
    if (previous?.diagnostic === next?.diagnostic) return;
    this.problem = next;
    this.onProblem(next);
  }

  private scheduleLint(source: string): void {
    clearTimeout(this.lintTimer);
    this.lintTimer = setTimeout(() => this.startLint(source), LINT_MS);
  }

  private startLint(source: string): void {
    if (draft.getState().source !== source || this.workerFailed) return;
    if (this.worker === null) {
      try {
        this.worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module' });
        this.worker.onmessage = (event: MessageEvent<LintReply>) => this.linted(event.data);
        this.worker.onerror = () => {
          this.workerFailed = true;
          this.worker?.terminate();
          this.worker = null;
        };
      } catch {
        this.workerFailed = true;
        return;
      }
    }
    const seq = ++this.lintSeq;
    this.lintPending = { seq, source };
    const request: LintRequest = { seq, source, language: this.texts.language };
    this.worker.postMessage(request);
  }

  private linted(reply: LintReply): void {
    const pending = this.lintPending;
    if (pending === null || pending.seq !== reply.seq) return;
    this.lintPending = null;
    if (draft.getState().source !== pending.source) return;
    this.lint = { source: pending.source, findings: reply.findings };
    this.refresh();
  }

  // ── Completion ──

  private ids(state: EditorState): DocumentIds {
    const { parsed } = draft.getState();
    const text = state.doc.toString();
    if (this.idsCache?.text === text) return this.idsCache.ids;
    const data = parsed?.ok === true && this.parsedFor === text ? parsed.scenario : readLeniently(text);
    const ids = idsOf(data);
    // A text too broken to read keeps the ids last seen.
    const empty = Object.values(ids).every((list) => list.length === 0);
    const kept = empty && this.idsCache !== null ? this.idsCache.ids : ids;
    this.idsCache = { text, ids: kept };
    return kept;
  }

  private complete(context: CompletionContext): CompletionResult | null {
    const { state, pos } = context;
    const line = state.doc.lineAt(pos);
    const ctx = yamlContextAt(linesOf(state.doc), line.number, pos - line.from);
    if (ctx === null) return null;
    if (!context.explicit && ctx.partial === '') {
      const before = line.text.slice(0, pos - line.from);
      const opened = ctx.kind === 'value' && /(:\s|[[,]\s?|\{\s?)$/.test(before);
      if (!opened) return null;
    }
    const options = completionOptions(SCHEMA, ctx, this.ids(state));
    if (options.length === 0) return null;
    const { t } = this.texts;
    return {
      from: line.from + ctx.from,
      to: Math.max(pos, line.from + ctx.to),
      options: options.map((o) => toCompletion(o, t)),
      validFor: /^[A-Za-z0-9_$.-]*$/,
    };
  }
}

function toCompletion(option: CompletionOption, t: TFunction): Completion {
  const detail =
    option.kind === 'key'
      ? option.required === true
        ? t('studio.editor.kind.required')
        : t('studio.editor.kind.field')
      : option.ref !== undefined
        ? t(`studio.editor.ref.${option.ref}`)
        : t('studio.editor.kind.value');
  return {
    label: option.label,
    apply: option.apply,
    detail,
    type: option.kind === 'key' ? 'property' : option.kind === 'value' ? 'enum' : 'variable',
    boost: option.required === true ? 2 : option.kind === 'id' ? 1 : 0,
    ...(option.info === undefined ? {} : { info: option.info }),
  };
}

/** A mark's tooltip: what kind of problem, where, the message, the field. */
function renderMark(mark: EditorMark, t: TFunction): HTMLElement {
  const box = document.createElement('div');
  box.className = 'scenario-editor__diag';
  const head = document.createElement('p');
  head.className = 'scenario-editor__diag-head';
  const badge = document.createElement('span');
  badge.className = `scenario-editor__badge scenario-editor__badge--${mark.severity}`;
  badge.textContent = t(`studio.editor.severity.${mark.severity}`);
  const where = document.createElement('span');
  where.textContent = t('studio.editor.line', { line: mark.line });
  head.append(badge, where);
  const text = document.createElement('p');
  text.className = 'scenario-editor__diag-text';
  text.textContent = mark.message;
  box.append(head, text);
  if (mark.field !== '') {
    const field = document.createElement('p');
    field.className = 'scenario-editor__diag-field';
    field.append(`${t('studio.editor.field')} `);
    const code = document.createElement('code');
    code.textContent = mark.field;
    field.append(code);
    box.append(field);
  }
  return box;
}
