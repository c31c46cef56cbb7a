import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field.tsx';
import { useCommand } from './useCommand.ts';

/**
 * End play for everyone, after a confirmation, with a note for the record. The scenario's default ending applies
 * (the view does not list the scenario's endings to choose from).
 */
export function EndPanel({ view }: { readonly view: FacilitatorView }) {
  const { t } = useTranslation();
  const { busy, error, run } = useCommand();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const warningId = useId();
  const ended = view.clock.status === 'ended';
  const started = view.clock.status !== 'setup';

  return (
    <section className="panel end-panel" aria-labelledby="end-title" data-testid="panel.end">
      <h2 id="end-title" className="panel__title">
        {t('control.end.title')}
      </h2>
      {ended ? (
        <p className="muted" data-testid="end.ended">
          {t('control.end.alreadyEnded')}
        </p>
      ) : !started ? (
        <p className="muted">{t('control.end.notStarted')}</p>
      ) : (
        <div className="control-form">
          <p>{t('control.end.text')}</p>
          <Field label={t('control.end.note')} hint={t('control.end.noteHint')}>
            <input
              className="input"
              value={note}
              maxLength={280}
              data-testid="end.note"
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          {!confirming ? (
            <div className="form__actions">
              <button
                type="button"
                className="button button--danger"
                data-testid="end.start"
                onClick={() => setConfirming(true)}
              >
                {t('control.end.end')}
              </button>
            </div>
          ) : (
            <div className="confirm confirm--danger" data-testid="end.confirmation">
              <p className="confirm__text" id={warningId}>
                {t('control.end.warning')}
              </p>
              <div className="confirm__actions">
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy !== null}
                  aria-describedby={warningId}
                  data-testid="end.confirm"
                  onClick={() => void run({ type: 'exercise.end', ...(note.trim() ? { note: note.trim() } : {}) })}
                >
                  {t('control.end.confirm')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={busy !== null}
                  data-testid="end.cancel"
                  onClick={() => setConfirming(false)}
                >
                  {t('control.form.cancel')}
                </button>
              </div>
            </div>
          )}
          {error && (
            <p className="form__error" role="alert" data-testid="end.error">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
