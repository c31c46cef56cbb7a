/** The named bot policies, and how a run assigns them to delegations. */
import { cooperative } from './cooperative.ts';
import { hawkish } from './hawkish.ts';
import { passive } from './passive.ts';
import { random } from './random.ts';
import type { Policy } from './types.ts';

export const POLICIES = { cooperative, hawkish, passive, random } as const satisfies Record<string, Policy>;
export type PolicyName = keyof typeof POLICIES;
export const POLICY_NAMES = Object.keys(POLICIES) as PolicyName[];

export const isPolicyName = (name: string): name is PolicyName => Object.hasOwn(POLICIES, name);

/** The default assignment: cooperative, hawkish, passive, cooperative, ... in scenario order. */
export const DEFAULT_MIX: readonly PolicyName[] = ['cooperative', 'hawkish', 'passive'];

/** Policies cycled over the delegations in order. */
export function cycle(delegations: readonly string[], names: readonly PolicyName[]): Record<string, PolicyName> {
  const out: Record<string, PolicyName> = {};
  delegations.forEach((d, i) => {
    out[d] = names[i % names.length] as PolicyName;
  });
  return out;
}
