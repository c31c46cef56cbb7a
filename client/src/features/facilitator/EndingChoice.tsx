import type { EndingCard } from '@parley/shared/engine/viewTypes.ts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';
import { NO_ENDING, offersNoEnding } from './endings.ts';

/** The scenario's endings as radio buttons, each with its tone and the default marked. */
export function EndingChoice({
  endings,
  value,
  onChange,
}: {
  readonly endings: readonly EndingCard[];
  readonly value: string;
  readonly onChange: (ending: string) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset className="field field--choices" aria-describedby={hintId} data-testid="end.endings">
      <legend className="field__label">{t('control.end.ending')}</legend>
      <p className="field__hint" id={hintId}>
        {t('control.end.endingHint')}
      </p>
      <div className="ending-choices">
        {endings.map((e) => (
          <label key={e.id} className={`ending-choice ending-choice--${e.tone}`}>
            <input
              type="radio"
              name={name}
              value={e.id}
              checked={value === e.id}
              data-testid={`end.ending.${e.id}`}
              onChange={() => onChange(e.id)}
            />
            <span className="ending-choice__text">
              <span className="ending-choice__title" dir="auto">
                {text(e.title)}
              </span>
              <span className="ending-choice__meta">
                <span className="ending-choice__tone">{t(`control.end.tone.${e.tone}`)}</span>
                {e.default && <span className="ending-choice__default">{t('control.end.default')}</span>}
              </span>
            </span>
          </label>
        ))}
        {offersNoEnding(endings) && (
          <label className="ending-choice ending-choice--none">
            <input
              type="radio"
              name={name}
              value={NO_ENDING}
              checked={value === NO_ENDING}
              data-testid="end.ending.none"
              onChange={() => onChange(NO_ENDING)}
            />
            <span className="ending-choice__text">
              <span className="ending-choice__title">{t('control.end.noEndingChoice')}</span>
            </span>
          </label>
        )}
      </div>
    </fieldset>
  );
}
