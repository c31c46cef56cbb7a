/**
 * Who is acting or looking. A join code resolves to exactly one role (server); the engine checks every command and
 * projects every view through it. A `Sender` is a role or `system`, the host itself (timers firing).
 */
import { z } from 'zod';
import { Id } from '../scenario/schema.ts';

export const Role = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('facilitator') }),
  z.strictObject({ kind: z.literal('delegation'), delegation: Id, seat: Id }),
  z.strictObject({
    kind: z.literal('evaluator'),
    delegations: z.union([z.literal('all'), z.array(Id)]).describe('Which delegations this evaluator may watch.'),
  }),
  z.strictObject({ kind: z.literal('observer') }),
]);
export type Role = z.infer<typeof Role>;

export type Sender = Role | { kind: 'system' };

export const isFacilitator = (r: Sender): r is { kind: 'facilitator' } => r.kind === 'facilitator';
export const isDelegation = (r: Sender): r is Extract<Role, { kind: 'delegation' }> => r.kind === 'delegation';
