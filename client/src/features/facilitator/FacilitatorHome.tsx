import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useSession } from '../../state/store.ts';
import { IncidentFeed } from '../feed/IncidentFeed.tsx';
import { ClockControls } from './ClockControls.tsx';
import { DelegationsList } from './DelegationsList.tsx';
import { MselList } from './MselList.tsx';
import './facilitator.css';

const asFacilitator = (v: unknown) => v as FacilitatorView;

/** The facilitator's first screen: clock controls, the delegations, the MSEL and what has gone out. */
export function FacilitatorHome() {
  const view = useSession((s) => (s.view?.role === 'facilitator' ? asFacilitator(s.view) : null));
  if (!view) return null;
  return (
    <div className="layout layout--facilitator" data-testid="facilitator.home">
      <div className="layout__side">
        <ClockControls />
        <DelegationsList view={view} />
      </div>
      <div className="layout__main">
        <MselList msel={view.msel} />
        <IncidentFeed injects={view.injects} />
      </div>
    </div>
  );
}
