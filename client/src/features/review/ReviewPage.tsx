/**
 * `/x/:exerciseId/review`: the after-action review, read as a report: the header and summary, the timeline, the
 * escalation and trust charts, the rule-compliance table, the observations, a replay scrubber, and the exports.
 * This tab's seat is the credential (the facilitator's token or an evaluator's code).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import { LanguageSelect } from '../../ui/LanguageSelect.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { ChartsSection } from './ChartsSection.tsx';
import { ComplianceSection } from './ComplianceSection.tsx';
import { ExportsSection } from './ExportsSection.tsx';
import { ObservationsSection } from './ObservationsSection.tsx';
import { ReplaySection } from './ReplaySection.tsx';
import { ReportHeader } from './ReportHeader.tsx';
import { ReviewContext, type ReviewData } from './ReviewContext.ts';
import { authOf, loadReview, type Problem, type ReviewAuth } from './reviewApi.ts';
import { TimelineSection } from './TimelineSection.tsx';
import './review.css';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-seat' }
  | { readonly kind: 'problem'; readonly problem: Problem }
  | { readonly kind: 'ready'; readonly data: ReviewData };

export const SECTIONS = ['summary', 'timeline', 'charts', 'compliance', 'observations', 'replay', 'exports'] as const;

export function ReviewPage({ exerciseId }: { readonly exerciseId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const auth = authOf(exerciseId);
  const authKey = auth ? JSON.stringify(auth) : null;

  /** Loads the review with the credential; returns a cancel function for an effect's clean-up. */
  const load = useCallback(
    (credential: ReviewAuth) => {
      let live = true;
      setState({ kind: 'loading' });
      void loadReview(exerciseId, credential).then((answer) => {
        if (!live) return;
        if (answer.ok) setState({ kind: 'ready', data: { exerciseId, auth: credential, ...answer.value } });
        else setState({ kind: 'problem', problem: answer });
      });
      return () => {
        live = false;
      };
    },
    [exerciseId],
  );

  useEffect(() => {
    if (authKey === null) {
      setState({ kind: 'no-seat' });
      return;
    }
    return load(JSON.parse(authKey) as ReviewAuth);
  }, [authKey, load]);

  const retry = () => {
    if (authKey !== null) load(JSON.parse(authKey) as ReviewAuth);
  };

  useEffect(() => {
    document.title = `${t('review.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <div className="page review" data-testid="review.page" data-exercise={exerciseId} data-state={state.kind}>
      <header className="page__bar review__bar">
        <div className="review__brand">
          <span className="brand__mark" aria-hidden="true" />
          <span>{t('app.name')}</span>
          <span className="review__bar-title">{t('review.title')}</span>
        </div>
        <div className="review__tools">
          {auth?.kind === 'facilitator' && (
            <a
              className="review__back"
              href={`/x/${encodeURIComponent(exerciseId)}`}
              data-testid="review.back"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'console', exerciseId });
              }}
            >
              {t('review.back')}
            </a>
          )}
          <LanguageSelect />
        </div>
      </header>
      <main id="main" className="review__main">
        {state.kind === 'loading' && <Loading text={t('review.loading')} />}
        {state.kind === 'no-seat' && <NoSeat />}
        {state.kind === 'problem' && <ProblemNote problem={state.problem} onRetry={retry} />}
        {state.kind === 'ready' && (
          <ReviewContext value={state.data}>
            <Report />
          </ReviewContext>
        )}
      </main>
    </div>
  );
}

function NoSeat() {
  const { t } = useTranslation();
  return (
    <div className="review__note" role="alert" data-testid="review.noSeat">
      <p>{t('review.noSeat')}</p>
      <a
        className="button button--primary"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate({ name: 'home' });
        }}
      >
        {t('review.noSeatAction')}
      </a>
    </div>
  );
}

function ProblemNote({ problem, onRetry }: { readonly problem: Problem; readonly onRetry: () => void }) {
  const { t } = useTranslation();
  const refused = problem.status === 401 || problem.status === 403;
  return (
    <div className="review__note review__note--problem" role="alert" data-testid="review.problem">
      <p className="review__note-title">{refused ? t('review.refused') : t('review.failed')}</p>
      <p>{problem.message ?? (problem.status === 0 ? t('join.error.network') : '')}</p>
      {!refused && (
        <button type="button" className="button" onClick={onRetry}>
          {t('console.retry')}
        </button>
      )}
    </div>
  );
}

function Report() {
  const { t, i18n } = useTranslation();
  return (
    <article className="report" data-testid="review.report">
      <ReportHeader />
      <nav className="report__nav" aria-label={t('review.sections')}>
        <ul>
          {SECTIONS.filter((s) => s !== 'summary').map((s) => (
            <li key={s}>
              <a href={`#review-${s}`}>{t(`review.${s}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <TimelineSection />
      <ChartsSection />
      <ComplianceSection />
      <ObservationsSection />
      <ReplaySection />
      <ExportsSection />
      <p className="report__footer">
        {t('review.generated', {
          date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date()),
        })}
      </p>
    </article>
  );
}
