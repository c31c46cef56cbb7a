import type { EvaluatorView } from '@parley/shared/engine/viewTypes.ts';
import { OBSERVATION_RATINGS } from '@parley/shared/protocol/limits.ts';
import { type FormEvent, type KeyboardEvent, type RefObject, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGameTime, gameNow } from '../../state/clock.ts';
import { session, useSession } from '../../state/store.ts';
import { useCommand } from '../facilitator/useCommand.ts';
import { usePartyName, useText } from '../shell/useText.ts';
import {
  afterRecording,
  injectChoices,
  type ObservationDraft,
  objectivesOf,
  observationCommand,
} from './observations.ts';

/** The game time stamped on the newest observation (the synced view holds it once the server acknowledged). */
function lastRecordedAt(): number {
  const { view, clock } = session.getState();
  const list = view?.role === 'evaluator' || view?.role === 'facilitator' ? view.observations : [];
  const newest = list.reduce<{ seq: number; at: number } | null>((a, o) => (a && a.seq > o.seq ? a : o), null);
  return newest?.at ?? gameNow(clock, Date.now());
}

type Props = {
  readonly view: EvaluatorView;
  readonly draft: ObservationDraft;
  readonly onDraft: (draft: ObservationDraft) => void;
  readonly textRef: RefObject<HTMLTextAreaElement | null>;
};

/** The quick observation form: one text box (Enter records it) and the current selections beside it. */
export function ObservationForm({ view, draft, onDraft, textRef }: Props) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const status = useSession((s) => s.info.status);
  const { busy, error, run } = useCommand();
  const [recordedAt, setRecordedAt] = useState<number | null>(null);
  const [empty, setEmpty] = useState(false);
  const id = useId();
  const objectives = objectivesOf(view);
  const injects = injectChoices(view);
  const set = (patch: Partial<ObservationDraft>) => onDraft({ ...draft, ...patch });

  const record = async () => {
    const command = observationCommand(draft);
    setEmpty(command === null);
    setRecordedAt(null);
    if (!command) return textRef.current?.focus();
    if (await run(command)) {
      onDraft(afterRecording(draft));
      setRecordedAt(lastRecordedAt());
    }
    textRef.current?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void record();
  };
  const enterRecords = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    void record();
  };

  return (
    <section className="panel observe" aria-labelledby={`${id}-title`} data-testid="observe.panel">
      <h2 id={`${id}-title`} className="panel__title">
        {t('evaluation.form.title')}
      </h2>
      <form className="form" onSubmit={submit} data-testid="observe.form">
        <label htmlFor={`${id}-text`} className="form__label">
          {t('evaluation.form.text')}
        </label>
        <p id={`${id}-hint`} className="form__hint">
          {t('evaluation.form.hint')}
        </p>
        <textarea
          ref={textRef}
          id={`${id}-text`}
          className="input observe__text"
          rows={3}
          maxLength={2000}
          dir="auto"
          value={draft.text}
          aria-describedby={`${id}-hint`}
          aria-invalid={empty && draft.text.trim() === ''}
          data-testid="observe.text"
          onChange={(e) => set({ text: e.target.value })}
          onKeyDown={enterRecords}
        />
        <div className="observe__choices">
          <fieldset className="observe__rating">
            <legend className="observe__legend">{t('evaluation.form.rating')}</legend>
            {(['', ...OBSERVATION_RATINGS] as const).map((r) => (
              <label key={r || 'none'} className={`observe-segment observe-segment--${r || 'none'}`}>
                <input
                  type="radio"
                  name={`${id}-rating`}
                  value={r}
                  checked={draft.rating === r}
                  data-testid={`observe.rating.${r || 'none'}`}
                  onChange={() => set({ rating: r })}
                />
                <span>{r ? t(`evaluation.rating.${r}`) : t('evaluation.form.ratingNone')}</span>
              </label>
            ))}
          </fieldset>
          <label className="observe__field">
            <span className="observe__legend">{t('evaluation.form.objective')}</span>
            <select
              className="input"
              value={draft.objective}
              data-testid="observe.objective"
              onChange={(e) => set({ objective: e.target.value })}
            >
              <option value="">{t('evaluation.form.objectiveNone')}</option>
              {objectives.map((o) => (
                <option key={o.id} value={o.id}>
                  {text(o.title)}
                </option>
              ))}
            </select>
          </label>
          <label className="observe__field">
            <span className="observe__legend">{t('evaluation.form.inject')}</span>
            <select
              className="input"
              value={draft.inject}
              data-testid="observe.inject"
              onChange={(e) => set({ inject: e.target.value })}
            >
              <option value="">{t('evaluation.form.injectNone')}</option>
              {injects.map((d) => (
                <option key={d.id} value={d.id}>
                  {formatGameTime(d.at, i18n.language)} · {text(d.title)}
                </option>
              ))}
            </select>
          </label>
          <label className="observe__field">
            <span className="observe__legend">{t('evaluation.form.delegation')}</span>
            <select
              className="input"
              value={draft.delegation}
              data-testid="observe.delegation"
              onChange={(e) => set({ delegation: e.target.value })}
            >
              <option value="">{t('evaluation.form.general')}</option>
              {view.watching.map((d) => (
                <option key={d} value={d}>
                  {party(d)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {status === 'setup' && <p className="form__hint">{t('evaluation.form.notStarted')}</p>}
        {(error || (empty && draft.text.trim() === '')) && (
          <p className="form__error" role="alert" data-testid="observe.error">
            {error ?? t('evaluation.form.empty')}
          </p>
        )}
        <div className="form__actions observe__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy !== null}
            data-testid="observe.record"
          >
            {busy ? t('evaluation.form.recording') : t('evaluation.form.record')}
          </button>
          <p className="observe__done" role="status" data-testid="observe.status">
            {recordedAt !== null && t('evaluation.form.recorded', { time: formatGameTime(recordedAt, i18n.language) })}
          </p>
        </div>
      </form>
    </section>
  );
}
