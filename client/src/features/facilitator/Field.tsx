import { cloneElement, type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';

type Describable = ReactElement<{
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}>;

/**
 * A labelled form control with an optional hint and the form's problem (an i18n key under `control.error`), wired
 * with aria-invalid and aria-describedby. The control is the only child.
 */
export function Field({
  label,
  hint,
  problem,
  children,
  className = 'field',
}: {
  readonly label: string;
  readonly hint?: string;
  readonly problem?: string | undefined;
  readonly children: Describable;
  readonly className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {cloneElement(children, { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': described })}
      {problem && (
        <p className="field__error" id={errorId} data-testid="control.fieldError">
          {t(`control.error.${problem}`)}
        </p>
      )}
    </div>
  );
}
