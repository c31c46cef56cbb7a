import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';

/** "Add a clause": a text area opened on demand, sent as an amendment adding a clause at the end. */
export function AddClause({ proposal }: { readonly proposal: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const { busy, error, run } = useCommand();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (await run({ type: 'proposal.amend', proposal, clause: null, text: draft.trim() })) {
      setDraft('');
      setOpen(false);
    }
  };

  if (!open)
    return (
      <div className="add-clause">
        <button
          type="button"
          className="button button--small"
          data-testid="negotiation.addClause"
          onClick={() => setOpen(true)}
        >
          {t('negotiation.text.add')}
        </button>
      </div>
    );

  return (
    <form className="add-clause add-clause--open" onSubmit={send}>
      <label className="form__label" htmlFor={`${ids}-text`}>
        {t('negotiation.text.newLabel')}
      </label>
      <textarea
        id={`${ids}-text`}
        className="input clause-input"
        rows={3}
        dir="auto"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-describedby={`${ids}-hint`}
        data-testid="negotiation.newClauseText"
        // biome-ignore lint/a11y/noAutofocus: the person just asked to write a clause
        autoFocus
      />
      <p className="form__hint" id={`${ids}-hint`}>
        {t('negotiation.text.amendHint')}
      </p>
      {error && (
        <p className="form__error" role="alert" data-testid="negotiation.addError">
          {error}
        </p>
      )}
      <div className="clause__actions">
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={busy !== null}
          data-testid="negotiation.newClauseSend"
        >
          {t('negotiation.text.addSend')}
        </button>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          {t('negotiation.text.cancel')}
        </button>
      </div>
    </form>
  );
}
