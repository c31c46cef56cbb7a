import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { ActorPanel } from './ActorPanel.tsx';
import { BroadcastForm } from './BroadcastForm.tsx';
import { SentBroadcasts } from './SentBroadcasts.tsx';

/** Communications from exercise control: broadcasts to all or some delegations, and moves by simulated parties. */
export function CommsPanel({ view }: { readonly view: FacilitatorView }) {
  return (
    <div className="control-columns control-columns--even">
      <div className="layout__main">
        <BroadcastForm />
        <SentBroadcasts messages={view.messages} />
      </div>
      <ActorPanel view={view} />
    </div>
  );
}
