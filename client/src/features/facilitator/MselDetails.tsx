import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../ui/Markdown.tsx';
import { usePartyName, useText } from '../shell/useText.ts';

/** What the MSEL says about an inject, for the facilitator only: recipients, notes, expected action, objective. */
export function MselDetails({ entry, id }: { readonly entry: MselEntry; readonly id: string }) {
  const { t } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const to = entry.to === 'all' ? t('facilitator.entry.toAll') : entry.to.map(party).join(', ');
  return (
    <dl className="msel-details" id={id} data-testid="msel.details">
      <div>
        <dt>{t('facilitator.entry.to')}</dt>
        <dd>{to}</dd>
      </div>
      {entry.notes !== null && (
        <div data-testid="msel.notes">
          <dt>{t('facilitator.entry.notes')}</dt>
          <dd>
            <Markdown source={text(entry.notes)} className="prose" />
          </dd>
        </div>
      )}
      {entry.expects && (
        <div data-testid="msel.expects">
          <dt>{t('facilitator.entry.expects')}</dt>
          <dd>
            <p dir="auto">{text(entry.expects.text)}</p>
            {entry.expects.actions.length > 0 && (
              <p className="msel-details__actions" dir="ltr">
                {entry.expects.actions.map((a) => (
                  <code key={a}>{a}</code>
                ))}
              </p>
            )}
          </dd>
        </div>
      )}
      {entry.objective !== null && (
        <div data-testid="msel.objective">
          <dt>{t('facilitator.entry.objective')}</dt>
          <dd>
            <code>{entry.objective}</code>
          </dd>
        </div>
      )}
    </dl>
  );
}
