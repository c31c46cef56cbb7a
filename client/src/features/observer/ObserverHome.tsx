import type { ObserverView } from '@parley/shared/engine/viewTypes.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { loadSeat } from '../../net/seats.ts';
import { useSession } from '../../state/store.ts';
import { IncidentFeed } from '../feed/IncidentFeed.tsx';
import { EndingCard } from './EndingCard.tsx';
import { Meters } from './Meters.tsx';
import { pictureText, publicInjects, publicStatements, shownVariables } from './picture.ts';
import { accessFromSeat, projectorLink } from './projectorAccess.ts';
import { Statements } from './Statements.tsx';
import './observer.css';

const asObserver = (v: unknown) => v as ObserverView;

/** The observer's console: the public picture (indicators, public information, statements) and the projector link. */
export function ObserverHome() {
  const { t, i18n } = useTranslation();
  const view = useSession((s) => (s.view?.role === 'observer' ? asObserver(s.view) : null));
  const exerciseId = useSession((s) => s.welcome?.exerciseId ?? null);
  const pt = useMemo(() => pictureText(view, i18n.language), [view, i18n.language]);
  const statements = useMemo(() => (view ? publicStatements(view) : []), [view]);
  if (!view) return null;
  const access = exerciseId ? accessFromSeat(loadSeat(exerciseId)) : null;
  const variables = shownVariables(view);

  return (
    <div className="observer" data-testid="observer.home">
      <div className="observer__head">
        <div>
          <h1 className="observer__title">{t('observer.title')}</h1>
          <p className="muted">{t('projector.consoleIntro')}</p>
        </div>
        {exerciseId && access && (
          <a
            className="button"
            href={projectorLink(location.origin, exerciseId, access)}
            target="_blank"
            rel="noopener"
            data-testid="observer.projector"
          >
            {t('projector.open')}
          </a>
        )}
      </div>
      {view.ending && <EndingCard ending={view.ending} pt={pt} />}
      <div className="layout layout--observer">
        <div className="layout__main">
          <IncidentFeed injects={publicInjects(view)} />
        </div>
        <div className="layout__side">
          {variables.length > 0 && (
            <section className="panel" aria-labelledby="indicators-title">
              <h2 id="indicators-title" className="panel__title">
                {t('observer.indicators')}
              </h2>
              <Meters variables={variables} pt={pt} />
            </section>
          )}
          <section className="panel" aria-labelledby="statements-title">
            <h2 id="statements-title" className="panel__title">
              {t('projector.statements')}
            </h2>
            {statements.length === 0 ? (
              <p className="empty">{t('projector.noStatements')}</p>
            ) : (
              <Statements items={statements} pt={pt} />
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
