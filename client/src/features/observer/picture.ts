/**
 * The public picture as the observer console and the projector show it (pure): the indicators a meter can show,
 * the public statements (public messages, public actions, control's rulings) newest first, the public injects newest
 * first, and the scenario text in the reader's language.
 */
import type { Delivery, Message } from '@parley/shared/engine/types.ts';
import type { ActionView, PublicPicture, RulingView, VariableView } from '@parley/shared/engine/viewTypes.ts';
import { localize } from '@parley/shared/scenario/localize.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import { type ClockAnchor, gameNow } from '../../state/clock.ts';

export type Statement =
  | {
      readonly kind: 'message';
      readonly key: string;
      readonly seq: number;
      readonly at: number;
      readonly message: Message;
    }
  | {
      readonly kind: 'action';
      readonly key: string;
      readonly seq: number;
      readonly at: number;
      readonly action: ActionView;
    }
  | {
      readonly kind: 'ruling';
      readonly key: string;
      readonly seq: number;
      readonly at: number;
      readonly ruling: RulingView;
    };

/** What was said and done in public, newest first. */
export function publicStatements(view: PublicPicture): Statement[] {
  const items: Statement[] = [
    ...view.messages
      .filter((m) => m.channel.kind === 'public' || (m.channel.kind === 'broadcast' && m.channel.all))
      .map((m) => ({ kind: 'message' as const, key: `m${m.id}`, seq: m.seq, at: m.at, message: m })),
    ...view.actions
      .filter((a) => a.visibility === 'public')
      .map((a) => ({ kind: 'action' as const, key: `a${a.seq}:${a.action}`, seq: a.seq, at: a.at, action: a })),
    ...view.rulings.map((r) => ({ kind: 'ruling' as const, key: `r${r.seq}`, seq: r.seq, at: r.at, ruling: r })),
  ];
  return items.sort((a, b) => b.seq - a.seq || a.key.localeCompare(b.key));
}

/** Public injects (news, social media…), newest first. */
export const publicInjects = (view: PublicPicture): Delivery[] =>
  view.injects.filter((d) => d.public).sort((a, b) => b.seq - a.seq);

/** The world indicators everyone may see. */
export const shownVariables = (view: PublicPicture): VariableView[] => view.variables.filter((v) => v.value !== null);

/** Where the value sits between min and max, from 0 to 1. */
export function meterShare(v: VariableView): number {
  const span = v.max - v.min;
  if (span <= 0 || v.value === null) return 0;
  return Math.min(1, Math.max(0, (v.value - v.min) / span));
}

export type PictureText = {
  readonly text: (t: LocalizedText | null | undefined) => string;
  readonly party: (id: string | null) => string;
};

/** Scenario text in `language` (else the scenario's fallback) and party names, for one picture. */
export function pictureText(view: PublicPicture | null, language: string): PictureText {
  const fallback = view?.scenario.fallbackLanguage ?? 'en';
  const text = (t: LocalizedText | null | undefined) => (t == null ? '' : localize(t, language, fallback));
  const names = new Map((view?.parties ?? []).map((p) => [p.id, p.name]));
  return {
    text,
    party: (id) => {
      if (id === null) return '';
      const name = names.get(id);
      return name ? text(name) : id;
    },
  };
}

/**
 * The projector's clock anchor from the feed's game time (`now` as the server computed it, received at `wallNow`):
 * a new anchor when the clock starts, stops or changes speed, or when the feed is ahead; kept as it is when the feed is
 * a little behind what is already shown (transit time), so the clock never steps back.
 */
export function feedAnchor(
  previous: ClockAnchor,
  clock: { readonly now: number; readonly speed: number },
  status: string,
  wallNow: number,
): ClockAnchor {
  const running = status === 'running';
  const next: ClockAnchor = { gameMs: clock.now, wallMs: wallNow, speed: clock.speed, running };
  if (!previous.running || !running || previous.speed !== clock.speed) return next;
  const shown = gameNow(previous, wallNow);
  return clock.now < shown && shown - clock.now < 3000 * Math.max(1, clock.speed) ? previous : next;
}
