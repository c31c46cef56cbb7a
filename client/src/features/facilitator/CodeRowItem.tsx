import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrImage } from '../run/QrImage.tsx';
import { useText } from '../shell/useText.ts';
import type { CodeRow } from './seats.ts';
import { reissueCode, revokeCode } from './seatsApi.ts';

/** One join code: the seat, the code, who is connected with it, its QR code; withdraw (after a confirmation) or reissue. */
export function CodeRowItem({
  row,
  seat,
  exerciseId,
  onChanged,
}: {
  readonly row: CodeRow;
  readonly seat: LocalizedText;
  readonly exerciseId: string;
  readonly onChanged: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { code } = row;
  const revoked = code.status === 'revoked';
  const seatName = text(seat);

  const act = async (call: typeof revokeCode) => {
    setBusy(true);
    setError(null);
    const answer = await call(exerciseId, code.code);
    setBusy(false);
    if (!answer.ok) return setError(answer.message ?? t('control.seats.failed'));
    setConfirming(false);
    onChanged();
  };

  return (
    <li
      className={revoked ? 'code-row code-row--revoked' : 'code-row'}
      data-testid="seats.code"
      data-code={code.code}
      data-seat={row.tag}
      data-status={code.status}
    >
      <div className="code-row__main">
        <span className="code-row__seat" dir="auto">
          {seatName}
        </span>
        <code className="code-row__code" dir="ltr" data-testid="seats.codeValue">
          {code.code}
        </code>
        {revoked ? (
          <span className="badge badge--skipped">{t('control.seats.revoked')}</span>
        ) : (
          <span className="code-row__people" data-testid="seats.people">
            {row.people.length === 0 ? (
              <span className="muted">{t('control.seats.nobody')}</span>
            ) : (
              row.people.map((p, i) => (
                <span
                  // biome-ignore lint/suspicious/noArrayIndexKey: people at one seat, in the server's order
                  key={i}
                  className={p.online ? 'person' : 'person person--away'}
                  data-testid="seats.person"
                  data-online={p.online}
                >
                  <span className="presence-dot" aria-hidden="true" />
                  <span dir="auto">{p.name ?? t('control.seats.anonymous')}</span>
                  <span className="visually-hidden">
                    {' '}
                    ({p.online ? t('control.seats.online') : t('control.seats.reconnecting')})
                  </span>
                  {!p.online && <span className="muted"> · {t('control.seats.reconnecting')}</span>}
                </span>
              ))
            )}
          </span>
        )}
      </div>
      {!revoked && (
        <details className="code-row__qr">
          <summary>{t('control.seats.showQr')}</summary>
          <div className="code-row__qrbody">
            <QrImage text={code.link} label={t('control.seats.qrLabel', { seat: seatName })} />
            <a href={code.link} dir="ltr" className="code-row__link">
              {code.link}
            </a>
          </div>
        </details>
      )}
      <div className="code-row__actions">
        {revoked ? (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            data-testid="seats.reissue"
            aria-label={t('control.seats.reissueLabel', { seat: seatName })}
            onClick={() => void act(reissueCode)}
          >
            {t('control.seats.reissue')}
          </button>
        ) : !confirming ? (
          <button
            type="button"
            className="button button--small"
            data-testid="seats.revoke"
            aria-label={t('control.seats.revokeLabel', { seat: seatName })}
            onClick={() => setConfirming(true)}
          >
            {t('control.seats.revoke')}
          </button>
        ) : null}
      </div>
      {confirming && (
        <div className="confirm" data-testid="seats.revokeConfirmation">
          <p className="confirm__text">{t('control.seats.revokeWarning', { code: code.code, seat: seatName })}</p>
          <div className="confirm__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              data-testid="seats.revokeConfirm"
              onClick={() => void act(revokeCode)}
            >
              {t('control.seats.revokeConfirm')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              data-testid="seats.revokeCancel"
              onClick={() => setConfirming(false)}
            >
              {t('control.form.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="form__error" role="alert" data-testid="seats.error">
          {error}
        </p>
      )}
    </li>
  );
}
