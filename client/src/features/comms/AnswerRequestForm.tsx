import { LIMITS } from '@parley/shared/protocol/limits.ts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';

/** Answer a received request for assistance: offer (saying what) or decline (a reason is optional). */
export function AnswerRequestForm({ request, from }: { readonly request: string; readonly from: string }) {
  const { t } = useTranslation();
  const { busy, error, run } = useCommand();
  const [answer, setAnswer] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const text = answer.trim();

  const offer = async (e: FormEvent) => {
    e.preventDefault();
    if (!text) return setMissing(true);
    setMissing(false);
    await run({ type: 'assistance.offer', to: from, request, text });
  };
  const decline = async () => {
    setMissing(false);
    await run({ type: 'assistance.decline', request, ...(text ? { text } : {}) });
  };
  const problem = missing ? t('comms.hotline.answer.needText') : error;

  return (
    <form className="comms-item-form" onSubmit={offer} data-testid="hotline.answerForm">
      <label htmlFor={id} className="comms-item-form__label">
        {t('comms.hotline.answer.label')}
      </label>
      <p id={`${id}-hint`} className="comms-item-form__hint">
        {t('comms.hotline.answer.hint')}
      </p>
      <textarea
        id={id}
        className="input"
        rows={2}
        dir="auto"
        maxLength={LIMITS.text}
        value={answer}
        aria-describedby={`${id}-hint`}
        aria-invalid={missing ? true : undefined}
        data-testid="hotline.answerText"
        onChange={(e) => setAnswer(e.target.value)}
      />
      <div className="comms-item-form__actions">
        <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="hotline.offer">
          {t('comms.hotline.answer.offer')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={decline}
          data-testid="hotline.decline"
        >
          {t('comms.hotline.answer.decline')}
        </button>
      </div>
      {problem && (
        <p className="form__error" role="alert" data-testid="hotline.error">
          {problem}
        </p>
      )}
    </form>
  );
}
