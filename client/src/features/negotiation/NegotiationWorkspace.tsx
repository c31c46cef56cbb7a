import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';

/** The delegation's negotiation workspace (placeholder until the workspace lands). */
export function NegotiationWorkspace({ view }: { readonly view: DelegationView }) {
  return <section data-testid="negotiation.workspace" data-proposals={view.proposals.length} />;
}
