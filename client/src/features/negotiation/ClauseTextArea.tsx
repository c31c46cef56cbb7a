import { useTranslation } from 'react-i18next';

/** A clause's text being written: labelled, direction from its own letters, with the amendment hint below. */
export function ClauseTextArea({
  id,
  label,
  labelHidden = false,
  rows,
  value,
  onChange,
  testid,
}: {
  readonly id: string;
  readonly label: string;
  readonly labelHidden?: boolean;
  readonly rows: number;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly testid: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className={labelHidden ? 'visually-hidden' : 'form__label'} htmlFor={`${id}-text`}>
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        className="input clause-input"
        rows={rows}
        dir="auto"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-hint`}
        data-testid={testid}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to write this clause
        autoFocus
      />
      <p className="form__hint" id={`${id}-hint`}>
        {t('negotiation.text.amendHint')}
      </p>
    </>
  );
}
