/**
 * `/studio` (the scenario library) and `/studio/:documentId` (one document in the editor): the trainers' studio.
 * Placeholder until the studio screens land.
 */
export function StudioPage({ documentId }: { readonly documentId: string | null }) {
  return <main id="main" data-testid="studio.page" data-document={documentId ?? ''} />;
}
