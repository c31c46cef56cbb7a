import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { freshClauseId } from './proposals.ts';

export type DraftClause = { readonly id: string; readonly text: string };

/** The draft's clauses, numbered, each editable and removable (one at least), and a button to add one. */
export function DraftClauses({
  clauses,
  onChange,
}: {
  readonly clauses: readonly DraftClause[];
  readonly onChange: (clauses: DraftClause[]) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const edit = (id: string, text: string) => onChange(clauses.map((c) => (c.id === id ? { id, text } : c)));

  return (
    <fieldset className="fieldset" aria-describedby={`${ids}-hint`}>
      <legend className="form__label">{t('negotiation.draft.clauses')}</legend>
      <p className="form__hint" id={`${ids}-hint`}>
        {t('negotiation.draft.clausesHint')}
      </p>
      <ol className="draft-clauses">
        {clauses.map((c, i) => (
          <li key={c.id} className="draft-clause">
            <div className="draft-clause__head">
              <label className="draft-clause__label" htmlFor={`${ids}-${c.id}`}>
                {t('negotiation.draft.clause', { number: i + 1 })}
              </label>
              {clauses.length > 1 && (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t('negotiation.draft.removeLabel', { number: i + 1 })}
                  data-testid="negotiation.draftRemove"
                  onClick={() => onChange(clauses.filter((x) => x.id !== c.id))}
                >
                  {t('negotiation.draft.remove')}
                </button>
              )}
            </div>
            <textarea
              id={`${ids}-${c.id}`}
              className="input clause-input"
              rows={3}
              dir="auto"
              value={c.text}
              onChange={(e) => edit(c.id, e.target.value)}
              data-testid="negotiation.draftClause"
              data-clause={c.id}
            />
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className="button button--small"
          data-testid="negotiation.draftAdd"
          onClick={() => onChange([...clauses, { id: freshClauseId(clauses.map((c) => c.id)), text: '' }])}
        >
          {t('negotiation.draft.add')}
        </button>
      </div>
    </fieldset>
  );
}
