import type { HeldPicture } from '@parley/shared/protocol/feed.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../ui/LanguageSelect.tsx';
import { EndingCard } from './EndingCard.tsx';
import { JoinQr } from './JoinQr.tsx';
import { Meters } from './Meters.tsx';
import { ProjectorClock } from './ProjectorClock.tsx';
import { ProjectorNews } from './ProjectorNews.tsx';
import { pictureText, publicInjects, publicStatements, shownVariables } from './picture.ts';
import type { ProjectorAccess } from './projectorAccess.ts';
import { Statements } from './Statements.tsx';
import type { ProjectorFeed } from './useProjectorFeed.ts';

type Props = {
  readonly exerciseId: string;
  readonly access: ProjectorAccess;
  readonly feed: ProjectorFeed;
  readonly picture: HeldPicture;
};

const STATEMENTS = 4;

/** The wall: title, phase and clock on top; the public information large; indicators, statements and the join QR. */
export function ProjectorScreen({ exerciseId, access, feed, picture }: Props) {
  const { t, i18n } = useTranslation();
  const view = picture.view;
  const pt = useMemo(() => pictureText(view, i18n.language), [view, i18n.language]);
  const injects = useMemo(() => publicInjects(view), [view]);
  const statements = useMemo(() => publicStatements(view).slice(0, STATEMENTS), [view]);
  const variables = shownVariables(view);
  // The active phases, outermost first (a phase may have a sub-phase).
  const phase = view.phases.map((p) => pt.text(p.title)).join(' › ');
  const connection = feed.status === 'live' ? 'live' : feed.status === 'connecting' ? 'connecting' : 'reconnecting';

  return (
    <div className="projector" data-testid="projector.page" data-exercise={exerciseId} data-seq={picture.seq}>
      <header className="projector__bar">
        <div className="projector__heading">
          <span className="brand__mark projector__mark" aria-hidden="true" />
          <div className="projector__names">
            <h1 className="projector__title" dir="auto" data-testid="projector.title">
              {pt.text(view.scenario.title)}
            </h1>
            <p className="projector__phase" data-testid="projector.phase">
              {phase || t('shell.noPhase')}
            </p>
          </div>
        </div>
        <div className="projector__stats">
          <div className="projector__stat">
            <span className="projector__label">{t('shell.exercise')}</span>
            <span className={`projector__status status--${view.clock.status}`} data-testid="projector.status">
              {t(`shell.status.${view.clock.status}`)}
            </span>
          </div>
          <ProjectorClock anchor={feed.clock} />
        </div>
      </header>
      {variables.length > 0 && (
        <section className="projector__meters" aria-labelledby="projector-meters">
          <h2 id="projector-meters" className="visually-hidden">
            {t('observer.indicators')}
          </h2>
          <Meters variables={variables} pt={pt} large />
        </section>
      )}
      <main id="main" className="projector__main">
        <section className="projector__news" aria-labelledby="projector-news">
          {view.ending ? (
            <>
              <h2 id="projector-news" className="visually-hidden">
                {t('projector.ended')}
              </h2>
              <EndingCard ending={view.ending} pt={pt} large />
            </>
          ) : (
            <>
              <h2 id="projector-news" className="projector__section">
                {t('projector.latest')}
              </h2>
              <ProjectorNews injects={injects} pt={pt} />
            </>
          )}
        </section>
        <div className="projector__side">
          <section className="projector__statements" aria-labelledby="projector-statements">
            <h2 id="projector-statements" className="projector__section">
              {t('projector.statements')}
            </h2>
            {statements.length === 0 ? (
              <p className="projector__none">{t('projector.noStatements')}</p>
            ) : (
              <Statements items={statements} pt={pt} large />
            )}
          </section>
          <JoinQr exerciseId={exerciseId} access={access} />
        </div>
      </main>
      <footer className="projector__foot">
        <span
          className={`projector__connection projector__connection--${connection}`}
          role="status"
          data-testid="projector.connection"
          data-status={connection}
        >
          <span className="connection__dot" aria-hidden="true" />
          {t(`shell.connection.${connection}`)}
        </span>
        <LanguageSelect />
      </footer>
    </div>
  );
}
