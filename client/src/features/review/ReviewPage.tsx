/** `/x/:exerciseId/review`: the after-action review (placeholder until the review screens land). */
export function ReviewPage({ exerciseId }: { readonly exerciseId: string }) {
  return <main id="main" data-testid="review.page" data-exercise={exerciseId} />;
}
