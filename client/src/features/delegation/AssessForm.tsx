import type { Assessment } from '@parley/shared/engine/types.ts';
import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { LIMITS } from '@parley/shared/protocol/limits.ts';
import { CONFIDENCE_LEVELS, type Confidence, SEVERITY_MAX, SEVERITY_MIN } from '@parley/shared/scenario/vocabulary.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';
import { usePartyName } from '../shell/useText.ts';

const SEVERITIES = Array.from({ length: SEVERITY_MAX - SEVERITY_MIN + 1 }, (_, i) => SEVERITY_MIN + i);

/** Record a new assessment: severity, suspected party (or undetermined), confidence, a short note. */
export function AssessForm({
  id,
  view,
  latest,
  onDone,
}: {
  readonly id: string;
  readonly view: DelegationView;
  readonly latest: Assessment | null;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const party = usePartyName();
  const { busy, error, run } = useCommand();
  const [severity, setSeverity] = useState(latest?.severity ?? 2);
  const [suspect, setSuspect] = useState(latest?.suspect ?? '');
  const [confidence, setConfidence] = useState<Confidence>(latest?.confidence ?? 'low');
  const [note, setNote] = useState('');
  const severityText = (value: number) =>
    t('actions.assess.severityShort', { value, name: t(`actions.severity.${value}`) });
  const others = view.parties.filter((p) => p.id !== view.delegation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    const ok = await run({
      type: 'assess',
      severity,
      suspect: suspect || null,
      confidence,
      ...(trimmed ? { note: trimmed } : {}),
    });
    if (ok) onDone();
  };

  return (
    <form id={id} className="assess-form" onSubmit={submit} data-testid="assess.form">
      <fieldset className="assess-form__group">
        <legend className="form__label">{t('actions.assess.severity')}</legend>
        <div className="segmented">
          {SEVERITIES.map((level) => (
            <label key={level} className="segmented__option">
              <input
                type="radio"
                name={`${id}-severity`}
                value={level}
                checked={severity === level}
                onChange={() => setSeverity(level)}
                data-testid={`assess.severity.${level}`}
              />
              <span aria-hidden="true">{level}</span>
              <span className="visually-hidden">
                {level} {t(`actions.severity.${level}`)}
              </span>
            </label>
          ))}
        </div>
        <p className="assess-form__hint" aria-hidden="true">
          {severityText(severity)}
        </p>
      </fieldset>
      <label className="assess-form__group">
        <span className="form__label">{t('actions.assess.suspect')}</span>
        <select
          className="input"
          value={suspect}
          onChange={(e) => setSuspect(e.target.value)}
          data-testid="assess.suspect"
        >
          <option value="">{t('actions.assess.nobody')}</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {party(p.id)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="assess-form__group">
        <legend className="form__label">{t('actions.assess.confidence')}</legend>
        <div className="segmented segmented--three">
          {CONFIDENCE_LEVELS.map((level) => (
            <label key={level} className="segmented__option">
              <input
                type="radio"
                name={`${id}-confidence`}
                value={level}
                checked={confidence === level}
                onChange={() => setConfidence(level)}
                data-testid={`assess.confidence.${level}`}
              />
              <span className="segmented__text">{t(`feed.level.${level}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="assess-form__group">
        <span className="form__label">{t('actions.assess.note')}</span>
        <input
          className="input"
          value={note}
          maxLength={LIMITS.shortText}
          onChange={(e) => setNote(e.target.value)}
          dir="auto"
          data-testid="assess.note"
        />
      </label>
      {error && (
        <p className="form__error" role="alert" data-testid="assess.error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="assess.submit">
          {t('actions.assess.submit')}
        </button>
      </div>
    </form>
  );
}
