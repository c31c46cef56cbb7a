import type { VariableView } from '@parley/shared/engine/viewTypes.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeFields } from './ChangeFields.tsx';
import { Field } from './Field.tsx';
import { useCommand } from './useCommand.ts';
import { type AdjustField, buildAdjust, type ChangeRow, emptyChange } from './worldForms.ts';

/** Move one variable (add or set, for a pair when kept per pair) and say why. */
export function AdjustForm({
  variable,
  variables,
  onClose,
}: {
  readonly variable: VariableView;
  readonly variables: readonly VariableView[];
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useCommand();
  const [row, setRow] = useState<ChangeRow>(() => emptyChange(variable.id));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Partial<Record<AdjustField, string>>>({});

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const built = buildAdjust(row, reason, variables);
    if (!built.ok) return setProblems(built.problems);
    setProblems({});
    if (await run(built.command)) onClose();
  };

  return (
    <form className="control-form control-form--inset" onSubmit={submit} noValidate data-testid="world.adjustForm">
      <ChangeFields
        row={row}
        onChange={setRow}
        variables={variables}
        fixed
        problem={problems.change}
        testId="world.change"
      />
      <Field label={t('control.world.reason')} problem={problems.reason}>
        <input
          className="input"
          value={reason}
          maxLength={280}
          data-testid="world.reason"
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      {error && (
        <p className="form__error" role="alert" data-testid="world.error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="world.apply">
          {t('control.world.apply')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('control.form.cancel')}
        </button>
      </div>
    </form>
  );
}
