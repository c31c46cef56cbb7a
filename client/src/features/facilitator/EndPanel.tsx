import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';
import { EndingChoice } from './EndingChoice.tsx';
import { endCommand, initialEnding } from './endings.ts';
import { Field } from './Field.tsx';
import { useCommand } from './useCommand.ts';

/**
 * End play for everyone, after a confirmation: the ending to close on (the scenario's default preselected) and a
 * note for the record.
 */
export function EndPanel({ view }: { readonly view: FacilitatorView }) {
  const { t } = useTranslation();
  const text = useText();
  const { busy, error, run } = useCommand();
  const [note, setNote] = useState('');
  const [ending, setEnding] = useState(() => initialEnding(view.endings));
  const [confirming, setConfirming] = useState(false);
  const warningId = useId();
  const ended = view.clock.status === 'ended';
  const started = view.clock.status !== 'setup';
  const chosen = view.endings.find((e) => e.id === ending);

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
          {view.endings.length > 0 && (
            <EndingChoice
              endings={view.endings}
              value={ending}
              onChange={(id) => {
                setEnding(id);
                setConfirming(false);
              }}
            />
          )}
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
                {chosen ? t('control.end.warningEnding', { ending: text(chosen.title) }) : t('control.end.warningNone')}
              </p>
              <div className="confirm__actions">
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy !== null}
                  aria-describedby={warningId}
                  data-testid="end.confirm"
                  onClick={() => void run(endCommand(ending, note))}
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
