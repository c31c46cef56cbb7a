import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { DraftForm } from './DraftForm.tsx';
import { ProposalList } from './ProposalList.tsx';
import { ProposalPage } from './ProposalPage.tsx';
import { versionMemory } from './versions.ts';
import './negotiation.css';

type Screen =
  | { readonly kind: 'list' }
  /** Drafting; `after`: the last proposal's seq when the draft began (ours after it is the one sent). */
  | { readonly kind: 'draft'; readonly after: number }
  /** The proposal was sent: open it as soon as the view holds it. */
  | { readonly kind: 'sent'; readonly after: number }
  | { readonly kind: 'proposal'; readonly id: string };

/** The delegation's negotiation workspace: its proposals, a new proposal from a template, and one proposal's page. */
export function NegotiationWorkspace({ view }: { readonly view: DelegationView }) {
  const { t } = useTranslation();
  const exercise = useSession((s) => s.welcome?.exerciseId ?? '');
  const memory = useMemo(() => versionMemory(exercise), [exercise]);
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => memory.remember(view.proposals), [memory, view.proposals]);

  // A proposal just sent opens once the server's view holds it.
  useEffect(() => {
    if (screen.kind !== 'sent') return;
    const mine = view.proposals.find((p) => p.proposer === view.delegation && p.seq > screen.after);
    if (mine) setScreen({ kind: 'proposal', id: mine.id });
  }, [screen, view.proposals, view.delegation]);

  // Keyboard and screen-reader users land on the new screen's heading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [screen.kind, screen.kind === 'proposal' ? screen.id : null]);

  const proposal = screen.kind === 'proposal' ? view.proposals.find((p) => p.id === screen.id) : undefined;
  const toList = () => setScreen({ kind: 'list' });
  const lastSeq = Math.max(0, ...view.proposals.map((p) => p.seq));

  return (
    <section
      className="panel negotiation"
      aria-labelledby="negotiation-title"
      data-testid="negotiation.workspace"
      data-proposals={view.proposals.length}
    >
      <header className="panel__head">
        <h2
          id="negotiation-title"
          className="panel__title"
          ref={screen.kind === 'list' ? heading : undefined}
          tabIndex={-1}
        >
          {t('negotiation.title')}
        </h2>
        {screen.kind === 'list' ? (
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="negotiation.new"
            disabled={view.templates.length === 0}
            onClick={() => setScreen({ kind: 'draft', after: lastSeq })}
          >
            {t('negotiation.newProposal')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--small negotiation__back"
            data-testid="negotiation.back"
            onClick={toList}
          >
            <span aria-hidden="true" className="negotiation__back-arrow" />
            {t('negotiation.back')}
          </button>
        )}
      </header>
      {screen.kind === 'list' && <ProposalList view={view} onOpen={(id) => setScreen({ kind: 'proposal', id })} />}
      {(screen.kind === 'draft' || screen.kind === 'sent') && (
        <DraftForm
          view={view}
          heading={heading}
          onSent={() => setScreen({ kind: 'sent', after: screen.after })}
          onCancel={toList}
        />
      )}
      {screen.kind === 'proposal' &&
        (proposal ? (
          <ProposalPage key={proposal.id} view={view} proposal={proposal} memory={memory} heading={heading} />
        ) : (
          <p className="empty">{t('negotiation.empty')}</p>
        ))}
    </section>
  );
}
