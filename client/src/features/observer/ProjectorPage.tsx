/** `/x/:exerciseId/projector`: the public picture for a projector (placeholder until the projector screen lands). */
export function ProjectorPage({ exerciseId }: { readonly exerciseId: string }) {
  return <main id="main" data-testid="projector.page" data-exercise={exerciseId} />;
}
