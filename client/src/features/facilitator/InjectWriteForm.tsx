import { CONFIDENCE_LEVELS, type Confidence } from '@parley/shared/scenario/vocabulary.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { useText } from '../shell/useText.ts';
import { Field } from './Field.tsx';
import { buildWrite, emptyWrite, INJECT_CHANNEL_CHOICES, type WriteField, type WriteForm } from './injectForms.ts';
import { RecipientsField } from './RecipientsField.tsx';
import { useCommand } from './useCommand.ts';

/** Write a new inject on the spot: title, Markdown text, channel, recipients, sender and, for intelligence, confidence. */
export function InjectWriteForm({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const parties = useSession((s) => s.view?.parties ?? []);
  const { busy, error, run } = useCommand();
  const [form, setForm] = useState<WriteForm>(emptyWrite);
  const [problems, setProblems] = useState<Partial<Record<WriteField, string>>>({});
  const set = (patch: Partial<WriteForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const built = buildWrite(form);
    if (!built.ok) return setProblems(built.problems);
    setProblems({});
    if (await run(built.command)) onClose();
  };

  return (
    <form className="control-form" onSubmit={submit} noValidate data-testid="inject.writeForm">
      <h3 className="control-form__title">{t('control.msel.writeTitle')}</h3>
      <Field label={t('control.form.title')} problem={problems.title}>
        <input
          className="input"
          value={form.title}
          maxLength={280}
          data-testid="inject.title"
          onChange={(e) => set({ title: e.target.value })}
        />
      </Field>
      <Field label={t('control.form.body')} hint={t('control.form.bodyHint')} problem={problems.body}>
        <textarea
          className="input"
          rows={5}
          value={form.body}
          data-testid="inject.body"
          onChange={(e) => set({ body: e.target.value })}
        />
      </Field>
      <div className="control-form__row">
        <Field label={t('control.form.channel')}>
          <select
            className="input"
            value={form.channel}
            data-testid="inject.channel"
            onChange={(e) => set({ channel: e.target.value as WriteForm['channel'] })}
          >
            {INJECT_CHANNEL_CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`feed.channel.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('control.form.from')}>
          <select
            className="input"
            value={form.from}
            data-testid="inject.from"
            onChange={(e) => set({ from: e.target.value })}
          >
            <option value="">{t('control.form.fromControl')}</option>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {text(p.name)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('control.form.confidence')} problem={problems.confidence}>
          <select
            className="input"
            value={form.confidence}
            data-testid="inject.confidence"
            onChange={(e) => set({ confidence: e.target.value as Confidence | '' })}
          >
            <option value="">{t('control.form.confidenceNone')}</option>
            {CONFIDENCE_LEVELS.map((c) => (
              <option key={c} value={c}>
                {t(`feed.level.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <RecipientsField
        legend={t('control.form.recipients')}
        value={form.recipients}
        onChange={(recipients) => set({ recipients })}
        problem={problems.recipients}
        testId="inject.to"
      />
      {error && (
        <p className="form__error" role="alert" data-testid="inject.error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="inject.send">
          {t('control.form.send')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('control.form.cancel')}
        </button>
      </div>
    </form>
  );
}
