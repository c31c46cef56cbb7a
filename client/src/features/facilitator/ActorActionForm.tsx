import type { CatalogueEntry, PartyCard } from '@parley/shared/engine/viewTypes.ts';
import { CONFIDENCE_LEVELS } from '@parley/shared/scenario/vocabulary.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';
import { type ActField, buildActorAct, targetChoices } from './actors.ts';
import { Field } from './Field.tsx';
import { useCommand } from './useCommand.ts';

/** Aim one catalogue action of a simulated party and fill in its parameters; the server's refusal shows below. */
export function ActorActionForm({
  actor,
  action,
  parties,
  onDone,
}: {
  readonly actor: string;
  readonly action: CatalogueEntry;
  readonly parties: readonly PartyCard[];
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const { busy, error, run } = useCommand();
  const [targets, setTargets] = useState<string[]>([]);
  const [params, setParams] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Partial<Record<ActField, string>>>({});
  const targetsError = useId();
  const choices = targetChoices(action, parties, actor);
  const { min, max } = action.targets;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const built = buildActorAct(actor, action, targets, params);
    if (!built.ok) return setProblems(built.problems);
    setProblems({});
    if (await run(built.command)) onDone();
  };

  return (
    <form className="control-form control-form--inset" onSubmit={submit} noValidate data-testid="actor.form">
      {action.description && (
        <p className="muted" dir="auto">
          {text(action.description)}
        </p>
      )}
      {max > 0 && (
        <fieldset className="field field--choices" aria-describedby={problems.targets ? targetsError : undefined}>
          <legend className="field__label">
            {t('control.comms.targets')}{' '}
            <span className="muted">
              {min === max ? t('control.comms.exactly', { number: min }) : t('control.comms.between', { min, max })}
            </span>
          </legend>
          <div className="choice-grid">
            {choices.map((p) => (
              <label key={p.id} className="choice">
                <input
                  type="checkbox"
                  checked={targets.includes(p.id)}
                  data-testid={`actor.target.${p.id}`}
                  onChange={(e) =>
                    setTargets((ts) => (e.target.checked ? [...ts, p.id] : ts.filter((x) => x !== p.id)))
                  }
                />
                {text(p.name)}
              </label>
            ))}
          </div>
          {problems.targets && (
            <p className="field__error" id={targetsError}>
              {t('control.error.targets')}
            </p>
          )}
        </fieldset>
      )}
      {action.params.map((p) => {
        const value = params[p.id] ?? '';
        const set = (v: string) => setParams((ps) => ({ ...ps, [p.id]: v }));
        const label = `${text(p.label)}${p.required ? '' : ` ${t('control.comms.optional')}`}`;
        const problem = problems[`param.${p.id}`];
        return (
          <Field key={p.id} label={label} problem={problem}>
            {p.type === 'choice' || p.type === 'confidence' ? (
              <select
                className="input"
                value={value}
                data-testid={`actor.param.${p.id}`}
                onChange={(e) => set(e.target.value)}
              >
                <option value="">{t('control.comms.pick')}</option>
                {(p.type === 'confidence' ? CONFIDENCE_LEVELS : (p.options ?? [])).map((o) => (
                  <option key={o} value={o}>
                    {p.type === 'confidence' ? t(`feed.level.${o}`) : o.replace(/[_-]/g, ' ')}
                  </option>
                ))}
              </select>
            ) : (
              <input
                className="input"
                inputMode={p.type === 'number' ? 'decimal' : undefined}
                value={value}
                data-testid={`actor.param.${p.id}`}
                onChange={(e) => set(e.target.value)}
              />
            )}
          </Field>
        );
      })}
      {error && (
        <p className="form__error" role="alert" data-testid="actor.error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="actor.act">
          {t('control.comms.act')}
        </button>
      </div>
    </form>
  );
}
