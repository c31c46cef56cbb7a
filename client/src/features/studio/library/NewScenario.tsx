import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation.ts';
import { pickText, type Sources, studioApi } from '../studioApi.ts';
import { Dialog } from './Dialog.tsx';
import { failureText } from './errors.ts';
import { levelText } from './Library.tsx';

type Start = { kind: 'template'; id: string } | { kind: 'library'; id: string };

/** "New scenario": from a template (with a title) or as a copy of a shipped scenario. */
export function NewScenario({ onClose }: { readonly onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [sources, setSources] = useState<Sources | null>(null);
  const [start, setStart] = useState<Start>({ kind: 'template', id: 'minimal' });
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    void studioApi.sources().then((r) => {
      if (!r.ok) return setError(failureText(t, r));
      setSources(r.value);
      const first = r.value.templates[0];
      if (first) setStart({ kind: 'template', id: first.id });
    });
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (start.kind === 'template' && !title.trim()) return setError(t('studio.library.newDialog.titleMissing'));
    setBusy(true);
    setError(null);
    const r =
      start.kind === 'template'
        ? await studioApi.fromTemplate(start.id, title.trim())
        : await studioApi.fromLibrary(start.id);
    setBusy(false);
    if (!r.ok) return setError(failureText(t, r));
    navigate({ name: 'studio', documentId: r.value.document.id });
  };

  const templateTitle = (tid: string, fallback: string) =>
    tid === 'minimal' ? t('studio.library.newDialog.minimal') : fallback;
  const templateText = (tid: string, fallback: string) =>
    tid === 'minimal' ? t('studio.library.newDialog.minimalText') : fallback;

  return (
    <Dialog title={t('studio.library.newDialog.title')} onClose={onClose} testId="studio.new" wide>
      <form className="form" onSubmit={submit} noValidate>
        {sources === null && !error && <p className="muted">{t('studio.library.loading')}</p>}
        {sources && (
          <>
            <fieldset className="fieldset">
              <legend className="form__label">{t('studio.library.newDialog.fromTemplate')}</legend>
              {sources.templates.map((tpl) => {
                const checked = start.kind === 'template' && start.id === tpl.id;
                return (
                  <label key={tpl.id} className={checked ? 'option option--checked' : 'option'}>
                    <input
                      type="radio"
                      name={`${id}-start`}
                      checked={checked}
                      data-testid={`studio.new.template.${tpl.id}`}
                      onChange={() => setStart({ kind: 'template', id: tpl.id })}
                    />
                    <span className="option__body">
                      <span className="option__title">{templateTitle(tpl.id, tpl.title)}</span>
                      <span className="option__text">{templateText(tpl.id, tpl.description)}</span>
                    </span>
                  </label>
                );
              })}
              {start.kind === 'template' && (
                <div className="studio-new__title">
                  <label htmlFor={`${id}-title`} className="form__label">
                    {t('studio.library.newDialog.name')}
                  </label>
                  <input
                    id={`${id}-title`}
                    className="input"
                    maxLength={120}
                    data-testid="studio.new.title"
                    value={title}
                    aria-invalid={error && !title.trim() ? true : undefined}
                    onChange={(e) => setTitle(e.target.value)}
                  />
                </div>
              )}
            </fieldset>
            {sources.library.length > 0 && (
              <fieldset className="fieldset">
                <legend className="form__label">{t('studio.library.newDialog.fromLibrary')}</legend>
                <div className="studio-new__library">
                  {sources.library.map((s) => {
                    const checked = start.kind === 'library' && start.id === s.scenarioId;
                    return (
                      <label key={s.scenarioId} className={checked ? 'option option--checked' : 'option'}>
                        <input
                          type="radio"
                          name={`${id}-start`}
                          checked={checked}
                          data-testid={`studio.new.library.${s.scenarioId}`}
                          onChange={() => setStart({ kind: 'library', id: s.scenarioId })}
                        />
                        <span className="option__body">
                          <span className="option__title">{pickText(s.title, i18n.language)}</span>
                          <span className="option__meta">
                            {levelText(t, s.level)} ·{' '}
                            {t('studio.library.newDialog.minutes', { minutes: s.durationMinutes })} ·{' '}
                            <span dir="ltr">{s.languages.join(' · ')}</span>
                          </span>
                        </span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            )}
          </>
        )}
        {error && (
          <p className="form__error" role="alert" data-testid="studio.new.error">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || sources === null}
            data-testid="studio.new.create"
          >
            {busy ? t('studio.library.newDialog.creating') : t('studio.library.newDialog.create')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('studio.shell.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
