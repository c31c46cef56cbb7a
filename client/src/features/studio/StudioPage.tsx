/**
 * `/studio` (the scenario library) and `/studio/:documentId` (one document in the editor): the trainers' studio,
 * behind the studio passphrase (asked once per tab; a refused passphrase on any call brings the sign-in back).
 */
import { DocumentPage } from './library/DocumentPage.tsx';
import { Library } from './library/Library.tsx';
import { SignIn } from './library/SignIn.tsx';
import { StudioFrame } from './library/StudioFrame.tsx';
import { useStudioAuth } from './studioApi.ts';

export function StudioPage({ documentId }: { readonly documentId: string | null }) {
  const signedIn = useStudioAuth((a) => a.passphrase !== '');
  if (!signedIn) {
    return (
      <StudioFrame>
        <SignIn />
      </StudioFrame>
    );
  }
  return documentId === null ? <Library /> : <DocumentPage documentId={documentId} />;
}
