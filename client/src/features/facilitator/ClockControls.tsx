import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { JumpControl } from './JumpControl.tsx';
import { SpeedControl } from './SpeedControl.tsx';
import { useCommand } from './useCommand.ts';

/** Start, pause and resume play, the clock speed and a jump ahead; a refusal is shown in the server's words. */
export function ClockControls() {
  const { t } = useTranslation();
  const status = useSession((s) => s.info.status);
  const { busy, error, run } = useCommand();

  return (
    <div className="controls" data-testid="panel.clock">
      {status === 'setup' && (
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null}
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
          disabled={busy !== null}
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
          disabled={busy !== null}
          data-testid="clock.resume"
          onClick={() => run({ type: 'exercise.resume' })}
        >
          {t('facilitator.resume')}
        </button>
      )}
      {(status === 'running' || status === 'paused') && <JumpControl />}
      {status === 'ended' && <p className="muted">{t('facilitator.ended')}</p>}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      {status !== 'ended' && <SpeedControl />}
    </div>
  );
}
