/**
 * The studio's working copy of one scenario document: the YAML text being edited (the single source of truth every
 * editor reads and writes), the version it was opened from (for optimistic saves), and its parse (validator result,
 * recomputed from the text after each change, debounced by the caller). The code editor, the structured editors, the
 * diagram and the dry run all read this store; a structured edit rewrites the text (see shared/src/studio/yamlEdit.ts).
 */
import { type ParseResult, parseScenario } from '@parley/shared/scenario/parse.ts';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type DraftState = {
  /** The studio document id, or null before one is open. */
  readonly documentId: string | null;
  /** The version the text was loaded from or last saved as (sent as `baseVersion` when saving). */
  readonly baseVersion: number;
  /** The text as saved in `baseVersion`. */
  readonly savedSource: string;
  /** The text being edited. */
  readonly source: string;
  /** The validator's verdict on `source` (null until first parsed). */
  readonly parsed: ParseResult | null;
  /**
   * A request to show a place of the text in the code editor (a finding clicked in the Findings panel): the editor
   * moves its cursor there and scrolls it into view when `seq` changes. Null until the first request.
   */
  readonly revealAt: { readonly line: number; readonly column: number; readonly seq: number } | null;
};

export type DraftActions = {
  /** A document version was loaded (or saved): it becomes the base and the working text. */
  load(documentId: string, version: number, source: string): void;
  /** The text changed (typed in the code editor, or rewritten by a structured editor). */
  edit(source: string): void;
  /** Re-run the validator on the current text (callers debounce). */
  validate(): void;
  /** Ask the code editor to show line:column (1-based). */
  reveal(line: number, column: number): void;
};

export const FILE_NAME = 'scenario.yaml';

export function createDraftStore() {
  return createStore<DraftState & DraftActions>()((set, get) => ({
    documentId: null,
    baseVersion: 0,
    savedSource: '',
    source: '',
    parsed: null,
    revealAt: null,
    load: (documentId, version, source) =>
      set({ documentId, baseVersion: version, savedSource: source, source, parsed: parseScenario(source, FILE_NAME) }),
    edit: (source) => set({ source }),
    validate: () => set({ parsed: parseScenario(get().source, FILE_NAME) }),
    reveal: (line, column) => set({ revealAt: { line, column, seq: (get().revealAt?.seq ?? 0) + 1 } }),
  }));
}

/** The studio page's draft (one document open at a time). */
export const draft = createDraftStore();

export function useDraft<T>(select: (state: DraftState & DraftActions) => T): T {
  return useStore(draft, select);
}

/** Whether the working text differs from the saved version. */
export const isDirty = (s: DraftState): boolean => s.source !== s.savedSource;
