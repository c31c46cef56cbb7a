import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffWords } from './diff.ts';

/** A clause's words struck and inserted since its earlier wording (announced as such to screen readers). */
export function ClauseDiff({ before, after }: { readonly before: string; readonly after: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return parts.map((part, i) => {
    const key = `${i}:${part.kind}`;
    if (part.kind === 'removed')
      return (
        <del key={key} className="diff diff--removed">
          <span className="visually-hidden">{t('negotiation.changes.deleted')} </span>
          {part.text}
        </del>
      );
    if (part.kind === 'added')
      return (
        <ins key={key} className="diff diff--added">
          <span className="visually-hidden">{t('negotiation.changes.inserted')} </span>
          {part.text}
        </ins>
      );
    return <span key={key}>{part.text}</span>;
  });
}
