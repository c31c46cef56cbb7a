import { useTranslation } from 'react-i18next';

export function Loading({ text }: { readonly text?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__dot" aria-hidden="true" />
      {text ?? t('console.joining')}
    </div>
  );
}
