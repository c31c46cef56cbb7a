/** A studio failure in the reader's words (the server's own message when there is no better one). */
import type { TFunction } from 'i18next';
import type { StudioFailure } from '../studioApi.ts';

export function failureText(t: TFunction, failure: StudioFailure): string {
  if (failure.status === 0) return t('studio.shell.error.offline');
  switch (failure.code) {
    case 'studio-disabled':
      return t('studio.shell.error.disabled');
    case 'too-many-attempts':
      return t('studio.shell.error.tooMany', { seconds: failure.retryAfter ?? 60 });
    case 'unauthorized':
      return t('studio.shell.error.unauthorized');
    default:
      return failure.message ?? t('studio.shell.error.failed', { status: failure.status });
  }
}
