import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { SPEEDS } from './msel.ts';
import { useCommand } from './useCommand.ts';

/** How fast game time runs: 0.5×, 1×, 2× or 4× (the current speed is pressed). */
export function SpeedControl() {
  const { t, i18n } = useTranslation();
  const speed = useSession((s) => s.clock.speed);
  const { busy, error, run } = useCommand();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="clock-control" data-testid="clock.speedControl">
      <fieldset className="filters">
        <legend className="clock-control__label">{t('facilitator.clock.speed')}</legend>
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            className="chip"
            aria-pressed={speed === s}
            disabled={busy !== null}
            data-testid={`clock.speed.${s}`}
            onClick={() => speed !== s && run({ type: 'clock.speed', speed: s })}
          >
            <span dir="ltr">{t('facilitator.clock.speedValue', { value: number.format(s) })}</span>
          </button>
        ))}
      </fieldset>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
