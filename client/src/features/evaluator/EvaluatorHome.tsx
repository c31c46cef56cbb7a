import type { EvaluatorView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { usePartyName } from '../shell/useText.ts';

const asEvaluator = (v: unknown) => v as EvaluatorView;

/** An evaluator's first screen: the delegations it watches, with what each has done so far. */
export function EvaluatorHome() {
  const { t } = useTranslation();
  const party = usePartyName();
  const view = useSession((s) => (s.view?.role === 'evaluator' ? asEvaluator(s.view) : null));
  if (!view) return null;
  return (
    <section className="panel" aria-labelledby="watching-title" data-testid="evaluator.home">
      <h2 id="watching-title" className="panel__title">
        {t('evaluator.watching')}
      </h2>
      <ul className="rows">
        {view.delegations.map((d) => (
          <li key={d.delegation} className="row">
            <span className="row__title">{party(d.delegation)}</span>
            <span className="muted">
              {t('evaluator.actions', { count: d.actions.filter((a) => a.by === d.delegation).length })} ·{' '}
              {t('evaluator.breaches', { count: view.ledger.filter((l) => l.party === d.delegation).length })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
