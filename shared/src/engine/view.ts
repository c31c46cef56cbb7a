/**
 * `viewFor(compiled, state, role)`: the projection of the state one role may see. Everything a delegation receives
 * is filtered by "is this delegation a party to it, or is it public": injects, messages, actions (deniable authors
 * hidden), timeline entries, variables (public, or pair values of pairs it is in), pings, assistance, deadlines,
 * proposals, breaches. Observers get only the public picture.
 */
import type { Role } from '../protocol/roles.ts';
import type { CompiledScenario } from './compile.ts';
import { listFilter, mapValues, toArray } from './persist.ts';
import type { ExerciseState } from './state.ts';
import type { Audience, LedgerEntry, Message } from './types.ts';
import { controlView, evaluatorView } from './viewControl.ts';
import type {
  ActionView,
  CatalogueEntry,
  DeadlineView,
  DelegationView,
  ObserverView,
  PublicPicture,
  VariableView,
  View,
} from './viewTypes.ts';
import { pairOf } from './world.ts';

/** Which parties' private matters a projection includes (none for the public picture; null for control). */
export type Lens = ReadonlySet<string> | null;

const inLens = (lens: Lens, ids: readonly string[]) => lens === null || ids.some((id) => lens.has(id));

export function sees(lens: Lens, audience: Audience): boolean {
  if (lens === null || audience.kind === 'public') return true;
  return audience.kind === 'parties' && inLens(lens, audience.parties);
}

function messageSeen(lens: Lens, m: Message): boolean {
  const ch = m.channel;
  if (lens === null || ch.kind === 'public') return true;
  if (ch.kind === 'broadcast') return ch.all || inLens(lens, ch.to);
  if (ch.kind === 'bilateral') return inLens(lens, ch.between);
  if (ch.kind === 'team') return inLens(lens, [ch.party]);
  return false;
}

function groupMembers(c: CompiledScenario, m: Message): readonly string[] {
  return m.channel.kind === 'group' ? (c.groups.get(m.channel.group)?.members ?? []) : [];
}

export function actionsFor(c: CompiledScenario, state: ExerciseState, lens: Lens): ActionView[] {
  const out: ActionView[] = [];
  for (const a of toArray(state.actions)) {
    const mine = lens === null || lens.has(a.by);
    const visible = a.visibility === 'public' || mine || (a.visibility !== 'private' && inLens(lens, a.targets));
    if (!visible) continue;
    out.push({
      seq: a.seq,
      at: a.at,
      action: a.action,
      label: c.actions.get(a.action)?.label ?? a.action,
      by: a.deniable && !mine ? null : a.by,
      targets: a.targets,
      params: a.params,
      visibility: a.visibility,
      deniable: a.deniable,
      rung: a.rung,
      simulated: a.simulated,
      ...(lens === null ? { changes: a.changes } : {}),
    });
  }
  return out;
}

export function variablesFor(c: CompiledScenario, state: ExerciseState, lens: Lens): VariableView[] {
  const out: VariableView[] = [];
  for (const v of c.variables.values()) {
    const control = lens === null;
    if (!control && (v.visibility === 'facilitator' || (v.scope === 'world' && v.visibility === 'parties'))) continue;
    const base = {
      id: v.id,
      label: v.label,
      description: v.description ?? null,
      scope: v.scope,
      min: v.min,
      max: v.max,
    };
    if (v.scope === 'world') {
      out.push({ ...base, value: state.vars.world[v.id] ?? null, pairs: [] });
      continue;
    }
    const all = control || v.visibility === 'public';
    const pairs: { between: readonly [string, string]; value: number }[] = [];
    const values = state.vars.pairs[v.id] ?? {};
    for (const key in values) {
      const between = pairOf(key);
      if (all || inLens(lens, between)) pairs.push({ between, value: values[key] as number });
    }
    if (!all && pairs.length === 0) continue;
    out.push({ ...base, value: all ? (state.vars.overall[v.id] ?? null) : null, pairs });
  }
  return out;
}

export function deadlinesFor(c: CompiledScenario, state: ExerciseState, lens: Lens): DeadlineView[] {
  const title = (rule: string) => c.rules.get(rule)?.title ?? rule;
  const concerns = (party: string, counterpart: string, mode: string) =>
    lens === null || (mode === 'warn' && inLens(lens, [party, counterpart]));
  const open: DeadlineView[] = state.deadlines
    .filter((d) => concerns(d.party, d.counterpart, d.mode))
    .map((d) => ({ ...pickDeadline(d), title: title(d.rule), status: 'open', closedAt: null }));
  const closed: DeadlineView[] = [];
  for (const e of toArray(state.ledger)) {
    if (e.kind === 'breach' || !e.deadline || !concerns(e.deadline.party, e.deadline.counterpart, e.mode)) continue;
    closed.push({ ...pickDeadline(e.deadline), title: title(e.rule), status: e.kind, closedAt: e.at });
  }
  return [...closed, ...open].sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1));
}

function pickDeadline(d: {
  id: string;
  rule: string;
  party: string;
  counterpart: string;
  action: string;
  openedAt: number;
  dueAt: number;
}) {
  return {
    id: d.id,
    rule: d.rule,
    party: d.party,
    counterpart: d.counterpart,
    action: d.action,
    openedAt: d.openedAt,
    dueAt: d.dueAt,
  };
}

/** What everyone in `lens` may see of the shared picture (the public picture when the lens is empty). */
export function pictureFor(c: CompiledScenario, state: ExerciseState, lens: Lens, now: number): PublicPicture {
  const s = c.scenario;
  const ending = state.ending;
  const endingDef = ending?.id ? c.endings.get(ending.id) : undefined;
  return {
    scenario: {
      id: s.id,
      title: s.title,
      summary: s.summary,
      languages: s.languages,
      fallbackLanguage: s.fallbackLanguage,
    },
    clock: {
      now: Math.max(now, state.now),
      status: state.status,
      speed: state.speed,
      startedAt: state.startedAt,
      timeLimitAt: c.timeLimit !== null && state.startedAt !== null ? state.startedAt + c.timeLimit : null,
    },
    phases: state.phase.active.map((id) => {
      const p = c.phases.get(id)?.phase;
      const enteredAt = state.phase.enteredAt[id] ?? 0;
      return {
        id,
        title: p?.title ?? id,
        description: p?.description ?? null,
        enteredAt,
        timeboxEndsAt: p?.timebox !== undefined ? enteredAt + Math.round(p.timebox * 60_000) : null,
      };
    }),
    parties: [
      ...s.delegations.map((d) => ({
        id: d.id,
        name: d.name,
        kind: d.kind,
        seated: true,
        briefing: d.briefing.public,
        color: d.color ?? null,
      })),
      ...s.actors.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        seated: false,
        briefing: a.description ?? null,
        color: null,
      })),
    ],
    injects: listFilter(state.deliveries, (d) => d.public || inLens(lens, d.to)),
    messages: listFilter(state.messages, (m) => messageSeen(lens, m) || inLens(lens, groupMembers(c, m))),
    actions: actionsFor(c, state, lens),
    variables: variablesFor(c, state, lens),
    rulings: toArray(state.rulings).map((r) => ({
      seq: r.seq,
      at: r.at,
      text: r.text,
      phase: r.phase,
      ...(lens === null ? { changes: r.changes } : {}),
    })),
    timeline: listFilter(state.journal, (e) => sees(lens, e.audience)).map((e) =>
      e.deniable && e.by !== null && lens !== null && !lens.has(e.by) ? { ...e, by: null } : e,
    ),
    ending: ending
      ? {
          id: ending.id,
          title: endingDef?.title ?? null,
          narrative: endingDef?.narrative ?? null,
          tone: endingDef?.tone ?? null,
          how: ending.how,
          at: ending.at,
        }
      : null,
  };
}

export function delegationView(
  c: CompiledScenario,
  state: ExerciseState,
  me: string,
  seat: string | null,
  now: number,
): DelegationView {
  const delegation = c.delegations.get(me);
  const lens: Lens = new Set([me]);
  const bySeq = <T extends { seq: number }>(items: T[]) => items.sort((a, b) => a.seq - b.seq);
  const catalogue: CatalogueEntry[] = (delegation?.actions ?? []).flatMap((id) => {
    const action = c.actions.get(id);
    if (!action) return [];
    const rules = (c.preconditions.get(id) ?? [])
      .map((r) => ({ id: r.id, title: r.title, mode: state.ruleModes[r.id] ?? r.mode }))
      .filter((r) => r.mode !== 'record');
    return [{ ...action, rules }];
  });
  const ownBreach = (e: LedgerEntry) => e.party === me && e.mode === 'warn' && e.kind !== 'met';
  return {
    role: 'delegation',
    delegation: me,
    seat,
    seats: delegation?.seats ?? [],
    ...pictureFor(c, state, lens, now),
    briefing: delegation?.briefing.private ?? '',
    assessments: listFilter(state.assessments, (a) => a.by === me),
    pings: bySeq(mapValues(state.pings).filter((p) => p.from === me || p.to === me)),
    assistance: bySeq(mapValues(state.assistance).filter((a) => a.from === me || a.to === me)),
    deadlines: deadlinesFor(c, state, lens),
    proposals: bySeq(mapValues(state.proposals).filter((p) => p.parties.includes(me))),
    ladder: state.ladder[me] ?? null,
    breaches: listFilter(state.ledger, ownBreach),
    catalogue,
    templates: c.scenario.templates,
    channels: c.scenario.channels.filter((g) => g.members.includes(me)),
  };
}

export function viewFor(c: CompiledScenario, state: ExerciseState, role: Role, now = state.now): View {
  switch (role.kind) {
    case 'delegation':
      return delegationView(c, state, role.delegation, role.seat, now);
    case 'observer':
      return { role: 'observer', ...pictureFor(c, state, new Set(), now) } satisfies ObserverView;
    case 'evaluator':
      return evaluatorView(c, state, role.delegations, now);
    case 'facilitator':
      return controlView(c, state, now);
  }
}
