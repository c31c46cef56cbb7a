import type { PartyCard } from '@parley/shared/engine/viewTypes.ts';
import { LIMITS } from '@parley/shared/protocol/limits.ts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';
import { usePartyName, useText } from '../shell/useText.ts';

const KINDS = ['ping', 'request', 'offer'] as const;
type Kind = (typeof KINDS)[number];

/** Ping another delegation's point of contact, request assistance from it, or offer it assistance. */
export function ContactForm({ delegations }: { readonly delegations: readonly PartyCard[] }) {
  const { t } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const { busy, error, run } = useCommand();
  const [kind, setKind] = useState<Kind>('ping');
  const [to, setTo] = useState('');
  const [message, setMessage] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const id = useId();

  if (delegations.length === 0) return <p className="empty">{t('comms.hotline.contact.noOne')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = message.trim();
    if (!to || !body) return;
    setSentTo(null);
    const type = kind === 'ping' ? 'poc.ping' : kind === 'request' ? 'assistance.request' : 'assistance.offer';
    if (await run({ type, to, text: body })) {
      setMessage('');
      setSentTo(to);
    }
  };

  return (
    <form className="comms-contact" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="hotline.contact">
      <h3 id={`${id}-title`} className="comms__subtitle">
        {t('comms.hotline.contact.title')}
      </h3>
      <fieldset className="comms-kind">
        <legend className="comms-contact__label">{t('comms.hotline.contact.kind')}</legend>
        {KINDS.map((k) => (
          <label key={k} className="comms-kind__option">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              data-testid={`hotline.kind.${k}`}
              onChange={() => setKind(k)}
            />
            <span>{t(`comms.hotline.contact.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="comms-contact__hint">{t(`comms.hotline.contact.${kind}Hint`)}</p>
      <div className="comms-contact__fields">
        <label htmlFor={`${id}-to`} className="comms-contact__label">
          {t('comms.hotline.contact.to')}
        </label>
        <select
          id={`${id}-to`}
          className="input comms-select"
          value={to}
          data-testid="hotline.to"
          onChange={(e) => setTo(e.target.value)}
        >
          <option value="">{t('comms.hotline.contact.choose')}</option>
          {delegations.map((p) => (
            <option key={p.id} value={p.id}>
              {text(p.name)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-text`} className="comms-contact__label">
          {t('comms.hotline.contact.text')}
        </label>
        <textarea
          id={`${id}-text`}
          className="input"
          rows={2}
          dir="auto"
          maxLength={LIMITS.text}
          value={message}
          data-testid="hotline.text"
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      <div className="comms-contact__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy !== null || !to || message.trim() === ''}
          data-testid="hotline.send"
        >
          {t(`comms.hotline.contact.send.${kind}`)}
        </button>
        <p className="comms-contact__sent" role="status">
          {sentTo && !error ? t('comms.hotline.contact.sent', { name: party(sentTo) }) : ''}
        </p>
      </div>
      {error && (
        <p className="form__error" role="alert" data-testid="hotline.contactError">
          {error}
        </p>
      )}
    </form>
  );
}
