import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveSeat } from '../../../net/seats.ts';
import { type StartedExercise, studioApi } from '../studioApi.ts';
import { Dialog } from './Dialog.tsx';
import { failureText } from './errors.ts';

/** "Start an exercise from this version": an optional label, then the new exercise's codes (shown by the page). */
export function StartExercise({
  documentId,
  version,
  title,
  onClose,
  onStarted,
}: {
  readonly documentId: string;
  readonly version: number;
  readonly title: string;
  readonly onClose: () => void;
  readonly onStarted: (started: StartedExercise) => void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await studioApi.start(documentId, version, label);
    setBusy(false);
    if (!r.ok) return setError(failureText(t, r));
    saveSeat(r.value.exercise.id, { facilitatorToken: r.value.facilitatorToken }, t('roles.facilitator'));
    onStarted(r.value);
  };
  return (
    <Dialog title={t('studio.shell.start.title')} onClose={onClose} testId="studio.startDialog">
      <form className="form" onSubmit={submit}>
        <p>{t('studio.shell.start.intro', { title, version })}</p>
        <label htmlFor={`${id}-label`} className="form__label studio-dialog__gap">
          {t('run.label')}
        </label>
        <p id={`${id}-hint`} className="form__hint">
          {t('run.labelHint')}
        </p>
        <input
          id={`${id}-label`}
          className="input"
          maxLength={80}
          data-testid="studio.start.label"
          aria-describedby={`${id}-hint`}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        {error && (
          <p className="form__error" role="alert" data-testid="studio.start.error">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="studio.start.confirm">
            {busy ? t('run.creating') : t('studio.shell.start.confirm')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('studio.shell.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
