import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CodeProblem, formatCode, parseCode } from './code.ts';

/** The message for a code problem, in the reader's language. */
export function useCodeProblem(): (problem: CodeProblem) => string {
  const { t } = useTranslation();
  return (problem) => {
    if (problem.key === 'join.error.characters') {
      const text = t(problem.key, { chars: problem.chars });
      return problem.lookalike ? `${text} ${t('join.error.lookalike')}` : text;
    }
    if (problem.key === 'join.error.length') return t(problem.key, { count: problem.count });
    return t(problem.key);
  };
}

type Props = {
  readonly initial?: string;
  /** An error from the server about this code (unknown, withdrawn…). */
  readonly serverError?: string | null;
  readonly busy?: boolean;
  readonly onCode: (code: string) => void;
};

export function CodeForm({ initial = '', serverError = null, busy = false, onCode }: Props) {
  const { t } = useTranslation();
  const describe = useCodeProblem();
  const [value, setValue] = useState(formatCode(initial));
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const error = problem ?? serverError;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseCode(value);
    if (!parsed.ok) return setProblem(describe(parsed.problem));
    setProblem(null);
    onCode(parsed.code);
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="join.codeForm">
      <label htmlFor={id} className="form__label">
        {t('join.codeLabel')}
      </label>
      <p id={`${id}-hint`} className="form__hint">
        {t('join.codeHint')}
      </p>
      <input
        id={id}
        className="input input--code"
        data-testid="join.code"
        value={value}
        onChange={(e) => {
          setValue(e.target.value.toUpperCase());
          setProblem(null);
        }}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        dir="ltr"
        maxLength={20}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      {error && (
        <p id={`${id}-error`} className="form__error" role="alert" data-testid="join.error">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="join.continue">
        {busy ? t('join.checking') : t('join.continue')}
      </button>
    </form>
  );
}
