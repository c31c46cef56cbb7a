import type { JournalEntry, Proposal } from '@parley/shared/engine/types.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { type Moment, momentsOf } from './proposals.ts';
import type { Names } from './useNames.ts';

/** The proposal's life, newest first: each version (who proposed or amended which clause) and each answer. */
export function History({
  proposal: p,
  timeline,
  names,
}: {
  readonly proposal: Proposal;
  readonly timeline: readonly JournalEntry[];
  readonly names: Names;
}) {
  const { t, i18n } = useTranslation();
  const line = (m: Moment): string => {
    switch (m.kind) {
      case 'agreed':
        return t('negotiation.history.agreed', { version: m.version });
      case 'created':
        return t('negotiation.history.created', { party: names.one(m.by) });
      case 'accepted':
      case 'signed':
        return t(`negotiation.history.${m.kind}`, { version: m.version, party: names.one(m.by) });
      case 'rejected':
        return t(m.reason ? 'negotiation.history.rejectedWhy' : 'negotiation.history.rejected', {
          version: m.version,
          party: names.one(m.by),
          reason: m.reason,
        });
      default:
        return t(`negotiation.history.${m.kind}`, { version: m.version, party: names.one(m.by), number: m.number });
    }
  };
  const moments = momentsOf(p, timeline).reverse();

  return (
    <details className="history" data-testid="negotiation.history">
      <summary className="history__summary">{t('negotiation.history.title')}</summary>
      <ol className="history__list" reversed>
        {moments.map((m, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a log only ever grows at its (reversed) start
            key={moments.length - i}
            className={`history__item history__item--${m.kind}`}
            data-kind={m.kind}
          >
            <span className="row__time" dir="ltr">
              {formatGameTime(m.at, i18n.language)}
            </span>
            <span dir="auto">{line(m)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
