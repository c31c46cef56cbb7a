/** What every structured editor gets from StructuredEditors: the scenario shown and how to change its text. */
import type { Scenario } from '@parley/shared/scenario/schema.ts';
import type { FieldEdit } from '@parley/shared/studio/yamlEdit.ts';
import { createContext, useContext } from 'react';

export type Section = 'injects' | 'delegations' | 'actions' | 'rules';

export type Editing = {
  readonly scenario: Scenario;
  /** The text is broken: the last valid scenario is shown and nothing can be changed. */
  readonly readOnly: boolean;
  /** Changes one item (by id); answers the validator's objections when the change was refused (not applied). */
  update(section: Section, id: string, edits: readonly FieldEdit[]): readonly string[];
  /** A change of the list itself (add, copy, remove, move) from the current text; it can be undone. */
  change(section: Section, rewrite: (source: string) => string | null, label: string): readonly string[];
};

export const EditingContext = createContext<Editing | null>(null);

export function useEditing(): Editing {
  const editing = useContext(EditingContext);
  if (editing === null) throw new Error('useEditing outside StructuredEditors');
  return editing;
}
