import type { VariableView } from '@parley/shared/engine/viewTypes.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { usePartyName, useText } from '../shell/useText.ts';
import { AdjustForm } from './AdjustForm.tsx';
import { pairsByValue, share } from './worldForms.ts';

function Gauge({ value, variable }: { readonly value: number; readonly variable: VariableView }) {
  return (
    <span className="gauge" aria-hidden="true">
      <span className="gauge__fill" style={{ inlineSize: `${share(value, variable) * 100}%` }} />
    </span>
  );
}

/** One world variable: its value within its range (per pair when kept per pair), and "Adjust". */
export function VariableCard({
  variable: v,
  variables,
}: {
  readonly variable: VariableView;
  readonly variables: readonly VariableView[];
}) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const [adjusting, setAdjusting] = useState(false);
  const n = (x: number) => formatNumber(x, i18n.language);
  const name = text(v.label);
  return (
    <li className="variable" data-testid="world.variable" data-variable={v.id} data-scope={v.scope}>
      <div className="variable__head">
        <h3 className="variable__name" dir="auto">
          {name}
        </h3>
        <span className="variable__value" data-testid="world.value">
          {v.value !== null ? n(v.value) : '—'}
        </span>
        <span className="variable__range">{t('control.world.range', { min: n(v.min), max: n(v.max) })}</span>
      </div>
      {v.value !== null && <Gauge value={v.value} variable={v} />}
      {v.description && (
        <p className="variable__description" dir="auto">
          {text(v.description)}
        </p>
      )}
      {v.scope === 'pair' && v.pairs.length > 0 && (
        <details className="variable__pairs">
          <summary>{t('control.world.pairs', { number: v.pairs.length })}</summary>
          <table className="pairs">
            <tbody>
              {pairsByValue(v).map((p) => (
                <tr key={p.between.join('|')} data-testid="world.pair" data-pair={p.between.join(' ')}>
                  <th scope="row">
                    {party(p.between[0])} – {party(p.between[1])}
                  </th>
                  <td>{n(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <div className="variable__actions">
        <button
          type="button"
          className="button button--small"
          aria-expanded={adjusting}
          data-testid="world.adjust"
          aria-label={t('control.world.adjustLabel', { name })}
          onClick={() => setAdjusting((x) => !x)}
        >
          {t('control.world.adjust')}
        </button>
      </div>
      {adjusting && <AdjustForm variable={v} variables={variables} onClose={() => setAdjusting(false)} />}
    </li>
  );
}
