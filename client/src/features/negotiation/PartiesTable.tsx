import type { Proposal } from '@parley/shared/engine/types.ts';
import { useTranslation } from 'react-i18next';
import { standings } from './proposals.ts';
import type { Names } from './useNames.ts';

/** Every party's answer to the current version and its signature, as a table. */
export function PartiesTable({ proposal: p, names }: { readonly proposal: Proposal; readonly names: Names }) {
  const { t } = useTranslation();
  return (
    <div className="standings-wrap">
      <table className="standings">
        <caption className="standings__caption">{t('negotiation.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('negotiation.table.party')}</th>
            <th scope="col">{t('negotiation.table.acceptance', { version: p.version })}</th>
            <th scope="col">{t('negotiation.table.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {standings(p).map((s) => {
            const answer = s.accepted ? 'accepted' : s.rejected ? 'rejected' : 'waiting';
            return (
              <tr
                key={s.party}
                data-testid="negotiation.standing"
                data-party={s.party}
                data-answer={answer}
                data-signed={s.signed}
              >
                <th scope="row">{names.one(s.party)}</th>
                <td>
                  <span className={`answer answer--${answer}`}>{t(`negotiation.party.${answer}`)}</span>
                  {s.reason && (
                    <span className="answer__reason" dir="auto">
                      {t('negotiation.party.reason', { reason: s.reason })}
                    </span>
                  )}
                </td>
                <td>
                  <span className={`answer answer--${s.signed ? 'signed' : 'unsigned'}`}>
                    {t(`negotiation.party.${s.signed ? 'signed' : 'unsigned'}`)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
