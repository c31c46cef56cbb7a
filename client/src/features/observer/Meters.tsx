import type { VariableView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { meterShare, type PictureText } from './picture.ts';

type Props = { readonly variables: readonly VariableView[]; readonly pt: PictureText; readonly large?: boolean };

/** The public world indicators as meters: label, value out of the maximum, and a bar from min to max. */
export function Meters({ variables, pt, large = false }: Props) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <ul className={large ? 'pub-meters pub-meters--large' : 'pub-meters'} data-testid="picture.meters">
      {variables.map((v) => (
        <li key={v.id} className="pub-meter" data-testid="picture.meter" data-variable={v.id}>
          <span className="pub-meter__label">{pt.text(v.label)}</span>
          <div className="pub-meter__track" aria-hidden="true">
            <span className="pub-meter__fill" style={{ inlineSize: `${Math.round(meterShare(v) * 100)}%` }} />
          </div>
          <span className="pub-meter__value">
            {n(v.value ?? 0)} <span className="pub-meter__max">{t('projector.outOf', { max: n(v.max) })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
