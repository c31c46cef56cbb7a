import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import { PageFrame } from '../../ui/PageFrame.tsx';
import { CodeForm } from './CodeForm.tsx';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <PageFrame wide>
      <div className="intro">
        <h1 className="intro__title">{t('app.name')}</h1>
        <p className="intro__text">{t('app.tagline')}</p>
      </div>
      <div className="choices">
        <section className="card" aria-labelledby="home-join" data-testid="home.join">
          <h2 id="home-join" className="card__title">
            {t('home.joinTitle')}
          </h2>
          <p className="card__text">{t('home.joinText')}</p>
          <CodeForm onCode={(code) => navigate({ name: 'join', code })} />
        </section>
        <section className="card card--quiet" aria-labelledby="home-run" data-testid="home.run">
          <h2 id="home-run" className="card__title">
            {t('home.runTitle')}
          </h2>
          <p className="card__text">{t('home.runText')}</p>
          <a
            className="button"
            href="/run"
            data-testid="home.runLink"
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'run' });
            }}
          >
            {t('home.runAction')}
          </a>
          <a
            className="card__link"
            href="/studio"
            data-testid="home.studioLink"
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'studio', documentId: null });
            }}
          >
            {t('home.studioAction')}
          </a>
        </section>
      </div>
    </PageFrame>
  );
}
