import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { usePartyName } from '../shell/useText.ts';
import type { Recipients } from './injectForms.ts';

/** "All delegations" or a choice of them (checkboxes), with the form's problem beside it. */
export function RecipientsField({
  value,
  onChange,
  problem,
  legend,
  testId,
}: {
  readonly value: Recipients;
  readonly onChange: (value: Recipients) => void;
  readonly problem: string | undefined;
  readonly legend: string;
  readonly testId: string;
}) {
  const { t } = useTranslation();
  const party = usePartyName();
  const name = useId();
  const errorId = useId();
  const delegations = useSession((s) => (s.view?.role === 'facilitator' ? s.view.delegations : []));
  const ids = value.all ? [] : value.ids;
  return (
    <fieldset className="field field--choices" data-testid={testId} aria-describedby={problem ? errorId : undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="choice-row">
        <label className="choice">
          <input
            type="radio"
            name={name}
            checked={value.all}
            data-testid={`${testId}.all`}
            onChange={() => onChange({ all: true })}
          />
          {t('control.form.all')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name={name}
            checked={!value.all}
            data-testid={`${testId}.some`}
            onChange={() => onChange({ all: false, ids })}
          />
          {t('control.form.some')}
        </label>
      </div>
      {!value.all && (
        <div className="choice-grid">
          {delegations.map((d) => (
            <label key={d.delegation} className="choice">
              <input
                type="checkbox"
                value={d.delegation}
                checked={ids.includes(d.delegation)}
                data-testid={`${testId}.${d.delegation}`}
                onChange={(e) =>
                  onChange({
                    all: false,
                    ids: e.target.checked ? [...ids, d.delegation] : ids.filter((x) => x !== d.delegation),
                  })
                }
              />
              {party(d.delegation)}
            </label>
          ))}
        </div>
      )}
      {problem && (
        <p className="field__error" id={errorId}>
          {t(`control.error.${problem}`)}
        </p>
      )}
    </fieldset>
  );
}
