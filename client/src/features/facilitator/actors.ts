/**
 * Acting as a simulated party (a state without a seat, the media, a proxy...): which parties the facilitator plays,
 * the catalogue actions the view knows, whom an action may be aimed at, and the form → `actor.act` command.
 *
 * The facilitator's view does not carry the simulated parties' own action lists: the actions offered are those of
 * the delegations' catalogues, and the console asks the server (a preview) which of them a party may take.
 */
import type { CatalogueEntry, FacilitatorView, PartyCard } from '@parley/shared/engine/viewTypes.ts';
import type { FacilitatorCommand } from '@parley/shared/protocol/commands.ts';
import type { Built, Problems } from './injectForms.ts';

type ActorAct = Extract<FacilitatorCommand, { type: 'actor.act' }>;

/** The parties without a seat, which the facilitator plays. */
export const simulatedParties = (view: Pick<FacilitatorView, 'parties'>): PartyCard[] =>
  view.parties.filter((p) => !p.seated);

/** Every catalogue action the view describes (from the delegations' catalogues), in scenario order. */
export function knownActions(view: Pick<FacilitatorView, 'delegations'>): CatalogueEntry[] {
  const seen = new Map<string, CatalogueEntry>();
  for (const d of view.delegations) for (const a of d.catalogue) if (!seen.has(a.id)) seen.set(a.id, a);
  return [...seen.values()];
}

/** The parties an action by `actor` may be aimed at (its target kinds, never the actor itself). */
export const targetChoices = (action: CatalogueEntry, parties: readonly PartyCard[], actor: string): PartyCard[] =>
  parties.filter((p) => p.id !== actor && (!action.targets.kinds || action.targets.kinds.includes(p.kind)));

/** A preview refusal that means "this party may not take this action at all" (not "fill in the form first"). */
export const isNotAllowed = (code: string | undefined): boolean => code === 'not-allowed' || code === 'unknown';

export type ActField = 'targets' | `param.${string}`;

export function buildActorAct(
  actor: string,
  action: CatalogueEntry,
  targets: readonly string[],
  params: Readonly<Record<string, string>>,
): Built<ActorAct, ActField> {
  const problems: Problems<ActField> = {};
  const { min, max } = action.targets;
  if (targets.length < min || targets.length > max) problems.targets = 'targets';
  const out: Record<string, string | number> = {};
  for (const p of action.params) {
    const typed = (params[p.id] ?? '').trim();
    if (typed === '') {
      if (p.required) problems[`param.${p.id}`] = 'paramRequired';
      continue;
    }
    if (p.type === 'number') {
      const n = Number(typed.replace(',', '.'));
      if (!Number.isFinite(n) || (p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max))
        problems[`param.${p.id}`] = 'paramNumber';
      else out[p.id] = n;
    } else out[p.id] = typed;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, command: { type: 'actor.act', actor, action: action.id, targets: [...targets], params: out } };
}
