/**
 * A well-formed sample of every command type for the test scenario (Grey Tide), typed so that a new command type
 * cannot be added to the protocol without a sample here (the record must cover every `CommandType`). Ids of things
 * created during play (pings, requests, proposals) come from `refs`; the authorization matrix passes placeholders,
 * since a role is checked before anything else.
 */
import type { Command, CommandType, Role } from '@parley/shared';

export type Refs = {
  /** The sending delegation (or norland when the sender is not a delegation). */
  readonly me: string;
  /** Another state to address. */
  readonly other: string;
  readonly ping: string;
  readonly request: string;
  readonly proposal: string;
  readonly version: number;
};

export const PLACEHOLDER_REFS: Omit<Refs, 'me' | 'other'> = {
  ping: 'ping-999',
  request: 'request-999',
  proposal: 'proposal-999',
  version: 1,
};

export const SAMPLES: { readonly [T in CommandType]: (r: Refs) => Extract<Command, { type: T }> } = {
  assess: () => ({ type: 'assess', severity: 3, suspect: null, confidence: 'medium' }),
  'action.take': () => ({ type: 'action.take', action: 'hunt', targets: [], params: {} }),
  'signal.send': (r) => ({ type: 'signal.send', action: 'demarche', targets: [r.other], params: { tone: 'firm' } }),
  'poc.ping': (r) => ({ type: 'poc.ping', to: r.other, text: 'Please confirm receipt of our note.' }),
  'poc.ack': (r) => ({ type: 'poc.ack', ping: r.ping, text: 'Received.' }),
  'assistance.request': (r) => ({ type: 'assistance.request', to: r.other, text: 'We need forensic help.' }),
  'assistance.offer': (r) => ({ type: 'assistance.offer', to: r.other, request: r.request, text: 'We can help.' }),
  'assistance.decline': (r) => ({ type: 'assistance.decline', request: r.request, text: 'Not now.' }),
  'message.send': (r) => ({ type: 'message.send', channel: { kind: 'bilateral', with: r.other }, text: 'Hello.' }),
  'proposal.create': (r) => ({ type: 'proposal.create', template: 'restraint', parties: [r.me, r.other] }),
  'proposal.amend': (r) => ({ type: 'proposal.amend', proposal: r.proposal, clause: 'no-ci', text: 'No attacks.' }),
  'proposal.accept': (r) => ({ type: 'proposal.accept', proposal: r.proposal, version: r.version }),
  'proposal.reject': (r) => ({ type: 'proposal.reject', proposal: r.proposal, reason: 'Too vague.' }),
  'proposal.sign': (r) => ({ type: 'proposal.sign', proposal: r.proposal }),
  'exercise.start': () => ({ type: 'exercise.start' }),
  'exercise.pause': () => ({ type: 'exercise.pause' }),
  'exercise.resume': () => ({ type: 'exercise.resume' }),
  'clock.speed': () => ({ type: 'clock.speed', speed: 2 }),
  'clock.jump': () => ({ type: 'clock.jump', minutes: 1 }),
  'inject.release': () => ({ type: 'inject.release', inject: 'call' }),
  'inject.skip': () => ({ type: 'inject.skip', inject: 'customer' }),
  'inject.edit': () => ({ type: 'inject.edit', inject: 'customer', changes: { title: 'Angry customer' } }),
  'inject.write': (r) => ({
    type: 'inject.write',
    title: 'Ad hoc bulletin',
    body: 'A bulletin written on the spot.',
    channel: 'email',
    to: [r.other],
  }),
  'variable.adjust': () => ({ type: 'variable.adjust', var: 'escalation', add: 1, reason: 'Adjudicated' }),
  adjudicate: () => ({ type: 'adjudicate', ruling: 'The démarche lands.', effects: [] }),
  broadcast: () => ({ type: 'broadcast', to: 'all', text: 'Ten minutes to the next phase.' }),
  'actor.act': () => ({ type: 'actor.act', actor: 'press', action: 'news_report', targets: [], params: {} }),
  'exercise.end': () => ({ type: 'exercise.end', note: 'Time is up.' }),
  'observation.record': (r) => ({
    type: 'observation.record',
    text: 'The contact point answered within the deadline.',
    delegation: r.other,
    objective: 'poc',
    rating: 'met',
  }),
};

export const GREY_TIDE_ROLES = {
  facilitator: { kind: 'facilitator' },
  norland: { kind: 'delegation', delegation: 'norland', seat: 'mfa' },
  norlandCert: { kind: 'delegation', delegation: 'norland', seat: 'cert' },
  vesteria: { kind: 'delegation', delegation: 'vesteria', seat: 'mfa' },
  kestrel: { kind: 'delegation', delegation: 'kestrel', seat: 'soc' },
  evaluator: { kind: 'evaluator', delegations: 'all' },
  observer: { kind: 'observer' },
} as const satisfies Record<string, Role>;
