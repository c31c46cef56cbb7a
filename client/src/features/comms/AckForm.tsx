import { LIMITS } from '@parley/shared/protocol/limits.ts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';

/** Acknowledge a received ping, with an optional reply. */
export function AckForm({ ping, from }: { readonly ping: string; readonly from: string }) {
  const { t } = useTranslation();
  const { busy, error, run } = useCommand();
  const [reply, setReply] = useState('');
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = reply.trim();
    await run({ type: 'poc.ack', ping, ...(text ? { text } : {}) });
  };

  return (
    <form className="comms-item-form" onSubmit={submit} data-testid="hotline.ackForm">
      <label htmlFor={id} className="comms-item-form__label">
        {t('comms.hotline.ack.label')}
      </label>
      <div className="comms-item-form__row">
        <input
          id={id}
          className="input"
          dir="auto"
          maxLength={LIMITS.text}
          value={reply}
          data-testid="hotline.ackText"
          onChange={(e) => setReply(e.target.value)}
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={busy !== null}
          aria-label={t('comms.hotline.ack.actionLabel', { name: from })}
          data-testid="hotline.ack"
        >
          {t('comms.hotline.ack.action')}
        </button>
      </div>
      {error && (
        <p className="form__error" role="alert" data-testid="hotline.error">
          {error}
        </p>
      )}
    </form>
  );
}
