/** Bots: policies that play a delegation through the same commands as people, and the headless simulation driver. */

export { clock } from '../wording/names.ts';
export { publicCatalogue } from './catalogue.ts';
export { cooperative } from './cooperative.ts';
export { hawkish, pickSuspect } from './hawkish.ts';
export { passive } from './passive.ts';
export { cycle, DEFAULT_MIX, isPolicyName, POLICIES, POLICY_NAMES, type PolicyName } from './policies.ts';
export { random } from './random.ts';
export {
  botRng,
  DEFAULT_STEP_MINUTES,
  defaultMaxMinutes,
  manualReleases,
  type PolicyChoice,
  type Refused,
  type SimulateOptions,
  type SimulationResult,
  simulate,
} from './simulate.ts';
export { type EndingSummary, endingSummary, type RunSummary, summarize } from './summary.ts';
export { formatTimeline, type TimelineLine, timeline } from './timeline.ts';
export type { BotContext, Policy, PublicCatalogue, PublicParty } from './types.ts';
export { MAX_COMMANDS_PER_TURN } from './types.ts';
