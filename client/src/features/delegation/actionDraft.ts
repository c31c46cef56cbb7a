/**
 * A catalogue action being filled in (targets and parameters as typed), what it still lacks, and the command it
 * becomes. Pure: the form renders `draftGaps` and sends `draftCommand`; the server checks everything again.
 */
import type { CatalogueEntry, PartyCard } from '@parley/shared/engine/viewTypes.ts';
import type { ParticipantCommand } from '@parley/shared/protocol/commands.ts';

export type ActionDraft = {
  readonly targets: readonly string[];
  /** Parameter values as typed (numbers too); empty means not given. */
  readonly params: Readonly<Record<string, string>>;
};

export const EMPTY_DRAFT: ActionDraft = { targets: [], params: {} };

/** What keeps a draft from being sent: too few or too many targets, a required parameter missing, a bad number. */
export type DraftGap =
  | { readonly kind: 'targets'; readonly min: number; readonly max: number }
  | { readonly kind: 'required'; readonly param: string }
  | { readonly kind: 'number'; readonly param: string; readonly min?: number; readonly max?: number };

/** The parties the action may be aimed at: every party but the actor, of the kinds the action allows. */
export function eligibleTargets(action: CatalogueEntry, parties: readonly PartyCard[], me: string): PartyCard[] {
  const kinds = action.targets.kinds;
  return parties.filter((p) => p.id !== me && (!kinds || kinds.includes(p.kind)));
}

/** Pick or drop a target; an action with a single target swaps it; a full list takes no more. */
export function toggleTarget(draft: ActionDraft, id: string, max: number): ActionDraft {
  if (draft.targets.includes(id)) return { ...draft, targets: draft.targets.filter((t) => t !== id) };
  if (max === 1) return { ...draft, targets: [id] };
  if (draft.targets.length >= max) return draft;
  return { ...draft, targets: [...draft.targets, id] };
}

export function setParam(draft: ActionDraft, id: string, value: string): ActionDraft {
  return { ...draft, params: { ...draft.params, [id]: value } };
}

const given = (value: string | undefined) => value !== undefined && value.trim() !== '';

/** Everything the draft still lacks, in the form's order (targets first). */
export function draftGaps(action: CatalogueEntry, draft: ActionDraft): DraftGap[] {
  const gaps: DraftGap[] = [];
  const { min, max } = action.targets;
  if (draft.targets.length < min || draft.targets.length > max) gaps.push({ kind: 'targets', min, max });
  for (const p of action.params) {
    const value = draft.params[p.id];
    if (!given(value)) {
      if (p.required) gaps.push({ kind: 'required', param: p.id });
      continue;
    }
    if (p.type === 'number') {
      const n = Number(value);
      const bad = !Number.isFinite(n) || (p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max);
      if (bad)
        gaps.push({
          kind: 'number',
          param: p.id,
          ...(p.min !== undefined ? { min: p.min } : {}),
          ...(p.max !== undefined ? { max: p.max } : {}),
        });
    }
  }
  return gaps;
}

/** The command the draft becomes: `action.take` for acts, `signal.send` for signals; empty parameters left out. */
export function draftCommand(
  action: CatalogueEntry,
  draft: ActionDraft,
): Extract<ParticipantCommand, { type: 'action.take' | 'signal.send' }> {
  const params: Record<string, string | number> = {};
  for (const p of action.params) {
    const value = draft.params[p.id];
    if (value === undefined || !given(value)) continue;
    params[p.id] = p.type === 'number' ? Number(value) : value.trim();
  }
  return {
    type: action.command === 'act' ? 'action.take' : 'signal.send',
    action: action.id,
    targets: [...draft.targets],
    params,
  };
}

/** A stable text of what the draft would send (to know when to ask the server again). */
export const draftSignature = (action: CatalogueEntry, draft: ActionDraft): string =>
  JSON.stringify(draftCommand(action, draft));

/** A choice option's id in words ("seize_servers" → "Seize servers"): scenarios name options by id only. */
export function optionLabel(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
