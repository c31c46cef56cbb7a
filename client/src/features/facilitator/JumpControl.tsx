import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JUMP_MINUTES } from './msel.ts';
import { useCommand } from './useCommand.ts';

/** "Jump +5 min", after a confirmation: the jump fires every inject and timer due in between. */
export function JumpControl() {
  const { t } = useTranslation();
  const { busy, error, run } = useCommand();
  const [confirming, setConfirming] = useState(false);

  const jump = async () => {
    if (await run({ type: 'clock.jump', minutes: JUMP_MINUTES })) setConfirming(false);
  };

  if (!confirming)
    return (
      <button type="button" className="button" data-testid="clock.jump" onClick={() => setConfirming(true)}>
        {t('facilitator.clock.jump', { count: JUMP_MINUTES })}
      </button>
    );

  return (
    <div className="confirm" data-testid="clock.jumpConfirmation">
      <p className="confirm__text">{t('facilitator.clock.jumpWarning', { count: JUMP_MINUTES })}</p>
      <div className="confirm__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null}
          data-testid="clock.jumpConfirm"
          onClick={jump}
        >
          {t('facilitator.clock.jumpConfirm', { count: JUMP_MINUTES })}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          data-testid="clock.jumpCancel"
          onClick={() => setConfirming(false)}
        >
          {t('facilitator.clock.cancel')}
        </button>
      </div>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
