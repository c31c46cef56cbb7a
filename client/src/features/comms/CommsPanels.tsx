import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';

/** The delegation's POC hotline and assistance (placeholder until the comms panels land). */
export function HotlinePanel({ view }: { readonly view: DelegationView }) {
  return <section data-testid="comms.hotline" data-pings={view.pings.length} />;
}

/** Bilateral, group and public channels (placeholder). */
export function ChannelsPanel({ view }: { readonly view: DelegationView }) {
  return <section data-testid="comms.channels" data-messages={view.messages.length} />;
}

/** Team notes shared among the delegation's seats (placeholder). */
export function TeamNotesPanel({ view }: { readonly view: DelegationView }) {
  return <section data-testid="comms.notes" data-seats={view.seats.length} />;
}
