import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useState } from 'react';
import { useSession } from '../../state/store.ts';
import { IncidentFeed } from '../feed/IncidentFeed.tsx';
import { ClockControls } from './ClockControls.tsx';
import { CommsPanel } from './CommsPanel.tsx';
import { ControlTabs, panelId, type Tab, tabId } from './ControlTabs.tsx';
import { DelegationsList } from './DelegationsList.tsx';
import { EndedBanner } from './EndedBanner.tsx';
import { EndPanel } from './EndPanel.tsx';
import { MselList } from './MselList.tsx';
import { ProjectorLink } from './ProjectorLink.tsx';
import { SeatsPanel } from './SeatsPanel.tsx';
import { WorldPanel } from './WorldPanel.tsx';
import './facilitator.css';
import './control.css';

const asFacilitator = (v: unknown) => v as FacilitatorView;

function Section({ view, tab }: { readonly view: FacilitatorView; readonly tab: Tab }) {
  switch (tab) {
    case 'overview':
      return (
        <div className="control-overview">
          <DelegationsList view={view} />
          <div className="layout__main">
            <MselList msel={view.msel} />
            <IncidentFeed injects={view.injects} />
          </div>
        </div>
      );
    case 'world':
      return <WorldPanel view={view} />;
    case 'comms':
      return <CommsPanel view={view} />;
    case 'seats':
      return <SeatsPanel view={view} />;
    case 'end':
      return <EndPanel view={view} />;
  }
}

/**
 * The facilitator's console: the clock always in reach, then one section at a time: the overview (every delegation
 * at a glance, the MSEL, what has gone out), the world, communications, seats, and the end of play.
 */
export function FacilitatorHome() {
  const view = useSession((s) => (s.view?.role === 'facilitator' ? asFacilitator(s.view) : null));
  const [tab, setTab] = useState<Tab>('overview');
  if (!view) return null;
  const ended = view.clock.status === 'ended';
  const breaches = view.ledger.filter((e) => e.kind !== 'met').length;
  return (
    <div className="control" data-testid="facilitator.home">
      {!ended && <ClockControls />}
      <EndedBanner view={view} />
      <div className="control-nav">
        <ControlTabs current={tab} onChange={setTab} badges={{ overview: breaches }} />
        <ProjectorLink />
      </div>
      <div
        className="control__panel"
        role="tabpanel"
        id={panelId(tab)}
        aria-labelledby={tabId(tab)}
        data-testid={`control.panel.${tab}`}
      >
        <Section view={view} tab={tab} />
      </div>
    </div>
  );
}
