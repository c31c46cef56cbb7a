/**
 * What a watched delegation did, as one chronology (newest first): its actions, its assessments, the messages it may
 * see, and its rule ledger (breaches, deadlines met and missed, with their norm and CBM tags).
 */
import type { Assessment, LedgerEntry, Message } from '@parley/shared/engine/types.ts';
import type { ActionView, EvaluatorView } from '@parley/shared/engine/viewTypes.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';

export type ActivityItem =
  | {
      readonly kind: 'action';
      readonly key: string;
      readonly seq: number;
      readonly at: number;
      readonly action: ActionView;
    }
  | {
      readonly kind: 'assessment';
      readonly key: string;
      readonly seq: number;
      readonly at: number;
      readonly assessment: Assessment;
    }
  | {
      readonly kind: 'message';
      readonly key: string;
      readonly seq: number;
      readonly at: number;
      readonly message: Message;
    }
  | {
      readonly kind: 'rule';
      readonly key: string;
      readonly seq: number;
      readonly at: number;
      readonly entry: LedgerEntry;
    };

export type ActivityKind = ActivityItem['kind'];
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['action', 'rule', 'message', 'assessment'];

export function activityOf(view: EvaluatorView, delegation: string): ActivityItem[] {
  const own = view.delegations.find((d) => d.delegation === delegation);
  if (!own) return [];
  const items: ActivityItem[] = [
    ...own.actions
      .filter((a) => a.by === delegation)
      .map((a) => ({ kind: 'action' as const, key: `a${a.seq}:${a.action}`, seq: a.seq, at: a.at, action: a })),
    ...own.assessments.map((a) => ({
      kind: 'assessment' as const,
      key: `s${a.seq}`,
      seq: a.seq,
      at: a.at,
      assessment: a,
    })),
    ...own.messages.map((m) => ({ kind: 'message' as const, key: `m${m.id}`, seq: m.seq, at: m.at, message: m })),
    ...view.ledger
      .filter((e) => e.party === delegation)
      .map((e) => ({ kind: 'rule' as const, key: `r${e.seq}:${e.rule}:${e.kind}`, seq: e.seq, at: e.at, entry: e })),
  ];
  // At one seq (an action and the breach it caused), the consequence comes first, as the newer news.
  const rank = (i: ActivityItem) => (i.kind === 'rule' ? 0 : 1);
  return items.sort((a, b) => b.seq - a.seq || rank(a) - rank(b) || a.key.localeCompare(b.key));
}

/** Counts for a delegation's summary line. */
export function activityCounts(view: EvaluatorView, delegation: string) {
  const ledger = view.ledger.filter((e) => e.party === delegation);
  const own = view.delegations.find((d) => d.delegation === delegation);
  return {
    actions: own?.actions.filter((a) => a.by === delegation).length ?? 0,
    breaches: ledger.filter((e) => e.kind === 'breach').length,
    met: ledger.filter((e) => e.kind === 'met').length,
    missed: ledger.filter((e) => e.kind === 'missed').length,
  };
}

/** Rule titles the view knows (the delegations' catalogue rules and deadlines); others show their id. */
export function ruleTitles(view: EvaluatorView): ReadonlyMap<string, LocalizedText> {
  const titles = new Map<string, LocalizedText>();
  for (const d of view.delegations) {
    for (const entry of d.catalogue) for (const r of entry.rules) titles.set(r.id, r.title);
    for (const deadline of d.deadlines) titles.set(deadline.rule, deadline.title);
  }
  return titles;
}
