import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { useText } from '../shell/useText.ts';
import { Field } from './Field.tsx';
import { buildEdit, type EditField, type EditForm, editFormOf, MAX_MINUTE } from './injectForms.ts';
import { RecipientsField } from './RecipientsField.tsx';
import { useCommand } from './useCommand.ts';

/** Change an inject before it goes out: its title, text, recipients and (for a timed inject) when it is due. */
export function InjectEditForm({
  entry,
  title,
  onClose,
}: {
  readonly entry: MselEntry;
  readonly title: string;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const startedAt = useSession((s) => s.view?.clock.startedAt ?? null);
  const { busy, error, run } = useCommand();
  const [initial] = useState(() => editFormOf(entry, title, text(entry.body), startedAt));
  const [form, setForm] = useState<EditForm>(initial);
  const [problems, setProblems] = useState<Partial<Record<EditField, string>>>({});
  const set = (patch: Partial<EditForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const built = buildEdit(entry, initial, form);
    if (!built.ok) return setProblems(built.problems);
    setProblems({});
    if (await run(built.command)) onClose();
  };

  return (
    <form className="control-form msel-edit" onSubmit={submit} noValidate data-testid="msel.editForm">
      <Field label={t('control.form.title')} problem={problems.title}>
        <input
          className="input"
          value={form.title}
          maxLength={280}
          data-testid="msel.editTitle"
          onChange={(e) => set({ title: e.target.value })}
        />
      </Field>
      <Field label={t('control.form.body')} hint={t('control.form.bodyHint')} problem={problems.body}>
        <textarea
          className="input"
          rows={8}
          dir="auto"
          value={form.body}
          data-testid="msel.editBody"
          onChange={(e) => set({ body: e.target.value })}
        />
      </Field>
      {initial.minute !== '' && (
        <Field
          label={t('control.form.minute')}
          hint={t('control.form.minuteHint')}
          problem={problems.minute}
          className="field field--narrow"
        >
          <input
            className="input"
            inputMode="decimal"
            min={0}
            max={MAX_MINUTE}
            value={form.minute}
            data-testid="msel.editMinute"
            onChange={(e) => set({ minute: e.target.value })}
          />
        </Field>
      )}
      <RecipientsField
        legend={t('control.form.recipients')}
        value={form.recipients}
        onChange={(recipients) => set({ recipients })}
        problem={problems.recipients}
        testId="msel.editTo"
      />
      {problems.form && (
        <p className="field__error" role="alert">
          {t(`control.error.${problems.form}`)}
        </p>
      )}
      {error && (
        <p className="form__error" role="alert" data-testid="msel.editError">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="msel.editSave">
          {t('control.form.save')}
        </button>
        <button type="button" className="button" data-testid="msel.editCancel" onClick={onClose}>
          {t('control.form.cancel')}
        </button>
      </div>
    </form>
  );
}
