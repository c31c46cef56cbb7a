/**
 * The YAML code editor (CodeMirror 6) bound to the working copy (../draft.ts): highlighting, line numbers, search,
 * undo, completion from the scenario's JSON Schema and the document's own ids, and the validator's and lint's
 * messages marked where they point, with a one-click fix where a message suggests the right word. Below the text,
 * the problem on the cursor's line is spelled out with its fix, for those who do not hover.
 */
import { startCompletion } from '@codemirror/autocomplete';
import { redo, undo } from '@codemirror/commands';
import { nextDiagnostic } from '@codemirror/lint';
import { openSearchPanel } from '@codemirror/search';
import type { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CursorProblem, EditorController } from './controller.ts';
import './editor.css';

export function ScenarioEditor() {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const controller = useRef<EditorController | null>(null);
  const [problem, setProblem] = useState<CursorProblem | null>(null);
  const texts = useRef({ t, language: i18n.language });
  texts.current = { t, language: i18n.language };

  useEffect(() => {
    const parent = host.current;
    if (parent === null) return;
    const c = new EditorController(parent, texts.current, setProblem);
    controller.current = c;
    return () => {
      c.destroy();
      controller.current = null;
    };
  }, []);

  useEffect(() => {
    controller.current?.setTexts({ t, language: i18n.language });
  }, [t, i18n.language]);

  const run = (command: (view: EditorView) => boolean) => () => {
    const view = controller.current?.view;
    if (view === undefined) return;
    command(view);
    view.focus();
  };

  const fix = problem?.mark.fix ?? null;
  return (
    <section className="scenario-editor" data-testid="studio.scenarioEditor" aria-label={t('studio.editor.label')}>
      <div className="scenario-editor__tools">
        <div className="scenario-editor__buttons" role="toolbar" aria-label={t('studio.editor.tools')}>
          <button type="button" className="scenario-editor__tool" onClick={run(undo)} data-testid="studio.editor.undo">
            {t('studio.editor.undo')}
          </button>
          <button type="button" className="scenario-editor__tool" onClick={run(redo)} data-testid="studio.editor.redo">
            {t('studio.editor.redo')}
          </button>
          <button
            type="button"
            className="scenario-editor__tool"
            onClick={run(openSearchPanel)}
            data-testid="studio.editor.search"
          >
            {t('studio.editor.search')}
          </button>
          <button
            type="button"
            className="scenario-editor__tool"
            onClick={run(startCompletion)}
            data-testid="studio.editor.suggest"
          >
            {t('studio.editor.suggest')}
          </button>
          <button
            type="button"
            className="scenario-editor__tool"
            onClick={run(nextDiagnostic)}
            data-testid="studio.editor.next"
          >
            {t('studio.editor.next')}
          </button>
        </div>
        <p className="scenario-editor__keys" id="scenario-editor-keys">
          {t('studio.editor.keys')}
        </p>
      </div>
      <div ref={host} className="scenario-editor__code" dir="ltr" data-testid="studio.editor.code" />
      <div className="scenario-editor__problem" aria-live="polite" data-testid="studio.editor.problem">
        {problem === null ? (
          <p className="scenario-editor__quiet">{t('studio.editor.noProblem')}</p>
        ) : (
          <div
            className={`scenario-editor__card scenario-editor__card--${problem.mark.severity}`}
            data-severity={problem.mark.severity}
          >
            <p className="scenario-editor__card-head">
              <span className={`scenario-editor__badge scenario-editor__badge--${problem.mark.severity}`}>
                {t(`studio.editor.severity.${problem.mark.severity}`)}
              </span>
              <span>{t('studio.editor.line', { line: problem.mark.line })}</span>
              {problem.mark.field !== '' && (
                <code className="scenario-editor__card-field" dir="ltr">
                  {problem.mark.field}
                </code>
              )}
            </p>
            <p className="scenario-editor__card-text" dir="ltr" data-testid="studio.editor.problem.message">
              {problem.mark.message}
            </p>
            {fix !== null && (
              <button
                type="button"
                className="button button--primary scenario-editor__fix"
                data-testid="studio.editor.problem.fix"
                onClick={() => controller.current?.applyFix(problem)}
              >
                {t('studio.editor.fix', { word: fix.insert })}
              </button>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
