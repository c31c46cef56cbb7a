import type { Proposal } from '@parley/shared/engine/types.ts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';
import { useText } from '../shell/useText.ts';
import { ClauseDiff } from './ClauseDiff.tsx';
import { ClauseTextArea } from './ClauseTextArea.tsx';
import { asParagraph, type ClauseChange, directionOf } from './proposals.ts';
import type { Names } from './useNames.ts';

/** One numbered clause: its text (with the changes since the version compared with), "Amend" in place, "Remove". */
export function ClauseItem({
  proposal,
  number,
  clause,
  change,
  before,
  words,
  editable,
  removable,
  names,
}: {
  readonly proposal: string;
  readonly number: number;
  readonly clause: Proposal['clauses'][number];
  readonly change: ClauseChange | null;
  /** Its wording at the version compared with (null: it did not exist; undefined: not known). */
  readonly before: string | null | undefined;
  readonly words: boolean;
  readonly editable: boolean;
  readonly removable: boolean;
  readonly names: Names;
}) {
  const { t } = useTranslation();
  const text = useText();
  const ids = useId();
  const { busy, error, run } = useCommand();
  const [mode, setMode] = useState<'read' | 'edit' | 'remove'>('read');
  const current = asParagraph(text(clause.text));
  const [draft, setDraft] = useState(current);
  const [problem, setProblem] = useState<string | null>(null);

  const startEditing = () => {
    setDraft(current);
    setProblem(null);
    setMode('edit');
  };
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const next = draft.trim();
    if (next === current) return setProblem(t('negotiation.text.unchanged'));
    if (next === '') return setMode('remove');
    setProblem(null);
    if (await run({ type: 'proposal.amend', proposal, clause: clause.id, text: next })) setMode('read');
  };
  const remove = async () => {
    if (await run({ type: 'proposal.amend', proposal, clause: clause.id, text: null })) setMode('read');
  };

  return (
    <li
      className={`clause${change ? ` clause--${change.kind}` : ''}`}
      data-testid="negotiation.clause"
      data-clause={clause.id}
      data-change={change?.kind ?? ''}
    >
      <span className="clause__number">{number}.</span>
      <div className="clause__body">
        {change && (
          <p className={`clause__mark clause__mark--${change.kind}`} data-testid="negotiation.clauseMark">
            {t(`negotiation.changes.${change.kind}`, { parties: names.list(change.by), version: change.version })}
          </p>
        )}
        {mode === 'edit' ? (
          <form className="clause__edit" onSubmit={send}>
            <ClauseTextArea
              id={ids}
              label={t('negotiation.text.editLabel', { number })}
              labelHidden
              rows={4}
              value={draft}
              onChange={setDraft}
              testid="negotiation.amendText"
            />
            <div className="clause__actions">
              <button
                type="submit"
                className="button button--small button--primary"
                disabled={busy !== null}
                data-testid="negotiation.amendSend"
              >
                {t('negotiation.text.send')}
              </button>
              <button type="button" className="button button--small" onClick={() => setMode('read')}>
                {t('negotiation.text.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <p className="clause__text" dir={directionOf(current) ?? 'auto'} data-testid="negotiation.clauseText">
            {change && words && typeof before === 'string' ? <ClauseDiff before={before} after={current} /> : current}
          </p>
        )}
        {change?.kind === 'amended' && words && before === undefined && mode === 'read' && (
          <p className="clause__unknown">{t('negotiation.changes.unknown')}</p>
        )}
        {mode === 'remove' && (
          <div className="confirm clause__confirm">
            <p className="confirm__text" id={`${ids}-confirm`}>
              {t('negotiation.text.removeConfirm', { number })}
            </p>
            <div className="confirm__actions">
              <button
                type="button"
                className="button button--small button--danger"
                disabled={busy !== null}
                onClick={remove}
                data-testid="negotiation.removeConfirm"
              >
                {t('negotiation.text.removeSend')}
              </button>
              <button type="button" className="button button--small" onClick={() => setMode('read')}>
                {t('negotiation.text.keep')}
              </button>
            </div>
          </div>
        )}
        {editable && mode === 'read' && (
          <div className="clause__tools">
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={t('negotiation.text.amendLabel', { number })}
              data-testid="negotiation.amend"
              onClick={startEditing}
            >
              {t('negotiation.text.amend')}
            </button>
            {removable && (
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={t('negotiation.text.removeLabel', { number })}
                data-testid="negotiation.remove"
                onClick={() => setMode('remove')}
              >
                {t('negotiation.text.remove')}
              </button>
            )}
          </div>
        )}
        {(problem ?? error) && (
          <p className="form__error" role="alert" data-testid="negotiation.clauseError">
            {problem ?? error}
          </p>
        )}
      </div>
    </li>
  );
}
