import type { Proposal } from '@parley/shared/engine/types.ts';
import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClauseDocument } from './ClauseDocument.tsx';
import { Decision } from './Decision.tsx';
import { History } from './History.tsx';
import { PartiesTable } from './PartiesTable.tsx';
import { StageBadge } from './ProposalList.tsx';
import { lastAcceptedVersion, movesFor, stageOf, summaryParties } from './proposals.ts';
import { useNames } from './useNames.ts';
import type { VersionMemory } from './versions.ts';

type Reading = Pick<Proposal, 'version' | 'clauses'>;

/**
 * One proposal: where every party stands, the numbered clauses (amend, remove, add; changes marked), the decision
 * (accept the version read, reject with a reason, sign) and the version history. The page keeps the version the
 * reader is reading: when another party amends the text meanwhile, it says so instead of changing the text under
 * their eyes, and an acceptance names the version read (the engine refuses it when it is no longer current).
 */
export function ProposalPage({
  view,
  proposal: p,
  memory,
  heading,
}: {
  readonly view: DelegationView;
  readonly proposal: Proposal;
  readonly memory: VersionMemory;
  readonly heading: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const names = useNames(view.delegation, view.templates);
  const me = view.delegation;
  const [reading, setReading] = useState<Reading>(p);
  const newer = p.history.filter((h) => h.version > reading.version);
  const othersChanged = newer.some((h) => h.by !== me);

  // Our own amendments are what we just read and wrote: follow them.
  useEffect(() => {
    if (p.version !== reading.version && !othersChanged) setReading(p);
  }, [p, reading.version, othersChanged]);

  const latest = p.version === reading.version;
  const stage = stageOf(p);
  const template = view.templates.find((x) => x.id === p.template);
  const accepted = lastAcceptedVersion(view.timeline, p.id, me);
  const moves = movesFor(p, me);

  return (
    <article
      className="proposal"
      data-testid="negotiation.proposal"
      data-proposal={p.id}
      data-version={p.version}
      data-reading={reading.version}
      data-stage={stage}
      aria-labelledby={`${p.id}-title`}
    >
      <header className="proposal__head">
        {template && <p className="eyebrow">{t(`negotiation.kind.${template.kind}`)}</p>}
        <h3 className="proposal__title" id={`${p.id}-title`} ref={heading} tabIndex={-1} dir="auto">
          {names.template(p.template)}
        </h3>
        <p className="proposal__meta">
          <StageBadge stage={stage} />
          <span data-testid="negotiation.version">
            {t('negotiation.version', { version: p.version })}&nbsp;·{' '}
            {t('negotiation.proposedBy', { party: names.one(p.proposer) })}
          </span>
        </p>
        <p className="proposal__summary" data-testid="negotiation.summary" aria-live="polite">
          {t(`negotiation.summary.${stage}`, { version: p.version, parties: names.list(summaryParties(p)) })}
        </p>
      </header>
      {!latest && (
        <div className="callout proposal__newer" role="status" data-testid="negotiation.newer">
          <p>
            {t('negotiation.newer.notice', {
              version: p.version,
              reading: reading.version,
              parties: names.list([...new Set(newer.map((h) => h.by))]),
            })}
          </p>
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="negotiation.readLatest"
            onClick={() => setReading(p)}
          >
            {t('negotiation.newer.read', { version: p.version })}
          </button>
        </div>
      )}
      <PartiesTable proposal={p} names={names} />
      <ClauseDocument
        proposal={p}
        clauses={latest ? p.clauses : reading.clauses}
        latest={latest}
        accepted={accepted}
        memory={memory}
        amend={moves.amend}
        names={names}
      />
      <Decision proposal={p} reading={reading.version} moves={moves} />
      <History proposal={p} timeline={view.timeline} names={names} />
    </article>
  );
}
