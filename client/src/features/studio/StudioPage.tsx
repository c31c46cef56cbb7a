/**
 * `/studio` (the scenario library) and `/studio/:documentId` (one document in the editor): the trainers' studio,
 * behind the studio passphrase (asked once per tab; a refused passphrase on any call brings the sign-in back).
 */
import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading.tsx';
import { Library } from './library/Library.tsx';
import { SignIn } from './library/SignIn.tsx';
import { StudioFrame } from './library/StudioFrame.tsx';
import { useStudioAuth } from './studioApi.ts';

// The editors (CodeMirror, the parser, the engine for the diagram and the dry run) load when a document opens: the
// sign-in and the library stay light.
const DocumentPage = lazy(() => import('./library/DocumentPage.tsx').then((m) => ({ default: m.DocumentPage })));

export function StudioPage({ documentId }: { readonly documentId: string | null }) {
  const signedIn = useStudioAuth((a) => a.passphrase !== '');
  if (!signedIn) {
    return (
      <StudioFrame>
        <SignIn />
      </StudioFrame>
    );
  }
  if (documentId === null) return <Library />;
  return (
    <Suspense fallback={<Loading />}>
      <DocumentPage documentId={documentId} />
    </Suspense>
  );
}
