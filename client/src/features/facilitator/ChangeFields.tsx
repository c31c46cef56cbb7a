import type { VariableView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { useText } from '../shell/useText.ts';
import { Field } from './Field.tsx';
import type { ChangeRow } from './worldForms.ts';

/**
 * One change to a world variable: which variable (unless fixed), add or set, the amount, and for a per-pair
 * variable the two parties.
 */
export function ChangeFields({
  row,
  onChange,
  variables,
  fixed,
  problem,
  testId,
}: {
  readonly row: ChangeRow;
  readonly onChange: (row: ChangeRow) => void;
  readonly variables: readonly VariableView[];
  readonly fixed: boolean;
  readonly problem: string | undefined;
  readonly testId: string;
}) {
  const { t } = useTranslation();
  const text = useText();
  const parties = useSession((s) => s.view?.parties ?? []);
  const v = variables.find((x) => x.id === row.variable);
  const set = (patch: Partial<ChangeRow>) => onChange({ ...row, ...patch });
  return (
    <div className="change" data-testid={testId}>
      {!fixed && (
        <Field label={t('control.world.variable')}>
          <select
            className="input"
            value={row.variable}
            data-testid={`${testId}.variable`}
            onChange={(e) => set({ variable: e.target.value, a: '', b: '' })}
          >
            <option value="">{t('control.world.pickVariable')}</option>
            {variables.map((x) => (
              <option key={x.id} value={x.id}>
                {text(x.label)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="control-form__row">
        <Field label={t('control.world.how')}>
          <select
            className="input"
            value={row.how}
            data-testid={`${testId}.how`}
            onChange={(e) => set({ how: e.target.value === 'set' ? 'set' : 'add' })}
          >
            <option value="add">{t('control.world.add')}</option>
            <option value="set">{t('control.world.set')}</option>
          </select>
        </Field>
        <Field label={row.how === 'add' ? t('control.world.amount') : t('control.world.value')} problem={problem}>
          <input
            className="input"
            inputMode="decimal"
            value={row.amount}
            data-testid={`${testId}.amount`}
            onChange={(e) => set({ amount: e.target.value })}
          />
        </Field>
      </div>
      {v?.scope === 'pair' && (
        <div className="control-form__row">
          {(['a', 'b'] as const).map((side) => (
            <Field key={side} label={t(side === 'a' ? 'control.world.partyA' : 'control.world.partyB')}>
              <select
                className="input"
                value={row[side]}
                data-testid={`${testId}.${side}`}
                onChange={(e) => set({ [side]: e.target.value })}
              >
                <option value="">{t('control.world.pickParty')}</option>
                {parties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {text(p.name)}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </div>
      )}
    </div>
  );
}
