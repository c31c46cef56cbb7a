/**
 * The structured editors' form fields. Each shows its value from the scenario, keeps what the trainer types until it
 * is committed (on leaving the field or Enter; lists and choices at once), and shows beside it why a value was not
 * applied (role="alert"). Escape puts back the saved value.
 */
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../../ui/Markdown.tsx';

type Commit<T> = (value: T) => readonly string[];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function useCommitted<T>(value: T, commit: Commit<T>) {
  const [draft, setDraft] = useState(value);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the saved value changes (compared as JSON)
  useEffect(() => {
    setDraft(value);
    setErrors([]);
  }, [key]);
  const save = (next: T = draft) => {
    if (same(next, value)) {
      setErrors([]);
      return;
    }
    setErrors(commit(next));
  };
  const reset = () => {
    setDraft(value);
    setErrors([]);
  };
  return { draft, setDraft, errors, setErrors, save, reset };
}

export function Errors({ id, errors }: { readonly id: string; readonly errors: readonly string[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div id={id} className="sx-error" role="alert">
      <span className="sx-error__lead">{t('studio.structured.notApplied')}</span>
      {errors.map((e) => (
        <span key={e} className="sx-error__item">
          {e}
        </span>
      ))}
    </div>
  );
}

function Hint({ id, hint }: { readonly id: string; readonly hint: ReactNode }) {
  if (hint === undefined || hint === null || hint === '') return null;
  return (
    <span id={id} className="sx-hint">
      {hint}
    </span>
  );
}

type Base = {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly testid?: string;
  readonly className?: string;
};

/** One line of text. `required`: an empty value is refused without trying it. */
export function TextField({
  label,
  hint,
  testid,
  className,
  value,
  onCommit,
  required = false,
  mono = false,
  dir,
}: Base & {
  readonly value: string;
  readonly onCommit: Commit<string>;
  readonly required?: boolean;
  readonly mono?: boolean;
  readonly dir?: 'auto' | 'ltr';
}) {
  const { t } = useTranslation();
  const id = useId();
  const f = useCommitted(value, onCommit);
  const commit = () => {
    const next = f.draft.trim();
    if (required && next === '') f.setErrors([t('studio.structured.required')]);
    else f.save(next);
  };
  return (
    <div className={`sx-field ${className ?? ''}`}>
      <label className="sx-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={`sx-input${mono ? ' sx-input--mono' : ''}`}
        value={f.draft}
        dir={dir ?? 'auto'}
        aria-invalid={f.errors.length > 0}
        aria-describedby={`${id}-e ${id}-h`}
        onChange={(e) => f.setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') f.reset();
        }}
        data-testid={testid}
      />
      <Hint id={`${id}-h`} hint={hint} />
      <Errors id={`${id}-e`} errors={f.errors} />
    </div>
  );
}

/** A longer text, Markdown when `markdown` (with a preview). Committed when leaving the field or on Ctrl+Enter. */
export function TextArea({
  label,
  hint,
  testid,
  className,
  value,
  onCommit,
  required = false,
  markdown = false,
  rows = 3,
}: Base & {
  readonly value: string;
  readonly onCommit: Commit<string>;
  readonly required?: boolean;
  readonly markdown?: boolean;
  readonly rows?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const f = useCommitted(value, onCommit);
  const [preview, setPreview] = useState(false);
  const commit = () => {
    if (required && f.draft.trim() === '') f.setErrors([t('studio.structured.required')]);
    else f.save(f.draft);
  };
  return (
    <div className={`sx-field ${className ?? ''}`}>
      <div className="sx-field__head">
        <label className="sx-label" htmlFor={id}>
          {label}
        </label>
        {markdown && (
          <button
            type="button"
            className="sx-link"
            aria-pressed={preview}
            onClick={() => setPreview(!preview)}
            data-testid={testid === undefined ? undefined : `${testid}.preview`}
          >
            {preview ? t('studio.structured.write') : t('studio.structured.preview')}
          </button>
        )}
      </div>
      {preview ? (
        <div className="sx-preview">
          {f.draft.trim() === '' ? <span className="muted">{t('studio.structured.nothing')}</span> : null}
          <Markdown source={f.draft} />
        </div>
      ) : (
        <textarea
          id={id}
          className="sx-input sx-textarea"
          rows={rows}
          value={f.draft}
          dir="auto"
          aria-invalid={f.errors.length > 0}
          aria-describedby={`${id}-e ${id}-h`}
          onChange={(e) => f.setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
            if (e.key === 'Escape') f.reset();
          }}
          data-testid={testid}
        />
      )}
      <Hint id={`${id}-h`} hint={hint} />
      <Errors id={`${id}-e`} errors={f.errors} />
    </div>
  );
}

/** A number of game minutes (or any number between min and max); empty means none when `optional`. */
export function NumberField({
  label,
  hint,
  testid,
  className,
  value,
  onCommit,
  min,
  max,
  integer = false,
  optional = false,
}: Base & {
  readonly value: number | undefined;
  readonly onCommit: Commit<number | undefined>;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly optional?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const shown = value === undefined ? '' : String(value);
  const f = useCommitted(shown, (text) => {
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') return optional ? onCommit(undefined) : [t('studio.structured.required')];
    const n = Number(trimmed);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      return [t(integer ? 'studio.structured.wholeNumber' : 'studio.structured.number', { min, max })];
    }
    return onCommit(n);
  });
  return (
    <div className={`sx-field ${className ?? ''}`}>
      <label className="sx-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="sx-input sx-input--number"
        inputMode="decimal"
        value={f.draft}
        aria-invalid={f.errors.length > 0}
        aria-describedby={`${id}-e ${id}-h`}
        onChange={(e) => f.setDraft(e.target.value)}
        onBlur={() => f.save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') f.save();
          if (e.key === 'Escape') f.reset();
        }}
        data-testid={testid}
      />
      <Hint id={`${id}-h`} hint={hint} />
      <Errors id={`${id}-e`} errors={f.errors} />
    </div>
  );
}

export type Option = { readonly value: string; readonly label: string };

/** A choice from a list, applied at once. */
export function SelectField({
  label,
  hint,
  testid,
  className,
  value,
  options,
  onCommit,
}: Base & { readonly value: string; readonly options: readonly Option[]; readonly onCommit: Commit<string> }) {
  const id = useId();
  const f = useCommitted(value, onCommit);
  return (
    <div className={`sx-field ${className ?? ''}`}>
      <label className="sx-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="sx-input sx-select"
        value={f.draft}
        aria-invalid={f.errors.length > 0}
        aria-describedby={`${id}-e ${id}-h`}
        onChange={(e) => {
          f.setDraft(e.target.value);
          f.save(e.target.value);
        }}
        data-testid={testid}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint id={`${id}-h`} hint={hint} />
      <Errors id={`${id}-e`} errors={f.errors} />
    </div>
  );
}

/** Several choices among a list (checkboxes), each applied at once. */
export function Checklist({
  label,
  hint,
  testid,
  className,
  value,
  options,
  onCommit,
  columns = false,
}: Base & {
  readonly value: readonly string[];
  readonly options: readonly (Option & { readonly detail?: string })[];
  readonly onCommit: Commit<string[]>;
  readonly columns?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const f = useCommitted<readonly string[]>(value, (v) => onCommit([...v]));
  const toggle = (option: string, on: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === option ? on : f.draft.includes(v)));
    // Values the list does not offer (unknown ids) are kept.
    const kept = [...next, ...f.draft.filter((v) => !options.some((o) => o.value === v))];
    f.setDraft(kept);
    f.save(kept);
  };
  return (
    <fieldset className={`sx-field sx-checklist ${className ?? ''}`} aria-describedby={`${id}-e ${id}-h`}>
      <legend className="sx-label">{label}</legend>
      {options.length === 0 ? <span className="muted sx-hint">{t('studio.structured.noChoices')}</span> : null}
      <div className={`sx-checklist__items${columns ? ' sx-checklist__items--columns' : ''}`}>
        {options.map((o) => (
          <label key={o.value} className="sx-check" title={o.detail}>
            <input
              type="checkbox"
              checked={f.draft.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              data-testid={testid === undefined ? undefined : `${testid}.${o.value}`}
            />
            <span>
              {o.label}
              {o.detail !== undefined && (
                <span className="sx-check__detail" lang="en">
                  {o.detail}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
      <Hint id={`${id}-h`} hint={hint} />
      <Errors id={`${id}-e`} errors={f.errors} />
    </fieldset>
  );
}

/** A small button that acts on an item (move, copy, delete), labelled for screen readers. `copy` draws its icon. */
export function IconButton({
  label,
  glyph,
  onClick,
  disabled = false,
  testid,
  danger = false,
}: {
  readonly label: string;
  readonly glyph: string;
  readonly onClick: () => void;
  readonly disabled?: boolean;
  readonly testid?: string;
  readonly danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={`sx-icon${danger ? ' sx-icon--danger' : ''}`}
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      data-testid={testid}
    >
      {glyph === 'copy' ? (
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor">
          <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" strokeWidth="1.5" />
          <path
            d="M10.5 3.5v-0.5a1.5 1.5 0 0 0-1.5-1.5h-5a1.5 1.5 0 0 0-1.5 1.5v5a1.5 1.5 0 0 0 1.5 1.5h0.5"
            strokeWidth="1.5"
          />
        </svg>
      ) : (
        <span aria-hidden="true">{glyph}</span>
      )}
    </button>
  );
}

/** A refusal from a list change (add, remove…), shown under the list's toolbar. */
export function useProblems() {
  const [problems, setProblems] = useState<readonly string[]>([]);
  return { problems, report: (p: readonly string[]) => setProblems(p) };
}
