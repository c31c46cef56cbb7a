/**
 * Acting as a simulated party (a state without a seat, the media, a proxy...): the parties the facilitator plays,
 * each with its own catalogue actions (from the view), whom an action may be aimed at, and the form → `actor.act`
 * command.
 */
import type { CatalogueEntry, FacilitatorView, PartyCard } from '@parley/shared/engine/viewTypes.ts';
import type { FacilitatorCommand } from '@parley/shared/protocol/commands.ts';
import type { Built, Problems } from './injectForms.ts';

type ActorAct = Extract<FacilitatorCommand, { type: 'actor.act' }>;

/** The actions `actor` may take (its own catalogue; none for a party the scenario does not list). */
export const actionsOf = (view: Pick<FacilitatorView, 'actors'>, actor: string): readonly CatalogueEntry[] =>
  view.actors.find((a) => a.id === actor)?.actions ?? [];

/** The parties an action by `actor` may be aimed at (its target kinds, never the actor itself). */
export const targetChoices = (action: CatalogueEntry, parties: readonly PartyCard[], actor: string): PartyCard[] =>
  parties.filter((p) => p.id !== actor && (!action.targets.kinds || action.targets.kinds.includes(p.kind)));

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
