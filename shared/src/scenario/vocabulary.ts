/**
 * Fixed vocabularies from the domain (../shared/DOMAIN.md): UN GGE 2015 norms a–k, the 16 OSCE ICT CBMs,
 * the escalation ladder, party kinds and channels. Scenarios refer to these by key.
 */

export const UN_NORMS = {
  a: 'Co-operate to increase stability and security',
  b: 'Consider all relevant information, including the difficulty of attribution',
  c: 'Do not knowingly allow territory to be used for internationally wrongful acts',
  d: 'Co-operate against criminal and terrorist use of ICTs',
  e: 'Respect human rights and privacy',
  f: 'Do not damage critical infrastructure',
  g: 'Protect your own critical infrastructure',
  h: 'Respond to appropriate requests for assistance',
  i: 'Ensure supply-chain integrity; prevent the spread of malicious tools',
  j: 'Report vulnerabilities responsibly',
  k: 'Do not harm CERTs/CSIRTs or use them for malicious activity',
} as const;
export type UnNorm = keyof typeof UN_NORMS;
export const UN_NORM_KEYS = Object.keys(UN_NORMS) as UnNorm[];

export const OSCE_CBMS = {
  1: 'Share national views on ICT threats',
  2: 'Co-operate and exchange information among competent national bodies',
  3: 'Hold consultations to reduce misperception and tension',
  4: 'Share measures for an open, interoperable, secure and reliable Internet',
  5: 'Use the OSCE as a platform for dialogue and capacity-building',
  6: 'National legislation enabling co-operation, law enforcement included',
  7: 'Share national organisation, strategies and public-private co-operation',
  8: 'Nominate a point of contact',
  9: 'National terminology glossary',
  10: 'Exchange via OSCE networks and its Communications Network',
  11: 'Expert meetings at least three times a year',
  12: 'Inter-state workshops and roundtables, regional ones included',
  13: 'Protected communication channels and clear paths for ICT-related requests',
  14: 'Public-private partnerships',
  15: 'Regional collaboration among critical-infrastructure authorities',
  16: 'Responsible vulnerability reporting and sharing of remedies',
} as const;
export type OsceCbm = keyof typeof OSCE_CBMS;
export const OSCE_CBM_KEYS = Object.keys(OSCE_CBMS).map(Number) as OsceCbm[];

/** The response axis, low to high (DOMAIN.md "Escalation ladder"). An action's `rung` indexes this list. */
export const ESCALATION_LADDER = [
  'monitor',
  'cert-sharing',
  'poc-consultation',
  'demarche-or-assistance-request',
  'allies-or-regional-body',
  'public-attribution-or-joint-statement',
  'summon-expel-suspend',
  'restrictive-measures',
  'countermeasures',
  'self-defence',
] as const;
export type LadderRung = (typeof ESCALATION_LADDER)[number];
export const MAX_RUNG = ESCALATION_LADDER.length - 1;

export const DELEGATION_KINDS = ['state', 'cert', 'company', 'civil-society', 'international-organisation'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

export const ACTOR_KINDS = [...DELEGATION_KINDS, 'media', 'proxy', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Inject channels (how new information reaches delegations). `news` and `social` are public. */
export const INJECT_CHANNELS = ['intel', 'cert', 'news', 'social', 'poc', 'email', 'phone'] as const;
export type InjectChannel = (typeof INJECT_CHANNELS)[number];
export const PUBLIC_INJECT_CHANNELS: readonly InjectChannel[] = ['news', 'social'];

/** Action channels (how an action is carried out). */
export const ACTION_CHANNELS = [
  'domestic',
  'cert',
  'poc',
  'diplomatic',
  'multilateral',
  'public',
  'press',
  'legal',
  'economic',
  'cyber',
] as const;
export type ActionChannel = (typeof ACTION_CHANNELS)[number];

export const VISIBILITIES = ['private', 'bilateral', 'group', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const RULE_MODES = ['block', 'warn', 'record'] as const;
export type RuleMode = (typeof RULE_MODES)[number];

export const SEVERITY_MIN = 0;
export const SEVERITY_MAX = 5;

/**
 * Built-in participant actions that are engine commands rather than catalogue entries. Rules and conditions may name
 * them like catalogue action ids.
 */
export const BUILTIN_ACTIONS = [
  'assess',
  'poc.ping',
  'poc.ack',
  'assistance.request',
  'assistance.offer',
  'assistance.decline',
  'message.send',
  'proposal.create',
  'proposal.amend',
  'proposal.accept',
  'proposal.reject',
  'proposal.sign',
] as const;
export type BuiltinAction = (typeof BUILTIN_ACTIONS)[number];
