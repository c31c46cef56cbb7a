import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import type { JoinInfo } from '../../net/api.ts';
import { saveSeat } from '../../net/seats.ts';

const NAME_KEY = 'parley.displayName';

function lastName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

type Props = { readonly info: JoinInfo; readonly code: string; readonly onOtherCode: () => void };

/** What the code opens, and the name to enter with. */
export function NameForm({ info, code, onOtherCode }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(lastName);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const role = info.label ?? t(`roles.${info.role.kind}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('join.error.nameRequired'));
    try {
      localStorage.setItem(NAME_KEY, trimmed);
    } catch {
      // The name is only a convenience for next time.
    }
    saveSeat(info.exerciseId, { code }, trimmed);
    navigate({ name: 'console', exerciseId: info.exerciseId });
  };

  return (
    <section className="card" data-testid="join.found">
      <p className="eyebrow">{t('join.found')}</p>
      <h2 className="card__title card__title--large" data-testid="join.exercise">
        {info.scenario.title}
      </h2>
      <dl className="facts">
        {info.exercise.label && (
          <div>
            <dt>{t('shell.exercise')}</dt>
            <dd>{info.exercise.label}</dd>
          </div>
        )}
        <div>
          <dt>{t('shell.role')}</dt>
          <dd data-testid="join.role">{role}</dd>
        </div>
      </dl>
      <form className="form" onSubmit={submit} noValidate>
        <label htmlFor={id} className="form__label">
          {t('join.nameLabel')}
        </label>
        <p id={`${id}-hint`} className="form__hint">
          {t('join.nameHint')}
        </p>
        <input
          id={id}
          className="input"
          data-testid="join.name"
          value={name}
          maxLength={60}
          autoComplete="name"
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        {error && (
          <p id={`${id}-error`} className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-testid="join.enter">
            {t('join.enter')}
          </button>
          <button type="button" className="button button--link" onClick={onOtherCode}>
            {t('join.otherCode')}
          </button>
        </div>
      </form>
    </section>
  );
}
