import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { seatBot } from '../../net/connection.ts';
import { useSession } from '../../state/store.ts';
import { type RefusalLike, useRefusalText } from '../shell/refusal.ts';
import { BOT_POLICIES, type BotPolicy, canSeatBot } from './seats.ts';

/** Give a delegation's empty seats to a bot (with a behaviour), or take them back. */
export function BotControl({ delegation }: { readonly delegation: string }) {
  const { t } = useTranslation();
  const presence = useSession((s) => s.presence);
  const status = useSession((s) => s.info.status);
  const [policy, setPolicy] = useState<BotPolicy>('cooperative');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RefusalLike | null>(null);
  const describe = useRefusalText();
  const error = failure ? describe(failure) : null;
  const id = useId();
  const playing = presence?.bots[delegation];

  const change = async (next: BotPolicy | null) => {
    setBusy(true);
    setFailure(null);
    const outcome = await seatBot(delegation, next);
    setBusy(false);
    if (!outcome.ok) setFailure(outcome);
  };

  if (status === 'ended') return null;
  return (
    <div className="bot-control" data-testid="seats.bot" data-delegation={delegation} data-bot={playing ?? ''}>
      {playing !== undefined ? (
        <>
          <span className="occupancy occupancy--bot" data-testid="seats.botPlaying">
            {t('control.glance.bot', { policy: t(`control.seats.policy.${playing}`, { defaultValue: playing }) })}
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            data-testid="seats.unbot"
            onClick={() => void change(null)}
          >
            {t('control.seats.takeBack')}
          </button>
        </>
      ) : canSeatBot(delegation, presence) ? (
        <>
          <label className="visually-hidden" htmlFor={id}>
            {t('control.seats.policyLabel')}
          </label>
          <select
            id={id}
            className="input input--small"
            value={policy}
            data-testid="seats.policy"
            onChange={(e) => setPolicy(e.target.value as BotPolicy)}
          >
            {BOT_POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(`control.seats.policy.${p}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            data-testid="seats.giveToBot"
            onClick={() => void change(policy)}
          >
            {t('control.seats.giveToBot')}
          </button>
        </>
      ) : null}
      {error && (
        <p className="form__error" role="alert" data-testid="seats.botError">
          {error}
        </p>
      )}
    </div>
  );
}
