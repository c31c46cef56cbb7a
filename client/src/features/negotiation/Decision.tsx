import type { Proposal } from '@parley/shared/engine/types.ts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';
import type { Moves } from './proposals.ts';

/**
 * The delegation's decision on the text: accept the version it read, reject (with an optional reason), sign once
 * every party accepted. A move not open now is disabled with the reason beside it; the engine's refusals show next
 * to the control that was refused.
 */
export function Decision({
  proposal: p,
  reading,
  moves,
}: {
  readonly proposal: Proposal;
  /** The version the reader is reading (what an acceptance accepts). */
  readonly reading: number;
  readonly moves: Moves;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const accept = useCommand();
  const reject = useCommand();
  const sign = useCommand();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  if (p.status === 'signed') return null;

  const sendRejection = async (e: FormEvent) => {
    e.preventDefault();
    const why = reason.trim();
    if (await reject.run({ type: 'proposal.reject', proposal: p.id, ...(why ? { reason: why } : {}) })) {
      setRejecting(false);
      setReason('');
    }
  };
  const why = (move: keyof Moves) => {
    const key = moves[move];
    return key === null ? null : t(`negotiation.decide.why.${key}`, { version: p.version });
  };
  // An acceptance of the version read stays possible when a newer one exists: the engine then says why not.
  const acceptWhy = reading === p.version ? why('accept') : null;

  return (
    <section className="decision" aria-labelledby={`${ids}-title`} data-testid="negotiation.decision">
      <h4 className="decision__title" id={`${ids}-title`}>
        {t('negotiation.decide.title')}
      </h4>
      <div className="decision__moves">
        <div className="decision__move">
          <button
            type="button"
            className="button button--primary"
            disabled={acceptWhy !== null || accept.busy !== null}
            aria-describedby={acceptWhy ? `${ids}-accept` : undefined}
            data-testid="negotiation.accept"
            onClick={() => accept.run({ type: 'proposal.accept', proposal: p.id, version: reading })}
          >
            {t('negotiation.decide.accept', { version: reading })}
          </button>
          {acceptWhy && (
            <p className="decision__why" id={`${ids}-accept`}>
              {acceptWhy}
            </p>
          )}
          {accept.error && (
            <p className="form__error" role="alert" data-testid="negotiation.acceptError">
              {accept.error}
            </p>
          )}
        </div>
        <div className="decision__move">
          <button
            type="button"
            className="button"
            disabled={why('reject') !== null || rejecting}
            aria-expanded={rejecting}
            aria-describedby={why('reject') ? `${ids}-reject` : undefined}
            data-testid="negotiation.reject"
            onClick={() => setRejecting(true)}
          >
            {t('negotiation.decide.reject')}
          </button>
          {why('reject') && (
            <p className="decision__why" id={`${ids}-reject`}>
              {why('reject')}
            </p>
          )}
        </div>
        <div className="decision__move">
          <button
            type="button"
            className="button button--sign"
            disabled={why('sign') !== null || sign.busy !== null}
            aria-describedby={why('sign') ? `${ids}-sign` : undefined}
            data-testid="negotiation.sign"
            onClick={() => sign.run({ type: 'proposal.sign', proposal: p.id })}
          >
            {t('negotiation.decide.sign')}
          </button>
          {why('sign') && (
            <p className="decision__why" id={`${ids}-sign`} data-testid="negotiation.signWhy">
              {why('sign')}
            </p>
          )}
          {sign.error && (
            <p className="form__error" role="alert" data-testid="negotiation.signError">
              {sign.error}
            </p>
          )}
        </div>
      </div>
      {rejecting && (
        <form className="decision__reject" onSubmit={sendRejection}>
          <label className="form__label" htmlFor={`${ids}-reason`}>
            {t('negotiation.decide.reason')}
          </label>
          <textarea
            id={`${ids}-reason`}
            className="input"
            rows={2}
            maxLength={280}
            dir="auto"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="negotiation.rejectReason"
            // biome-ignore lint/a11y/noAutofocus: the person just asked to reject
            autoFocus
          />
          <div className="clause__actions">
            <button
              type="submit"
              className="button button--small button--danger"
              disabled={reject.busy !== null}
              data-testid="negotiation.rejectSend"
            >
              {t('negotiation.decide.rejectSend')}
            </button>
            <button type="button" className="button button--small" onClick={() => setRejecting(false)}>
              {t('negotiation.decide.cancel')}
            </button>
          </div>
        </form>
      )}
      {reject.error && (
        <p className="form__error" role="alert" data-testid="negotiation.rejectError">
          {reject.error}
        </p>
      )}
    </section>
  );
}
