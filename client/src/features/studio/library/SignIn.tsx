import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPassphrase, signIn, studioAuth } from '../studioApi.ts';
import { failureText } from './errors.ts';
import { useStudioTitle } from './StudioFrame.tsx';

type Status = 'checking' | 'enabled' | 'disabled' | 'offline';

/**
 * The trainer's way in: the studio passphrase (kept for this tab only) and, optionally, a name for the history.
 * Says plainly when the studio is off on this server and how an administrator turns it on.
 */
export function SignIn() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('checking');
  const [passphrase, setPassphrase] = useState('');
  const [author, setAuthor] = useState(() => studioAuth.getState().author);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  useStudioTitle(t('studio.shell.signIn.title'));

  useEffect(() => {
    let live = true;
    void checkPassphrase('').then((r) => {
      if (!live) return;
      if (!r.ok) setStatus(r.status === 0 ? 'offline' : r.code === 'studio-disabled' ? 'disabled' : 'enabled');
      else setStatus(r.value.enabled ? 'enabled' : 'disabled');
    });
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!passphrase) return setError(t('studio.shell.signIn.empty'));
    setBusy(true);
    setError(null);
    const r = await checkPassphrase(passphrase);
    setBusy(false);
    if (r.ok && r.value.authorized) return signIn(passphrase, author);
    if (r.ok && !r.value.enabled) return setStatus('disabled');
    if (!r.ok && r.code === 'studio-disabled') return setStatus('disabled');
    setError(r.ok ? t('studio.shell.error.unauthorized') : failureText(t, r));
  };

  return (
    <div className="studio-signin">
      <p className="eyebrow">{t('studio.title')}</p>
      <h1 className="page__title">{t('studio.shell.signIn.title')}</h1>
      <p className="studio-signin__intro">{t('studio.shell.signIn.intro')}</p>
      {status === 'disabled' && (
        <div className="studio-notice studio-notice--warn" role="alert" data-testid="studio.disabled">
          <p className="studio-notice__title">{t('studio.shell.signIn.disabledTitle')}</p>
          <p>{t('studio.shell.error.disabled')}</p>
        </div>
      )}
      {status === 'offline' && (
        <p className="form__error" role="alert">
          {t('studio.shell.error.offline')}
        </p>
      )}
      {status !== 'disabled' && (
        <form className="form card" onSubmit={submit} data-testid="studio.signIn" noValidate>
          <label htmlFor={`${id}-pass`} className="form__label">
            {t('studio.shell.signIn.passphrase')}
          </label>
          <p id={`${id}-pass-hint`} className="form__hint">
            {t('studio.shell.signIn.passphraseHint')}
          </p>
          <input
            id={`${id}-pass`}
            className="input"
            type="password"
            autoComplete="current-password"
            data-testid="studio.passphrase"
            value={passphrase}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-pass-hint${error ? ` ${id}-error` : ''}`}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          <label htmlFor={`${id}-author`} className="form__label studio-signin__second">
            {t('studio.shell.signIn.author')}
          </label>
          <p id={`${id}-author-hint`} className="form__hint">
            {t('studio.shell.signIn.authorHint')}
          </p>
          <input
            id={`${id}-author`}
            className="input"
            autoComplete="name"
            maxLength={80}
            data-testid="studio.author"
            value={author}
            aria-describedby={`${id}-author-hint`}
            onChange={(e) => setAuthor(e.target.value)}
          />
          {error && (
            <p id={`${id}-error`} className="form__error" role="alert" data-testid="studio.signIn.error">
              {error}
            </p>
          )}
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || status === 'checking'}
              data-testid="studio.signIn.submit"
            >
              {busy ? t('studio.shell.signIn.checking') : t('studio.shell.signIn.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
