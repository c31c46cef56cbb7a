/**
 * Confidence-building rules. Precondition rules are checked for every action reference in `on`, once per target
 * with $actor/$target bound (once unbound when the action has no target): a failing rule blocks (decide refuses),
 * warns (accepted, the sender is told, a breach is recorded) or records (accepted, only control sees the breach).
 * Deadline rules open a deadline for each target of an `on` action; the target meets the earliest open one by taking
 * a `satisfiedBy` action towards the opener; expiry is a timer event. The reducer re-derives breaches itself.
 */
import type { DeadlineRule, PreconditionRule } from '../scenario/schema.ts';
import type { RuleMode } from '../scenario/vocabulary.ts';
import type { CompiledScenario } from './compile.ts';
import { describeCondition } from './describe.ts';
import { append } from './persist.ts';
import type { ExerciseState } from './state.ts';
import { changeVars, record, type Step, toControl, toParties } from './step.ts';
import { tagsOf, textOf } from './text.ts';
import { type Deadline, type LedgerEntry, MINUTE, type RuleFlag } from './types.ts';
import { resolveEffects } from './world.ts';

export function modeOf(state: ExerciseState, rule: PreconditionRule | DeadlineRule): RuleMode {
  const mode = state.ruleModes[rule.id] ?? rule.mode;
  return rule.type === 'deadline' && mode === 'block' ? 'warn' : mode;
}

/** Every precondition rule the action would breach (any mode), in rule order then target order. */
export function preconditionBreaches(
  c: CompiledScenario,
  state: ExerciseState,
  party: string,
  ref: string,
  targets: readonly string[],
  at: number,
): RuleFlag[] {
  const rules = c.preconditions.get(ref);
  if (!rules) return [];
  const out: RuleFlag[] = [];
  const ctx = { state, at };
  const aims = targets.length === 0 ? [undefined] : [...new Set(targets)];
  for (const rule of rules) {
    const requires = c.requires.get(rule.id);
    if (!requires) continue;
    for (const target of aims) {
      const b = { actor: party, target };
      if (requires.test(ctx, b)) continue;
      const title = textOf(rule.title, c.lang);
      const tags = [`rule “${title}”`, ...tagsOf(rule.norms, rule.cbms)].join(', ');
      const need = describeCondition(c, rule.requires, b);
      out.push({
        rule: rule.id,
        mode: modeOf(state, rule),
        party,
        target: target ?? null,
        action: ref,
        message: `${need.charAt(0).toUpperCase()}${need.slice(1)} (${tags})`,
        norms: rule.norms,
        cbms: rule.cbms,
        cost: resolveEffects(rule.cost, { actor: party, targets: target === undefined ? [] : [target] }),
      });
    }
  }
  return out;
}

function countBreach(s: Step, rule: string, party: string): void {
  const old = s.d.breaches[rule] ?? { n: 0, by: {} };
  s.d.breaches = { ...s.d.breaches, [rule]: { n: old.n + 1, by: { ...old.by, [party]: (old.by[party] ?? 0) + 1 } } };
}

/** Record warn/record-mode breaches: ledger, counts, costs, timeline (the party sees only warn-mode ones). */
export function recordBreaches(s: Step, flags: readonly RuleFlag[]): void {
  for (const f of flags) {
    if (f.mode === 'block') continue;
    const entry: LedgerEntry = {
      seq: s.seq,
      at: s.at,
      kind: 'breach',
      rule: f.rule,
      mode: f.mode,
      party: f.party,
      against: f.target,
      action: f.action,
      deadline: null,
      norms: f.norms,
      cbms: f.cbms,
      cost: f.cost,
    };
    s.d.ledger = append(s.d.ledger, entry);
    countBreach(s, f.rule, f.party);
    changeVars(s, f.cost);
    const audience = f.mode === 'warn' ? toParties([f.party]) : toControl([f.party]);
    record(s, 'rule.breached', audience, { by: f.party, to: f.target ? [f.target] : [], ref: f.rule });
  }
}

/** Open a deadline for every target of an action that a deadline rule watches. */
export function openDeadlines(s: Step, party: string, ref: string, targets: readonly string[]): void {
  const rules = s.c.deadlineOpeners.get(ref);
  if (!rules) return;
  let k = 0;
  for (const rule of rules) {
    const mode = modeOf(s.d, rule) as 'warn' | 'record';
    const within = Math.round(rule.within * MINUTE);
    for (const target of new Set(targets)) {
      if (target === party) continue;
      const dueAt = s.at + within;
      const deadline: Deadline = {
        id: `deadline-${s.seq}-${k++}`,
        rule: rule.id,
        mode,
        seq: s.seq,
        openedAt: s.at,
        dueAt,
        remindAt: mode === 'warn' ? dueAt - Math.floor(within / 4) : null,
        party: target,
        counterpart: party,
        action: ref,
      };
      s.d.deadlines = [...s.d.deadlines, deadline];
      const audience = mode === 'warn' ? toParties([target, party]) : toControl([target]);
      record(s, 'deadline.opened', audience, { by: party, to: [target], ref: deadline.id });
    }
  }
}

function closeDeadline(s: Step, deadline: Deadline, kind: 'met' | 'missed'): void {
  const rule = s.c.rules.get(deadline.rule);
  const cost =
    kind === 'missed' && rule
      ? resolveEffects(rule.cost, { actor: deadline.party, targets: [deadline.counterpart] })
      : [];
  s.d.deadlines = s.d.deadlines.filter((d) => d.id !== deadline.id);
  s.d.ledger = append(s.d.ledger, {
    seq: s.seq,
    at: s.at,
    kind,
    rule: deadline.rule,
    mode: deadline.mode,
    party: deadline.party,
    against: deadline.counterpart,
    action: deadline.action,
    deadline,
    norms: rule?.norms ?? [],
    cbms: rule?.cbms ?? [],
    cost,
  });
  if (kind === 'missed') {
    countBreach(s, deadline.rule, deadline.party);
    changeVars(s, cost);
  }
  const audience =
    deadline.mode === 'warn' ? toParties([deadline.party, deadline.counterpart]) : toControl([deadline.party]);
  record(s, kind === 'met' ? 'deadline.met' : 'deadline.missed', audience, {
    by: deadline.party,
    to: [deadline.counterpart],
    ref: deadline.id,
  });
}

/** The earliest open deadline of each rule that this answer satisfies is met. */
export function meetDeadlines(s: Step, party: string, ref: string, targets: readonly string[]): void {
  const rules = s.c.deadlineAnswers.get(ref);
  if (!rules || s.d.deadlines.length === 0) return;
  const open = s.d.deadlines.slice();
  for (const rule of rules) {
    for (const target of new Set(targets)) {
      let earliest: Deadline | null = null;
      for (const dl of open) {
        if (dl.rule !== rule.id || dl.party !== party || dl.counterpart !== target) continue;
        if (earliest === null || dl.dueAt < earliest.dueAt || (dl.dueAt === earliest.dueAt && dl.seq < earliest.seq))
          earliest = dl;
      }
      if (earliest) {
        closeDeadline(s, earliest, 'met');
        open.splice(open.indexOf(earliest), 1);
      }
    }
  }
}

export function expireDeadline(s: Step, deadline: Deadline): void {
  closeDeadline(s, deadline, 'missed');
}

export function remindDeadline(s: Step, deadline: Deadline): void {
  s.d.deadlines = s.d.deadlines.map((d) => (d.id === deadline.id ? { ...d, remindAt: null } : d));
  record(s, 'deadline.reminder', toParties([deadline.party]), {
    to: [deadline.counterpart],
    ref: deadline.id,
  });
}
