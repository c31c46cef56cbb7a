import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import { acquireConnection, releaseConnection } from '../../net/connection.ts';
import { loadSeat } from '../../net/seats.ts';
import { useSession } from '../../state/store.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageFrame } from '../../ui/PageFrame.tsx';
import { DelegationHome } from '../delegation/DelegationHome.tsx';
import { EvaluatorHome } from '../evaluator/EvaluatorHome.tsx';
import { ObserverHome } from '../observer/ObserverHome.tsx';
import { ConsoleHeader } from './ConsoleHeader.tsx';

const FacilitatorHome = lazy(() =>
  Promise.all([import('../../i18n/controlTexts.ts'), import('../facilitator/FacilitatorHome.tsx')]).then(([, m]) => ({
    default: m.FacilitatorHome,
  })),
);

function RoleLanding() {
  const kind = useSession((s) => s.view?.role);
  switch (kind) {
    case 'delegation':
      return <DelegationHome />;
    case 'facilitator':
      return (
        <Suspense fallback={<Loading />}>
          <FacilitatorHome />
        </Suspense>
      );
    case 'observer':
      return <ObserverHome />;
    case 'evaluator':
      return <EvaluatorHome />;
    default:
      return <Loading />;
  }
}

function NoSeat({ problem }: { readonly problem: string | null }) {
  const { t } = useTranslation();
  return (
    <PageFrame>
      <section className="card" data-testid="console.noSeat">
        <h1 className="card__title">{problem ? t('console.problem') : t('console.noSeat')}</h1>
        {problem && (
          <p className="form__error" role="alert">
            {problem}
          </p>
        )}
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'join', code: '' })}>
          {t('console.noSeatAction')}
        </button>
      </section>
    </PageFrame>
  );
}

/** `/x/:exerciseId`: connect with this tab's seat and show the role's console. */
export function ConsolePage({ exerciseId }: { readonly exerciseId: string }) {
  const hasSeat = loadSeat(exerciseId) !== null;
  const connection = useSession((s) => s.connection);
  const problem = useSession((s) => s.problem);
  const hasView = useSession((s) => s.view !== null);

  useEffect(() => {
    if (!hasSeat) return;
    const conn = acquireConnection(exerciseId);
    return () => releaseConnection(conn);
  }, [exerciseId, hasSeat]);

  if (!hasSeat || (connection === 'offline' && problem && !hasView))
    return <NoSeat problem={hasSeat ? problem : null} />;
  return (
    <div className="console">
      <ConsoleHeader exerciseId={exerciseId} />
      <main className="console__main" id="main">
        {problem && (
          <p className="banner" role="alert">
            {problem}
          </p>
        )}
        <RoleLanding />
      </main>
    </div>
  );
}
