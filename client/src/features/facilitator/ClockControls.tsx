import type { Command } from '@parley/shared/protocol/commands.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendCommand } from '../../net/connection.ts';
import { useSession } from '../../state/store.ts';

/** Start, pause and resume play; a refusal is shown in the server's words. */
export function ClockControls() {
  const { t } = useTranslation();
  const status = useSession((s) => s.info.status);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (command: Command) => {
    setBusy(true);
    setError(null);
    const outcome = await sendCommand(command);
    setBusy(false);
    if (!outcome.ok) setError(outcome.message);
  };

  return (
    <div className="controls" data-testid="panel.clock">
      {status === 'setup' && (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          data-testid="clock.start"
          onClick={() => run({ type: 'exercise.start' })}
        >
          {t('facilitator.start')}
        </button>
      )}
      {status === 'running' && (
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="clock.pause"
          onClick={() => run({ type: 'exercise.pause' })}
        >
          {t('facilitator.pause')}
        </button>
      )}
      {status === 'paused' && (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          data-testid="clock.resume"
          onClick={() => run({ type: 'exercise.resume' })}
        >
          {t('facilitator.resume')}
        </button>
      )}
      {status === 'ended' && <p className="muted">{t('facilitator.ended')}</p>}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
