import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreatedExercise, createExercise, type LibraryScenario, listScenarios } from '../../net/api.ts';
import { saveSeat } from '../../net/seats.ts';
import { PageFrame } from '../../ui/PageFrame.tsx';
import { CodesPanel } from './CodesPanel.tsx';
import { ScenarioOption } from './ScenarioOption.tsx';

/** `/run`: pick a scenario from the library, create the exercise, hand out the codes. */
export function RunPage() {
  const { t } = useTranslation();
  const [library, setLibrary] = useState<readonly LibraryScenario[] | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedExercise | null>(null);
  const labelId = useId();

  useEffect(() => {
    void listScenarios().then((r) => {
      if (!r.ok) return setError(r.message ?? t('join.error.network'));
      setLibrary(r.value);
      setChosen((c) => c || (r.value[0]?.id ?? ''));
    });
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await createExercise(chosen, label);
    setBusy(false);
    if (!result.ok) return setError(result.message ?? t('join.error.network'));
    saveSeat(result.value.exercise.id, { facilitatorToken: result.value.facilitatorToken }, t('roles.facilitator'));
    setCreated(result.value);
  };

  if (created)
    return (
      <PageFrame wide>
        <CodesPanel created={created} />
      </PageFrame>
    );

  return (
    <PageFrame wide>
      <h1 className="page__title">{t('run.title')}</h1>
      <form className="form" onSubmit={submit} data-testid="run.form">
        <fieldset className="fieldset">
          <legend className="form__label">{t('run.scenario')}</legend>
          {library === null && !error && <p className="muted">{t('run.loading')}</p>}
          <div className="scenarios">
            {library?.map((s) => (
              <ScenarioOption key={s.id} scenario={s} checked={chosen === s.id} onChoose={() => setChosen(s.id)} />
            ))}
          </div>
        </fieldset>
        <label htmlFor={labelId} className="form__label">
          {t('run.label')}
        </label>
        <p id={`${labelId}-hint`} className="form__hint">
          {t('run.labelHint')}
        </p>
        <input
          id={labelId}
          className="input"
          data-testid="run.label"
          value={label}
          maxLength={80}
          aria-describedby={`${labelId}-hint`}
          onChange={(e) => setLabel(e.target.value)}
        />
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !chosen} data-testid="run.create">
            {busy ? t('run.creating') : t('run.create')}
          </button>
        </div>
      </form>
    </PageFrame>
  );
}
