import type { CatalogueEntry } from '@parley/shared/engine/viewTypes.ts';
import { LIMITS } from '@parley/shared/protocol/limits.ts';
import { CONFIDENCE_LEVELS } from '@parley/shared/scenario/vocabulary.ts';
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';
import { optionLabel } from './actionDraft.ts';

type Param = CatalogueEntry['params'][number];

/** One parameter of an action: free text, a number in its range, one of its options, or a confidence level. */
export function ParamField({
  param,
  value,
  onChange,
  name,
}: {
  readonly param: Param;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly name: string;
}) {
  const { t } = useTranslation();
  const text = useText();
  const label = (
    <>
      {text(param.label)}{' '}
      <span className="form__hint-inline">
        {param.required ? t('actions.form.required') : t('actions.form.optional')}
      </span>
    </>
  );
  const testId = `action.param.${param.id}`;

  if (param.type === 'confidence' || param.type === 'choice') {
    const options = param.type === 'confidence' ? CONFIDENCE_LEVELS : (param.options ?? []);
    const words = (o: string) => (param.type === 'confidence' ? t(`feed.level.${o}`) : optionLabel(o));
    return (
      <fieldset className="action-form__group" data-testid={testId}>
        <legend className="form__label">{label}</legend>
        <div className="options">
          {!param.required && (
            <label className={value === '' ? 'pick pick--on' : 'pick'}>
              <input type="radio" name={name} checked={value === ''} onChange={() => onChange('')} />
              <span>{t('actions.form.none')}</span>
            </label>
          )}
          {options.map((o) => (
            <label key={o} className={value === o ? 'pick pick--on' : 'pick'}>
              <input
                type="radio"
                name={name}
                checked={value === o}
                onChange={() => onChange(o)}
                data-testid={`${testId}.${o}`}
              />
              <span className="pick__text">{words(o)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  return (
    <div className="action-form__group">
      <label className="form__label" htmlFor={name}>
        {label}
      </label>
      {param.type === 'number' ? (
        <input
          id={name}
          className="input input--number"
          type="number"
          inputMode="decimal"
          value={value}
          min={param.min}
          max={param.max}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
      ) : (
        <textarea
          id={name}
          className="input"
          rows={2}
          value={value}
          maxLength={param.max ?? LIMITS.text}
          onChange={(e) => onChange(e.target.value)}
          dir="auto"
          data-testid={testId}
        />
      )}
    </div>
  );
}
