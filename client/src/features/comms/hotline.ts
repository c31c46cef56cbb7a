/**
 * The POC hotline's logic: where each ping and request for assistance stands (awaiting an answer, with the deadline a
 * rule opened for it; missed; answered, in time or late), which items need this delegation's answer, and countdowns
 * in game time. Pure: the caller passes the current game time.
 */
import type { AssistanceItem, Ping } from '@parley/shared/engine/types.ts';
import type { DeadlineView } from '@parley/shared/engine/viewTypes.ts';

export type ItemStatus =
  /** No answer yet; `deadline` when a rule expects one by `deadline.dueAt`. */
  | { readonly kind: 'awaiting'; readonly deadline: DeadlineView | null }
  /** No answer and the deadline has passed. */
  | { readonly kind: 'missed'; readonly deadline: DeadlineView }
  /** Acknowledged (a ping), or offered or declined (a request); `late` when its deadline was missed first. */
  | {
      readonly kind: 'answered';
      readonly at: number;
      readonly how: 'ack' | 'offer' | 'decline';
      readonly late: boolean;
    };

/** The deadline a rule opened when `opener` was sent: same action, same parties, same moment (its seq breaks ties). */
export function deadlineOf(
  deadlines: readonly DeadlineView[],
  action: string,
  opener: { readonly seq: number; readonly at: number; readonly from: string; readonly to: string },
): DeadlineView | null {
  const candidates = deadlines.filter(
    (d) => d.action === action && d.party === opener.to && d.counterpart === opener.from && d.openedAt === opener.at,
  );
  if (candidates.length <= 1) return candidates[0] ?? null;
  return candidates.find((d) => d.id.startsWith(`deadline-${opener.seq}-`)) ?? candidates[0] ?? null;
}

function statusOf(
  answer: { at: number; how: 'ack' | 'offer' | 'decline' } | null,
  deadline: DeadlineView | null,
  now: number,
): ItemStatus {
  if (answer) return { kind: 'answered', ...answer, late: deadline?.status === 'missed' };
  if (deadline && (deadline.status === 'missed' || (deadline.status === 'open' && now >= deadline.dueAt)))
    return { kind: 'missed', deadline };
  return { kind: 'awaiting', deadline };
}

export function pingStatus(ping: Ping, deadlines: readonly DeadlineView[], now: number): ItemStatus {
  const answer = ping.ackedAt === null ? null : { at: ping.ackedAt, how: 'ack' as const };
  return statusOf(answer, deadlineOf(deadlines, 'poc.ping', ping), now);
}

export function requestStatus(request: AssistanceItem, deadlines: readonly DeadlineView[], now: number): ItemStatus {
  const answer = request.answer === null ? null : { at: request.answer.at, how: request.answer.kind };
  return statusOf(answer, deadlineOf(deadlines, 'assistance.request', request), now);
}

export type HotlineItem =
  | { readonly kind: 'ping'; readonly incoming: boolean; readonly item: Ping; readonly status: ItemStatus }
  | { readonly kind: 'request'; readonly incoming: boolean; readonly item: AssistanceItem; readonly status: ItemStatus }
  | { readonly kind: 'offer'; readonly incoming: boolean; readonly item: AssistanceItem; readonly status: null };

export type HotlineSource = {
  readonly delegation: string;
  readonly pings: readonly Ping[];
  readonly assistance: readonly AssistanceItem[];
  readonly deadlines: readonly DeadlineView[];
};

export type Hotline = {
  /** Received pings not acknowledged and requests not answered: soonest deadline first. */
  readonly toAnswer: readonly HotlineItem[];
  /** Everything else received, newest first. */
  readonly received: readonly HotlineItem[];
  /** What this delegation sent, newest first. */
  readonly sent: readonly HotlineItem[];
};

const dueOf = (i: HotlineItem) => (i.status && i.status.kind !== 'answered' ? i.status.deadline?.dueAt : undefined);

export function hotlineOf(source: HotlineSource, now: number): Hotline {
  const me = source.delegation;
  const items: HotlineItem[] = [
    ...source.pings.map(
      (p): HotlineItem => ({
        kind: 'ping',
        incoming: p.to === me,
        item: p,
        status: pingStatus(p, source.deadlines, now),
      }),
    ),
    ...source.assistance.map(
      (a): HotlineItem =>
        a.kind === 'request'
          ? { kind: 'request', incoming: a.to === me, item: a, status: requestStatus(a, source.deadlines, now) }
          : { kind: 'offer', incoming: a.to === me, item: a, status: null },
    ),
  ];
  const newestFirst = (a: HotlineItem, b: HotlineItem) => b.item.seq - a.item.seq;
  const open = (i: HotlineItem) => i.incoming && i.status !== null && i.status.kind !== 'answered';
  const toAnswer = items.filter(open).sort((a, b) => {
    const da = dueOf(a) ?? Number.POSITIVE_INFINITY;
    const db = dueOf(b) ?? Number.POSITIVE_INFINITY;
    return da - db || a.item.seq - b.item.seq;
  });
  return {
    toAnswer,
    received: items.filter((i) => i.incoming && !open(i)).sort(newestFirst),
    sent: items.filter((i) => !i.incoming).sort(newestFirst),
  };
}

/** Time left, `4:05` or `1:02:03`, digits in the reader's locale (never negative). */
export function formatCountdown(ms: number, locale: string): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const one = new Intl.NumberFormat(locale, { useGrouping: false });
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${one.format(h)}:${two.format(m)}:${two.format(s)}` : `${one.format(m)}:${two.format(s)}`;
}

/** A countdown's urgency: under a fifth of the time (or a minute) left is urgent. */
export function urgencyOf(deadline: DeadlineView, now: number): 'calm' | 'urgent' {
  const left = deadline.dueAt - now;
  const span = deadline.dueAt - deadline.openedAt;
  return left <= Math.max(60_000, span / 5) ? 'urgent' : 'calm';
}
