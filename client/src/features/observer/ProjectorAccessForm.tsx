import { formatCode, parseJoinCode } from '@parley/shared/protocol/joinCode.ts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../ui/PageFrame.tsx';
import type { ProjectorAccess } from './projectorAccess.ts';

type Props = {
  /** The server refused the access this projector had (its words), or null when it had none. */
  readonly refused: string | null;
  readonly onAccess: (access: ProjectorAccess) => void;
};

/** No way into the feed yet (or a refused one): say how to get one, and take an observer code here. */
export function ProjectorAccessForm({ refused, onAccess }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseJoinCode(code);
    setInvalid(!parsed.ok);
    if (parsed.ok) onAccess({ kind: 'code', token: formatCode(parsed.code) });
  };
  return (
    <PageFrame>
      <section className="card" data-testid="projector.noAccess">
        <h1 className="card__title">{refused !== null ? t('projector.refused') : t('projector.noAccess')}</h1>
        <p className="card__text">{t('projector.noAccessHow')}</p>
        {refused !== null && (
          <p className="form__error" role="alert">
            {refused || t('projector.refused')}
          </p>
        )}
        <form className="form" onSubmit={submit}>
          <label htmlFor={id} className="form__label">
            {t('projector.codeLabel')}
          </label>
          <input
            id={id}
            className="input input--code"
            value={code}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-error` : undefined}
            data-testid="projector.codeInput"
            onChange={(e) => setCode(e.target.value)}
          />
          {invalid && (
            <p id={`${id}-error`} className="form__error" role="alert">
              {t('join.codeHint')}
            </p>
          )}
          <div className="form__actions">
            <button type="submit" className="button button--primary" data-testid="projector.codeSubmit">
              {t('projector.show')}
            </button>
          </div>
        </form>
      </section>
    </PageFrame>
  );
}
