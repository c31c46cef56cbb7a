import { lazy, Suspense } from 'react';
import { HomePage } from '../features/join/HomePage.tsx';
import { JoinPage } from '../features/join/JoinPage.tsx';
import { Loading } from '../ui/Loading.tsx';
import { useRoute } from './navigation.ts';

// The join path stays small: the consoles (Colyseus) and the set-up page (QR codes) load when opened.
const ConsolePage = lazy(() => import('../features/shell/ConsolePage.tsx').then((m) => ({ default: m.ConsolePage })));
const ReviewPage = lazy(() => import('../features/review/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })));
const ProjectorPage = lazy(() =>
  import('../features/observer/ProjectorPage.tsx').then((m) => ({ default: m.ProjectorPage })),
);
const StudioPage = lazy(() => import('../features/studio/StudioPage.tsx').then((m) => ({ default: m.StudioPage })));
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
