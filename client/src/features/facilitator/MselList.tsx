import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MselRow } from './MselRow.tsx';
import { mselOrder } from './msel.ts';

/** The MSEL in order of its due time, each entry with its status and, while open, release and skip. */
export function MselList({ msel }: { readonly msel: readonly MselEntry[] }) {
  const { t } = useTranslation();
  const ordered = useMemo(() => mselOrder(msel), [msel]);
  return (
    <section className="panel" aria-labelledby="msel-title" data-testid="panel.msel">
      <h2 id="msel-title" className="panel__title">
        {t('facilitator.msel')}
      </h2>
      {ordered.length === 0 ? (
        <p className="empty">{t('facilitator.mselEmpty')}</p>
      ) : (
        <ol className="rows msel">
          {ordered.map((entry) => (
            <MselRow key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
}
