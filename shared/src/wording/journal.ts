/**
 * Journal entries in words, for control (the CLI's timeline, the after-action review): what happened, with the
 * details its event carries (severity, targets, parameters, texts), and the world variables worth noting (every
 * change of a world value; a per-pair variable when its overall value moved by a whole point).
 */
import type { CompiledScenario } from '../engine/compile.ts';
import { type AppendList, listAt, mapGet } from '../engine/persist.ts';
import type { ExerciseState } from '../engine/state.ts';
import type { ExerciseEvent, JournalEntry } from '../engine/types.ts';
import { clock, num, partyName, partyNames, quote, tags, text } from './names.ts';

/** What an entry is described from: the scenario, the state right after the event, the event. */
export type Ctx = { readonly c: CompiledScenario; readonly s: ExerciseState; readonly e: ExerciseEvent };

/** The item of `list` added by event `seq` that passes `keep` (searching back from the end: it is recent). */
function latest<T extends { readonly seq: number }>(list: AppendList<T>, seq: number, keep: (item: T) => boolean) {
  for (let i = list.size - 1; i >= 0; i--) {
    const item = listAt(list, i) as T;
    if (item.seq < seq) return undefined;
    if (item.seq === seq && keep(item)) return item;
  }
  return undefined;
}

export const title = (
  c: CompiledScenario,
  kind: 'phase' | 'inject' | 'template' | 'rule' | 'ending',
  id: string | null,
) => {
  if (id === null) return '“?”';
  const t =
    kind === 'phase'
      ? c.phases.get(id)?.phase.title
      : kind === 'inject'
        ? c.injects.get(id)?.title
        : kind === 'template'
          ? c.templates.get(id)?.title
          : kind === 'rule'
            ? c.rules.get(id)?.title
            : c.endings.get(id)?.title;
  return `“${text(c, t) || id}”`;
};

function proposalTitle({ c, s }: Ctx, ref: string | null): string {
  const p = ref === null ? undefined : mapGet(s.proposals, ref);
  return p ? title(c, 'template', p.template) : `“${ref}”`;
}

function describeAction({ c, e }: Ctx, j: JournalEntry): string {
  const action = c.actions.get(j.ref ?? '');
  const label = action ? text(c, action.label) : (j.ref ?? '?');
  const params = 'params' in e && e.params ? Object.entries(e.params).filter(([k]) => k !== 'text') : [];
  const details = params.length > 0 ? ` (${params.map(([k, v]) => `${k}: ${String(v).slice(0, 40)}`).join(', ')})` : '';
  const to = j.to.length > 0 ? ` → ${partyNames(c, j.to)}` : '';
  const rung = action ? ` [rung ${action.rung}${action.deniable ? ', deniable' : ''}]` : '';
  return `${label}${to}${details}${rung}`;
}

function describeMessage({ c, e }: Ctx): string {
  if (e.type === 'broadcast') return `broadcast to ${e.to === 'all' ? 'all' : partyNames(c, e.to)}: ${quote(e.text)}`;
  if (e.type !== 'message.send') return 'message';
  const ch = e.channel;
  const where =
    ch.kind === 'public'
      ? 'said publicly'
      : ch.kind === 'team'
        ? 'team note'
        : ch.kind === 'group'
          ? `to the group ${`“${text(c, c.groups.get(ch.group)?.title) || ch.group}”`}`
          : `to ${partyName(c, ch.with)}`;
  return `${where}: ${quote(e.text)}`;
}

function describeDeadline({ c, s }: Ctx, j: JournalEntry): string {
  const entry = latest(s.ledger, s.seq, (l) => l.deadline?.id === j.ref);
  const rule = c.rules.get(entry?.rule ?? '');
  const against = entry?.against ? ` towards ${partyName(c, entry.against)}` : '';
  if (j.kind === 'deadline.met') {
    const took = entry?.deadline ? ` in ${clock(entry.at - entry.deadline.openedAt)}` : '';
    return `met ${title(c, 'rule', entry?.rule ?? null)}${against}${took}`;
  }
  return `missed ${title(c, 'rule', entry?.rule ?? null)}${against}${tags(rule?.norms ?? [], rule?.cbms ?? [])}`;
}

/** A journal entry in words (null for an entry not worth a line). `s` is the state right after event `e`. */
export function describeEntry(x: Ctx, j: JournalEntry): string | null {
  const { c, s, e } = x;
  const to = partyNames(c, j.to);
  switch (j.kind) {
    case 'exercise.started':
      return 'exercise started';
    case 'exercise.paused':
      return 'exercise paused';
    case 'exercise.resumed':
      return 'exercise resumed';
    case 'exercise.ended':
      return `play ended: ${j.ref === null ? 'no ending' : title(c, 'ending', j.ref)} (${s.ending?.how ?? 'ended'})`;
    case 'clock.speed':
      return `clock speed ×${j.note}`;
    case 'clock.jump':
      return `clock jumped ${j.note} minutes`;
    case 'phase.entered':
      return `entered ${title(c, 'phase', j.ref)}`;
    case 'phase.timeout':
      return `time box of ${title(c, 'phase', j.ref)} ran out`;
    case 'inject.delivered': {
      const d = latest(s.deliveries, s.seq, (x) => x.id === j.ref);
      const name = d?.adhoc ? quote(text(c, d.title)) : title(c, 'inject', j.ref);
      return `inject ${name} (${d?.channel ?? '?'}) → ${d?.public ? 'everyone' : to}`;
    }
    case 'inject.lapsed':
      return `inject ${title(c, 'inject', j.ref)} lapsed (its phase was over)`;
    case 'inject.skipped':
      return `inject ${title(c, 'inject', j.ref)} skipped`;
    case 'inject.edited':
      return `inject ${title(c, 'inject', j.ref)} edited`;
    case 'assessment': {
      if (e.type !== 'assess') return 'assessed the incident';
      const suspect = e.suspect === null ? 'no suspect' : `suspects ${partyName(c, e.suspect)}`;
      return `assessed severity ${e.severity}/5, ${suspect} (${e.confidence} confidence)`;
    }
    case 'ping.sent':
      return `pinged the contact point of ${to}`;
    case 'ping.acked': {
      const ping = mapGet(s.pings, j.ref ?? '');
      return `acknowledged the ping of ${to}${ping ? ` after ${clock(s.now - ping.at)}` : ''}`;
    }
    case 'assistance.requested':
      return `requested assistance from ${to}`;
    case 'assistance.offered':
      return `offered assistance to ${to}`;
    case 'assistance.declined':
      return `declined the request for assistance of ${to}`;
    case 'message':
      return describeMessage(x);
    case 'action':
      return describeAction(x, j);
    case 'proposal.created':
      return `proposed ${proposalTitle(x, j.ref)} to ${partyNames(
        c,
        j.to.filter((p) => p !== j.by),
      )}`;
    case 'proposal.amended':
      return `amended ${proposalTitle(x, j.ref)} (now version ${mapGet(s.proposals, j.ref ?? '')?.version ?? '?'})`;
    case 'proposal.accepted':
      return `accepted ${proposalTitle(x, j.ref)}`;
    case 'proposal.rejected':
      return `rejected ${proposalTitle(x, j.ref)}${j.note ? `: ${quote(j.note)}` : ''}`;
    case 'proposal.agreed':
      return `${proposalTitle(x, j.ref)} agreed by every party`;
    case 'proposal.signed':
      return `signed ${proposalTitle(x, j.ref)}`;
    case 'proposal.concluded':
      return `${proposalTitle(x, j.ref)} concluded, signed by ${to}`;
    case 'rule.breached': {
      const rule = c.rules.get(j.ref ?? '');
      const against = j.to.length > 0 ? ` towards ${to}` : '';
      return `breached ${title(c, 'rule', j.ref)}${against}${tags(rule?.norms ?? [], rule?.cbms ?? [])}`;
    }
    case 'deadline.met':
    case 'deadline.missed':
      return describeDeadline(x, j);
    case 'variable.adjusted':
      return `adjusted ${j.ref}: ${j.note ?? ''}`;
    case 'ruling':
      return `ruling: ${quote(j.note ?? '')}`;
    case 'observation.recorded': {
      const o = latest(s.observations, s.seq, (x) => x.id === j.ref);
      const about = o?.delegation ? ` on ${partyName(c, o.delegation)}` : '';
      return `observation recorded${about}${o ? `: ${quote(o.text)}` : ''}`;
    }
    default:
      return null;
  }
}

/** Who a line is by when it is not a party: phases and texts. */
export const WHO_FOR: Partial<Record<JournalEntry['kind'], string>> = {
  'phase.entered': 'phase',
  'phase.timeout': 'phase',
  'proposal.agreed': 'text',
  'proposal.concluded': 'text',
};

/** Variable changes worth a line: world values that changed, pair variables whose overall value moved ≥ 1. */
export function variableLines(
  c: CompiledScenario,
  before: ExerciseState,
  after: ExerciseState,
  shown: Map<string, number>,
) {
  const out: string[] = [];
  if (before.vars === after.vars) return out;
  for (const v of c.variables.values()) {
    const label = text(c, v.label) || v.id;
    if (v.scope === 'world') {
      const [a, b] = [before.vars.world[v.id], after.vars.world[v.id]];
      if (a !== undefined && b !== undefined && a !== b) out.push(`${label} ${num(a)} → ${num(b)}`);
      continue;
    }
    const last = shown.get(v.id) ?? before.vars.overall[v.id];
    const now = after.vars.overall[v.id];
    if (last === undefined || now === undefined || Math.abs(now - last) < 1) continue;
    shown.set(v.id, now);
    out.push(`${label} (${v.overall} over pairs) ${num(last)} → ${num(now)}`);
  }
  return out;
}
