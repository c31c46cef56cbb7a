import type { CatalogueEntry, DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionEntry } from './ActionEntry.tsx';
import { OurActions } from './OurActions.tsx';

const GROUPS = ['act', 'signal'] as const;

/** The action catalogue, operational acts and diplomatic signals apart, lowest rung first; then what we did. */
export function ActionsPanel({ view }: { readonly view: DelegationView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const group = (kind: CatalogueEntry['command']) =>
    view.catalogue.filter((a) => a.command === kind).sort((a, b) => a.rung - b.rung);

  return (
    <div className="actions-area">
      <section className="panel" aria-labelledby="catalogue-title" data-testid="panel.actions">
        <h2 id="catalogue-title" className="panel__title">
          {t('actions.title')}
        </h2>
        <p className="panel__intro">{t('actions.intro')}</p>
        {GROUPS.map((kind) => {
          const entries = group(kind);
          if (entries.length === 0) return null;
          return (
            <div key={kind} className="catalogue" data-testid={`catalogue.${kind}`}>
              <h3 className="catalogue__title">{t(`actions.group.${kind}`)}</h3>
              <ul className="catalogue__list">
                {entries.map((a) => (
                  <ActionEntry
                    key={a.id}
                    view={view}
                    action={a}
                    open={open === a.id}
                    onToggle={() => setOpen(open === a.id ? null : a.id)}
                  />
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      <OurActions view={view} />
    </div>
  );
}
