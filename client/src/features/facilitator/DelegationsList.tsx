import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';

/** Every delegation at a glance: its colour, name and escalation rung. */
export function DelegationsList({ view }: { readonly view: FacilitatorView }) {
  const { t } = useTranslation();
  const text = useText();
  return (
    <section className="panel" aria-labelledby="delegations-title" data-testid="panel.delegations">
      <h2 id="delegations-title" className="panel__title">
        {t('facilitator.delegations')}
      </h2>
      <ul className="rows">
        {view.delegations.map((d) => {
          const card = view.parties.find((p) => p.id === d.delegation);
          return (
            <li key={d.delegation} className="row" data-testid="delegations.row">
              <span className="swatch" style={{ background: card?.color ?? 'var(--ink-3)' }} aria-hidden="true" />
              <span className="row__title">{card ? text(card.name) : d.delegation}</span>
              <span className="muted">{t('facilitator.rung', { value: view.ladder[d.delegation]?.current ?? 0 })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
