/**
 * Choosing what to do from scenario data, never from ids: how an action reads (its rung, tags, targets and the kind
 * of its effects), whom it may be aimed at, and parameter values that pass the engine's checks.
 */
import type { CatalogueEntry } from '../engine/viewTypes.ts';
import type { ParticipantCommand } from '../protocol/commands.ts';
import type { Rng } from '../rng.ts';
import type { Action } from '../scenario/schema.ts';
import type { Confidence } from '../scenario/vocabulary.ts';
import { isTensionVariable, isTrustVariable } from './read.ts';
import type { BotContext, PublicCatalogue } from './types.ts';

/** How an action reads, from its data. */
export type Stance = {
  /** Raises tension or lowers trust with its targets. */
  readonly hostile: boolean;
  /** High on the ladder (rung ≥ 5): what a hawk reaches for. */
  readonly coercive: boolean;
  /** Low-rung (≤ 3), not hostile, tagged with co-operation (CBM 2, 3, 8 or norm a, h). */
  readonly cooperative: boolean;
  /** Lowers tension with its targets. */
  readonly deescalating: boolean;
  /** Aimed at no one, low on the ladder, not hostile: a protective measure at home. */
  readonly domestic: boolean;
  /** A pointed diplomatic signal short of coercion (rung 3–4, aimed at a party): notice given before coercion. */
  readonly pressure: boolean;
};

const COOPERATIVE_CBMS: readonly number[] = [2, 3, 8];
const COOPERATIVE_NORMS: readonly string[] = ['a', 'h'];

export function stanceOf(action: Action): Stance {
  const adds = (match: (id: string) => boolean, sign: 1 | -1) =>
    action.effects.some((e) => match(e.var) && (e.add ?? 0) * sign > 0);
  const raisesTension = adds(isTensionVariable, 1);
  const lowersTrust = adds(isTrustVariable, -1);
  const hostile = raisesTension || lowersTrust;
  const tagged =
    action.cbms.some((n) => COOPERATIVE_CBMS.includes(n)) || action.norms.some((n) => COOPERATIVE_NORMS.includes(n));
  return {
    hostile,
    coercive: action.rung >= 5,
    cooperative: action.rung <= 3 && !hostile && tagged,
    deescalating: adds(isTensionVariable, -1) && !raisesTension,
    domestic: action.targets.max === 0 && action.rung <= 1 && !hostile,
    pressure: action.rung >= 3 && action.rung <= 4 && action.targets.min >= 1 && action.command === 'signal',
  };
}

/** Parties the action may be aimed at by `me`: allowed kinds, not `me`; delegations first (scenario order). */
export function eligibleTargets(action: Action, me: string, catalogue: PublicCatalogue): string[] {
  const kinds = action.targets.kinds;
  const ok = catalogue.parties.filter((p) => p.id !== me && (kinds === undefined || kinds.includes(p.kind)));
  return [...ok.filter((p) => p.delegation), ...ok.filter((p) => !p.delegation)].map((p) => p.id);
}

export const canTarget = (action: Action, me: string, catalogue: PublicCatalogue, party: string) =>
  action.targets.max >= 1 && eligibleTargets(action, me, catalogue).includes(party);

/**
 * Targets for an action: `must` first (when eligible), then others from `pool` (default: eligible delegations), up
 * to `want` (clamped to the action's range). Null when the action cannot get its minimum.
 */
export function pickTargets(
  action: Action,
  me: string,
  catalogue: PublicCatalogue,
  rng: Rng,
  opts: { must?: readonly string[]; pool?: readonly string[]; want?: number } = {},
): string[] | null {
  const { min, max } = action.targets;
  if (max === 0) return [];
  const eligible = new Set(eligibleTargets(action, me, catalogue));
  const chosen = (opts.must ?? []).filter((p) => eligible.has(p)).slice(0, max);
  const delegations = catalogue.parties.filter((p) => p.delegation).map((p) => p.id);
  const pool = rng.shuffle((opts.pool ?? delegations).filter((p) => eligible.has(p) && !chosen.includes(p)));
  const want = Math.max(min, Math.min(max, opts.want ?? min));
  while (chosen.length < want && pool.length > 0) chosen.push(pool.shift() as string);
  return chosen.length >= Math.max(min, 1) ? chosen : null;
}

export type ParamStyle = { readonly confidence: Confidence; readonly text: string; readonly optional: number };

/** Values for an action's parameters: every required one, optional ones with probability `style.optional`. */
export function fillParams(action: Action, rng: Rng, style: ParamStyle): Record<string, string | number> | null {
  const out: Record<string, string | number> = {};
  for (const p of action.params) {
    if (!p.required && !rng.chance(style.optional)) continue;
    if (p.type === 'choice') {
      const options = p.options ?? [];
      if (options.length === 0) {
        if (p.required) return null;
        continue;
      }
      out[p.id] = rng.pick(options);
    } else if (p.type === 'number') {
      const lo = Math.ceil(p.min ?? 0);
      const hi = Math.floor(p.max ?? lo + 10);
      if (hi < lo) return null;
      out[p.id] = rng.int(lo, hi);
    } else if (p.type === 'confidence') {
      out[p.id] = style.confidence;
    } else {
      out[p.id] = p.max !== undefined ? style.text.slice(0, Math.max(1, p.max)) : style.text;
    }
  }
  return out;
}

/** The command for a catalogue action: `action.take` or `signal.send` as the catalogue says. */
export function catalogueCommand(
  action: Action,
  targets: readonly string[],
  params: Readonly<Record<string, string | number>>,
): ParticipantCommand {
  return {
    type: action.command === 'act' ? 'action.take' : 'signal.send',
    action: action.id,
    targets: [...targets],
    params: { ...params },
  };
}

/** Build a catalogue command aimed at `targets`, or null when parameters cannot be filled. */
export function aimAction(
  entry: CatalogueEntry,
  targets: readonly string[],
  rng: Rng,
  style: ParamStyle,
): ParticipantCommand | null {
  const params = fillParams(entry, rng, style);
  return params === null ? null : catalogueCommand(entry, targets, params);
}

/** Accepted and breaching no rule the sender is told about. */
export function isClean(ctx: BotContext, command: ParticipantCommand): boolean {
  const p = ctx.preview(command);
  return p.ok && p.flags.length === 0;
}

/** Accepted (possibly with warnings). */
export const isAccepted = (ctx: BotContext, command: ParticipantCommand) => ctx.preview(command).ok;

/** The text of a localized string in the scenario's fallback language. */
export function plain(text: string | Readonly<Record<string, string>>, lang: string): string {
  return typeof text === 'string' ? text : (text[lang] ?? Object.values(text)[0] ?? '');
}
