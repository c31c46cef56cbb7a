/**
 * The structured editors: the MSEL table, delegations and their briefings, the action catalogue and the rules, as
 * forms over the working copy (../draft.ts). They show the draft's last valid parse; every change rewrites only the
 * edited item's text (shared/src/studio/yamlEdit.ts) and is tried against the validator first, so a structured edit
 * never breaks the text. While the text is broken (typed in the code editor), they show the last valid version
 * read-only and point to the code editor's errors: they never overwrite a broken text.
 */
import type { Scenario } from '@parley/shared/scenario/schema.ts';
import type { FieldEdit } from '@parley/shared/studio/yamlEdit.ts';
import { updateItem } from '@parley/shared/studio/yamlEdit.ts';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draft, useDraft } from '../draft.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { type Editing, EditingContext, type Section } from './context.ts';
import { DelegationsEditor } from './DelegationsEditor.tsx';
import { attempt } from './edits.ts';
import { MselTable } from './MselTable.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import './structured.css';

const TABS = ['injects', 'delegations', 'actions', 'rules'] as const satisfies readonly Section[];
type Tab = (typeof TABS)[number];

type Undo = { readonly label: string; readonly before: string; readonly after: string };

/** Writes `next` as the working text when the validator accepts it; else answers its objections. */
function commit(next: string | null, focus: string | undefined, missing: string): readonly string[] {
  if (next === null) return [missing];
  const result = attempt(next, focus);
  if (!result.ok) return result.problems;
  const state = draft.getState();
  state.edit(result.source);
  state.validate();
  return [];
}

export function StructuredEditors() {
  const { t, i18n } = useTranslation();
  const parsed = useDraft((s) => s.parsed);
  const [tab, setTab] = useState<Tab>('injects');
  const [undo, setUndo] = useState<Undo | null>(null);
  const lastValid = useRef<Scenario | null>(null);
  if (parsed?.ok) lastValid.current = parsed.scenario;
  const scenario = parsed?.ok ? parsed.scenario : lastValid.current;
  const readOnly = !parsed?.ok;
  const firstError = parsed !== null && !parsed.ok ? parsed.errors[0] : undefined;
  const tabs = useRef(new Map<Tab, HTMLButtonElement>());

  const editing = useMemo<Editing | null>(() => {
    if (scenario === null) return null;
    const focusOf = (section: Section, id: string) => {
      const index = (scenario[section] as readonly { id: string }[]).findIndex((i) => i.id === id);
      return index < 0 ? undefined : `${section}[${index}]`;
    };
    const missing = t('studio.structured.missing');
    return {
      scenario,
      readOnly,
      update: (section: Section, id: string, edits: readonly FieldEdit[]) => {
        if (readOnly) return [t('studio.structured.readOnly')];
        return commit(updateItem(draft.getState().source, section, id, edits), focusOf(section, id), missing);
      },
      change: (section: Section, rewrite: (source: string) => string | null, label: string) => {
        if (readOnly) return [t('studio.structured.readOnly')];
        const before = draft.getState().source;
        const next = rewrite(before);
        const problems = commit(next, undefined, missing);
        if (problems.length === 0 && next !== null && next !== before) setUndo({ label, before, after: next });
        void section;
        return problems;
      },
    };
  }, [scenario, readOnly, t]);

  const onKeyDown = (event: KeyboardEvent) => {
    const rtl = i18n.dir() === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const at = TABS.indexOf(tab);
    const next =
      event.key === 'Home'
        ? TABS[0]
        : event.key === 'End'
          ? TABS[TABS.length - 1]
          : step === undefined
            ? undefined
            : TABS[(at + step + TABS.length) % TABS.length];
    if (next === undefined) return;
    event.preventDefault();
    setTab(next);
    tabs.current.get(next)?.focus();
  };

  if (editing === null) {
    return (
      <section className="sx" data-testid="studio.structuredEditors">
        <p className="sx-note" role="status">
          {parsed === null ? t('studio.structured.loading') : t('studio.structured.neverValid')}
        </p>
      </section>
    );
  }

  const undoable = undo !== null && draft.getState().source === undo.after;
  return (
    <section className="sx" data-testid="studio.structuredEditors" aria-label={t('studio.structured.label')}>
      {readOnly && (
        <div className="sx-note sx-note--warn" role="status" data-testid="structured.readOnly">
          <p>
            <strong>{t('studio.structured.brokenTitle')}</strong> {t('studio.structured.brokenText')}
          </p>
          {firstError !== undefined && (
            <p>
              <button
                type="button"
                className="sx-link"
                onClick={() => draft.getState().reveal(firstError.line, firstError.column)}
                data-testid="structured.showError"
              >
                {t('studio.structured.showError', { line: firstError.line })}
              </button>{' '}
              <span className="sx-hint">{firstError.message}</span>
            </p>
          )}
        </div>
      )}
      {undoable && (
        <div className="sx-note" role="status" data-testid="structured.undo">
          <span>{undo.label}</span>
          <button
            type="button"
            className="sx-link"
            onClick={() => {
              commit(undo.before, undefined, t('studio.structured.missing'));
              setUndo(null);
            }}
          >
            {t('studio.structured.undo')}
          </button>
        </div>
      )}
      <div className="sx-tabs" role="tablist" aria-label={t('studio.structured.label')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              if (el) tabs.current.set(name, el);
              else tabs.current.delete(name);
            }}
            type="button"
            role="tab"
            id={`sx-tab-${name}`}
            className="sx-tab"
            aria-selected={tab === name}
            aria-controls={`sx-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            data-testid={`structured.tab.${name}`}
          >
            {t(`studio.structured.tabs.${name}`)}
            <span className="sx-tab__count">{editing.scenario[name].length}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`sx-panel-${tab}`} aria-labelledby={`sx-tab-${tab}`} className="sx-panel">
        <EditingContext.Provider value={editing}>
          <fieldset className="sx-lock" disabled={readOnly}>
            <legend className="visually-hidden">{t(`studio.structured.tabs.${tab}`)}</legend>
            {tab === 'injects' && <MselTable />}
            {tab === 'delegations' && <DelegationsEditor />}
            {tab === 'actions' && <ActionsEditor />}
            {tab === 'rules' && <RulesEditor />}
          </fieldset>
        </EditingContext.Provider>
      </div>
    </section>
  );
}
