import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { DelegationCard } from './DelegationCard.tsx';
import { glance, ruleTitles } from './glance.ts';

/** Every delegation at a glance: who plays it, where it stands, what it did, what it owes, what it breached. */
export function DelegationsList({ view }: { readonly view: FacilitatorView }) {
  const { t } = useTranslation();
  const presence = useSession((s) => s.presence);
  const cards = useMemo(() => glance(view, presence), [view, presence]);
  const titles = useMemo(() => ruleTitles(view), [view]);
  return (
    <section className="panel" aria-labelledby="delegations-title" data-testid="panel.delegations">
      <h2 id="delegations-title" className="panel__title">
        {t('facilitator.delegations')}
      </h2>
      <ul className="glance">
        {cards.map((card) => (
          <DelegationCard
            key={card.id}
            card={card}
            color={view.parties.find((p) => p.id === card.id)?.color ?? null}
            ruleTitles={titles}
          />
        ))}
      </ul>
    </section>
  );
}
