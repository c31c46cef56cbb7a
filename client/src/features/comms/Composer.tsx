import type { ChannelRef } from '@parley/shared/protocol/commands.ts';
import { LIMITS } from '@parley/shared/protocol/limits.ts';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';

type Props = {
  readonly channel: ChannelRef;
  /** The field's visible label (who will read it). */
  readonly label: string;
  /** The send button's text (default "Send"). */
  readonly submit?: string;
  readonly testId: string;
};

/** A message field and its Send button (Ctrl/⌘+Enter sends too); the engine's refusal is shown under it. */
export function Composer({ channel, label, submit, testId }: Props) {
  const { t } = useTranslation();
  const { busy, error, run } = useCommand();
  const [text, setText] = useState('');
  const id = useId();
  const empty = text.trim() === '';

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    if (empty || busy) return;
    if (await run({ type: 'message.send', channel, text: text.trim() })) setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(e);
  };

  return (
    <form className="comms-composer" onSubmit={send} data-testid={testId}>
      <label htmlFor={id} className="comms-composer__label">
        {label}
      </label>
      <textarea
        id={id}
        className="input comms-composer__field"
        rows={3}
        dir="auto"
        maxLength={LIMITS.text}
        value={text}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
        data-testid={`${testId}.text`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="comms-composer__actions">
        <p id={`${id}-hint`} className="comms-composer__hint">
          {t('comms.composer.hint')}
        </p>
        <button
          type="submit"
          className="button button--primary"
          disabled={empty || busy !== null}
          data-testid={`${testId}.send`}
        >
          {busy ? t('comms.composer.sending') : (submit ?? t('comms.composer.send'))}
        </button>
      </div>
      {error && (
        <p className="form__error" role="alert" data-testid={`${testId}.error`}>
          {error}
        </p>
      )}
    </form>
  );
}
