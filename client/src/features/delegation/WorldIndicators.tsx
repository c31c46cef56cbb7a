import type { DelegationView, VariableView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { usePartyName, useText } from '../shell/useText.ts';

function Bar({ value, min, max }: { readonly value: number; readonly min: number; readonly max: number }) {
  const share = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0;
  return (
    <span className="meter" aria-hidden="true">
      <span className="meter__fill" style={{ inlineSize: `${share * 100}%` }} />
    </span>
  );
}

/** The world indicators this delegation may see, each against its range; pair indicators show our pairs. */
export function WorldIndicators({ view }: { readonly view: DelegationView }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const n = (value: number) => formatNumber(value, i18n.language);
  const other = (between: readonly [string, string]) => (between[0] === view.delegation ? between[1] : between[0]);
  /** Our pairs with the parties that matter between states: the delegations and the simulated states. */
  const counterparts = new Set(view.parties.filter((p) => p.seated || p.kind === 'state').map((p) => p.id));
  const ours = (v: VariableView) =>
    v.pairs.filter((p) => p.between.includes(view.delegation) && counterparts.has(other(p.between)));
  const shown = view.variables.filter((v) => v.value !== null || ours(v).length > 0);
  if (shown.length === 0) return null;

  return (
    <section className="panel" aria-labelledby="indicators-title" data-testid="panel.indicators">
      <h2 id="indicators-title" className="panel__title">
        {t('observer.indicators')}
      </h2>
      <ul className="indicators">
        {shown.map((v) => (
          <li key={v.id} className="indicator" data-testid="indicator" data-variable={v.id}>
            <div className="indicator__head">
              <span className="indicator__label" dir="auto">
                {text(v.label)}
              </span>
              {v.value !== null && (
                <span className="indicator__value">
                  {t('actions.indicators.value', { value: n(v.value), max: n(v.max) })}
                </span>
              )}
            </div>
            {v.value !== null && <Bar value={v.value} min={v.min} max={v.max} />}
            {v.description && (
              <p className="indicator__description" dir="auto">
                {text(v.description)}
              </p>
            )}
            {ours(v).length > 0 && (
              <div className="indicator__pairs">
                <p className="indicator__by">{t('actions.indicators.byParty')}</p>
                <ul>
                  {ours(v).map((p) => (
                    <li key={p.between.join('|')} className="indicator__pair">
                      <span className="indicator__with" dir="auto">
                        {party(other(p.between))}
                      </span>
                      <Bar value={p.value} min={v.min} max={v.max} />
                      <span className="indicator__value">{n(p.value)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
