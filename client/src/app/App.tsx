import { lazy, Suspense } from 'react';
import { HomePage } from '../features/join/HomePage.tsx';
import { JoinPage } from '../features/join/JoinPage.tsx';
import { Loading } from '../ui/Loading.tsx';
import { useRoute } from './navigation.ts';

// The join path stays small: the consoles (Colyseus) and the set-up page (QR codes) load when opened.
/** A lazy page whose texts (see i18n/areas.ts) load beside its code and are registered before it renders. */
const withTexts = <T,>(texts: Promise<unknown>, page: Promise<T>): Promise<T> =>
  Promise.all([texts, page]).then(([, module]) => module);

const ConsolePage = lazy(() =>
  withTexts(import('../i18n/consoleTexts.ts'), import('../features/shell/ConsolePage.tsx')).then((m) => ({
    default: m.ConsolePage,
  })),
);
const ReviewPage = lazy(() =>
  withTexts(import('../i18n/reviewTexts.ts'), import('../features/review/ReviewPage.tsx')).then((m) => ({
    default: m.ReviewPage,
  })),
);
const ProjectorPage = lazy(() =>
  withTexts(import('../i18n/projectorTexts.ts'), import('../features/observer/ProjectorPage.tsx')).then((m) => ({
    default: m.ProjectorPage,
  })),
);
const StudioPage = lazy(() =>
  withTexts(import('../i18n/studioTexts.ts'), import('../features/studio/StudioPage.tsx')).then((m) => ({
    default: m.StudioPage,
  })),
);
const RunPage = lazy(() => import('../features/run/RunPage.tsx').then((m) => ({ default: m.RunPage })));

export function App() {
  const route = useRoute();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'join':
      return <JoinPage initialCode={route.code} />;
    case 'run':
      return (
        <Suspense fallback={<Loading />}>
          <RunPage />
        </Suspense>
      );
    case 'console':
      return (
        <Suspense fallback={<Loading />}>
          <ConsolePage key={route.exerciseId} exerciseId={route.exerciseId} />
        </Suspense>
      );
    case 'review':
      return (
        <Suspense fallback={<Loading />}>
          <ReviewPage key={route.exerciseId} exerciseId={route.exerciseId} />
        </Suspense>
      );
    case 'studio':
      return (
        <Suspense fallback={<Loading />}>
          <StudioPage key={route.documentId ?? ''} documentId={route.documentId} />
        </Suspense>
      );
    case 'projector':
      return (
        <Suspense fallback={<Loading />}>
          <ProjectorPage key={route.exerciseId} exerciseId={route.exerciseId} />
        </Suspense>
      );
  }
}
