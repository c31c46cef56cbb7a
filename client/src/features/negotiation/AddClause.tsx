import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';
import { ClauseTextArea } from './ClauseTextArea.tsx';

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
      <ClauseTextArea
        id={ids}
        label={t('negotiation.text.newLabel')}
        rows={3}
        value={draft}
        onChange={setDraft}
        testid="negotiation.newClauseText"
      />
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
