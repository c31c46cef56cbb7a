import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { AdjudicateForm } from './AdjudicateForm.tsx';
import { RulingsList } from './RulingsList.tsx';
import { VariableCard } from './VariableCard.tsx';

/** The world: every variable with its value (or its pairs) and an adjustment; adjudication and past rulings. */
export function WorldPanel({ view }: { readonly view: FacilitatorView }) {
  const { t } = useTranslation();
  return (
    <div className="control-columns">
      <section className="panel" aria-labelledby="variables-title" data-testid="panel.variables">
        <h2 id="variables-title" className="panel__title">
          {t('control.world.variables')}
        </h2>
        {view.variables.length === 0 ? (
          <p className="empty">{t('control.world.noVariables')}</p>
        ) : (
          <ul className="variables">
            {view.variables.map((v) => (
              <VariableCard key={v.id} variable={v} variables={view.variables} />
            ))}
          </ul>
        )}
      </section>
      <div className="layout__main">
        <AdjudicateForm view={view} />
        <RulingsList rulings={view.rulings} variables={view.variables} />
      </div>
    </div>
  );
}
