import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field.tsx';
import { type BroadcastField, buildBroadcast, type Recipients } from './injectForms.ts';
import { RecipientsField } from './RecipientsField.tsx';
import { useCommand } from './useCommand.ts';

/** A message from exercise control to every delegation or to some of them. */
export function BroadcastForm() {
  const { t } = useTranslation();
  const { busy, error, run } = useCommand();
  const [text, setText] = useState('');
  const [recipients, setRecipients] = useState<Recipients>({ all: true });
  const [problems, setProblems] = useState<Partial<Record<BroadcastField, string>>>({});
  const [sent, setSent] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSent(false);
    const built = buildBroadcast(text, recipients);
    if (!built.ok) return setProblems(built.problems);
    setProblems({});
    if (await run(built.command)) {
      setText('');
      setSent(true);
    }
  };

  return (
    <section className="panel" aria-labelledby="broadcast-title" data-testid="panel.broadcast">
      <h2 id="broadcast-title" className="panel__title">
        {t('control.comms.broadcast')}
      </h2>
      <form className="control-form" onSubmit={submit} noValidate>
        <Field label={t('control.comms.message')} problem={problems.text}>
          <textarea
            className="input"
            rows={3}
            value={text}
            data-testid="broadcast.text"
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <RecipientsField
          legend={t('control.form.recipients')}
          value={recipients}
          onChange={setRecipients}
          problem={problems.recipients}
          testId="broadcast.to"
        />
        {error && (
          <p className="form__error" role="alert" data-testid="broadcast.error">
            {error}
          </p>
        )}
        {sent && (
          <p className="form__done" role="status" data-testid="broadcast.sent">
            {t('control.comms.sent')}
          </p>
        )}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy !== null}
            data-testid="broadcast.send"
          >
            {t('control.comms.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
