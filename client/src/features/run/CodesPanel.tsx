import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import type { CreatedExercise, IssuedCode } from '../../net/api.ts';
import { QrImage } from './QrImage.tsx';

function roleLabel(code: IssuedCode, t: (key: string) => string): string {
  return code.label || t(`roles.${code.role.kind}`);
}

/** The new exercise's codes, each with its link and QR code, and the way into the facilitator console. */
export function CodesPanel({ created }: { readonly created: CreatedExercise }) {
  const { t } = useTranslation();
  const id = created.exercise.id;
  return (
    <div data-testid="run.created">
      <p className="eyebrow">{t('run.created')}</p>
      <h1 className="page__title">{created.exercise.scenario.title}</h1>
      <div className="callout">
        <p>{t('run.tokenNote')}</p>
        <p>
          <span className="muted">{t('run.token')}: </span>
          <code dir="ltr" data-testid="run.token">
            {created.facilitatorToken}
          </code>
        </p>
        <a
          className="button button--primary"
          href={`/x/${id}`}
          data-testid="run.openConsole"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'console', exerciseId: id });
          }}
        >
          {t('run.openConsole')}
        </a>
      </div>
      <h2 className="section__title">{t('run.codesTitle')}</h2>
      <p className="muted">{t('run.codesText')}</p>
      <ul className="codes">
        {created.codes.map((c) => (
          <li key={c.code} className="code-card" data-testid="run.code">
            <QrImage text={c.link} label={`${t('run.link')}: ${roleLabel(c, t)}`} />
            <div className="code-card__body">
              <span className="code-card__role" data-testid="run.codeRole">
                {roleLabel(c, t)}
              </span>
              <span className="code-card__code" dir="ltr" data-testid="run.codeValue">
                {c.code}
              </span>
              <a className="code-card__link" href={c.link} dir="ltr">
                {c.link}
              </a>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
