import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { InjectWriteForm } from './InjectWriteForm.tsx';
import { MselRow } from './MselRow.tsx';
import { mselOrder } from './msel.ts';

/** The MSEL in order of its due time, each entry with its status and, while open, release, skip and edit; and a new inject written on the spot. */
export function MselList({ msel }: { readonly msel: readonly MselEntry[] }) {
  const { t } = useTranslation();
  const ordered = useMemo(() => mselOrder(msel), [msel]);
  const [writing, setWriting] = useState(false);
  const ended = useSession((s) => s.info.status === 'ended');
  return (
    <section className="panel" aria-labelledby="msel-title" data-testid="panel.msel">
      <header className="panel__head">
        <h2 id="msel-title" className="panel__title">
          {t('facilitator.msel')}
        </h2>
        {!ended && (
          <button
            type="button"
            className="button button--small"
            aria-expanded={writing}
            data-testid="msel.write"
            onClick={() => setWriting((x) => !x)}
          >
            {t('control.msel.write')}
          </button>
        )}
      </header>
      {writing && !ended && <InjectWriteForm onClose={() => setWriting(false)} />}
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
