import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { type Stage, stageOf, standings, summaryParties } from './proposals.ts';
import { useNames } from './useNames.ts';

/** The delegation's proposals, newest first: title, stage, version, and where each party stands. */
export function ProposalList({
  view,
  onOpen,
}: {
  readonly view: DelegationView;
  readonly onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const names = useNames(view.delegation, view.templates);
  if (view.proposals.length === 0) return <p className="empty">{t('negotiation.empty')}</p>;

  return (
    <ul className="proposals">
      {[...view.proposals].reverse().map((p) => {
        const stage = stageOf(p);
        const title = names.template(p.template);
        return (
          <li
            key={p.id}
            className="proposal-card"
            data-testid="negotiation.item"
            data-proposal={p.id}
            data-stage={stage}
          >
            <div className="proposal-card__head">
              <h3 className="proposal-card__title">
                <button
                  type="button"
                  className="proposal-card__open"
                  aria-label={t('negotiation.openLabel', { title })}
                  data-testid="negotiation.open"
                  onClick={() => onOpen(p.id)}
                >
                  <span dir="auto">{title}</span>
                </button>
              </h3>
              <StageBadge stage={stage} />
            </div>
            <p className="proposal-card__meta">
              {t('negotiation.version', { version: p.version })}&nbsp;·{' '}
              {t('negotiation.proposedBy', { party: names.one(p.proposer) })}
            </p>
            <p className="proposal-card__summary">
              {t(`negotiation.summary.${stage}`, {
                version: p.version,
                parties: names.list(summaryParties(p)),
              })}
            </p>
            <ul className="party-chips">
              {standings(p).map((s) => {
                const state = s.signed ? 'signed' : s.accepted ? 'accepted' : s.rejected ? 'rejected' : 'waiting';
                return (
                  <li
                    key={s.party}
                    className={`party-chip party-chip--${state}`}
                    data-party={s.party}
                    data-state={state}
                  >
                    <span className="party-chip__name">{names.one(s.party)}</span>
                    <span className="party-chip__state">{t(`negotiation.chip.${state}`)}</span>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

export function StageBadge({ stage }: { readonly stage: Stage }) {
  const { t } = useTranslation();
  return (
    <span className={`badge stage stage--${stage}`} data-testid="negotiation.stage">
      {t(`negotiation.stage.${stage}`)}
    </span>
  );
}
