/** The rule-compliance table: totals per delegation, then every deadline met or missed and every breach, tagged. */
import type { ComplianceRow } from '@parley/shared/review/types.ts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview, useReviewFormat } from './ReviewContext.ts';
import { TableScroll } from './TableScroll.tsx';

export function ComplianceSection() {
  const { t } = useTranslation();
  const { review } = useReview();
  const f = useReviewFormat();
  const ids = useId();
  const { rows, byDelegation } = review.compliance;

  return (
    <section
      className="report__section report__section--break"
      id="review-compliance"
      aria-labelledby={`${ids}-title`}
      data-testid="review.compliance"
    >
      <div className="report__section-head">
        <h2 className="report__h2" id={`${ids}-title`}>
          {t('review.compliance.title')}
        </h2>
      </div>
      {byDelegation.length > 0 && (
        <TableScroll label={t('review.compliance.byDelegation')}>
          <table className="review-table review-table--totals" data-testid="review.compliance.totals">
            <caption>{t('review.compliance.byDelegation')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.compliance.delegation')}</th>
                <th scope="col" className="num">
                  {t('review.compliance.kind.met')}
                </th>
                <th scope="col" className="num">
                  {t('review.compliance.kind.missed')}
                </th>
                <th scope="col" className="num">
                  {t('review.compliance.kind.breach')}
                </th>
                <th scope="col" className="num">
                  {t('review.compliance.kind.open')}
                </th>
                <th scope="col" className="num">
                  {t('review.compliance.meanResponse')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byDelegation.map((d) => (
                <tr key={d.delegation}>
                  <th scope="row">{f.name(d.delegation)}</th>
                  <td className="num" data-label={t('review.compliance.kind.met')}>
                    {f.number(d.met)}
                  </td>
                  <td className="num" data-label={t('review.compliance.kind.missed')}>
                    {f.number(d.missed)}
                  </td>
                  <td className="num" data-label={t('review.compliance.kind.breach')}>
                    {f.number(d.breaches)}
                  </td>
                  <td className="num" data-label={t('review.compliance.kind.open')}>
                    {f.number(d.open)}
                  </td>
                  <td className="num" data-label={t('review.compliance.meanResponse')}>
                    <span className="report__mono" dir="ltr">
                      {d.meanResponseMs === null ? '–' : f.time(d.meanResponseMs)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {rows.length === 0 ? (
        <p className="empty">{t('review.compliance.empty')}</p>
      ) : (
        <TableScroll label={t('review.compliance.rows')}>
          <table className="review-table review-table--rows">
            <caption>{t('review.compliance.rows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.compliance.time')}</th>
                <th scope="col">{t('review.compliance.outcome')}</th>
                <th scope="col">{t('review.compliance.rule')}</th>
                <th scope="col">{t('review.compliance.party')}</th>
                <th scope="col">{t('review.compliance.timing')}</th>
                <th scope="col">{t('review.compliance.tags')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Row key={`${r.seq}-${r.kind}-${r.rule}-${r.party}`} row={r} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function Row({ row }: { readonly row: ComplianceRow }) {
  const { t } = useTranslation();
  const f = useReviewFormat();
  return (
    <tr data-testid="review.compliance.row" data-kind={row.kind} data-rule={row.rule}>
      <td data-label={t('review.compliance.time')}>
        <span className="report__mono" dir="ltr">
          {f.time(row.at)}
        </span>
      </td>
      <td data-label={t('review.compliance.outcome')}>
        <span className={`badge outcome outcome--${row.kind}`}>{t(`review.compliance.kind.${row.kind}`)}</span>
        <span className="outcome__mode">{t(`review.compliance.modes.${row.mode}`, { defaultValue: row.mode })}</span>
      </td>
      <td data-label={t('review.compliance.rule')}>
        <span className="compliance__rule">{row.ruleTitle}</span>
        <span className="compliance__action">{row.action}</span>
      </td>
      <td data-label={t('review.compliance.party')}>
        {f.name(row.party)}
        {row.against && (
          <span className="compliance__against">
            {t('review.compliance.towards')} {f.name(row.against)}
          </span>
        )}
      </td>
      <td data-label={t('review.compliance.timing')} className="compliance__timing">
        {row.openedAt !== null && (
          <span>
            {row.dueAt === null
              ? t('review.compliance.opened', { time: f.time(row.openedAt) })
              : t('review.compliance.window', { opened: f.time(row.openedAt), due: f.time(row.dueAt) })}
          </span>
        )}
        {row.responseMs !== null && <span>{t('review.compliance.took', { time: f.time(row.responseMs) })}</span>}
        {row.openedAt === null && row.responseMs === null && <span aria-hidden="true">–</span>}
      </td>
      <td data-label={t('review.compliance.tags')}>
        <span className="tags">
          {row.norms.map((n) => (
            <span key={`n${n}`} className="tag tag--norm">
              {t('review.compliance.norm', { id: n })}
            </span>
          ))}
          {row.cbms.map((c) => (
            <span key={`c${c}`} className="tag tag--cbm">
              {t('review.compliance.cbm', { id: f.number(c) })}
            </span>
          ))}
        </span>
      </td>
    </tr>
  );
}
