/**
 * The hawkish delegation: assesses a high severity at once and names a suspect (from what it can see: visible
 * tension and distrust, who sent it injects, who acted against it), attributes publicly without consulting, then
 * climbs the ladder against its suspect with coercive actions (rung ≥ 5), one step every few game minutes, giving
 * only the notice a blocking rule demands. It ignores most pings and requests and rejects the texts it is offered.
 */
import type { DelegationView } from '../engine/viewTypes.ts';
import type { ParticipantCommand } from '../protocol/commands.ts';
import { aimAction, canTarget, eligibleTargets, type ParamStyle, stanceOf } from './choose.ts';
import { rejectAll } from './negotiate.ts';
import { latestAssessment, myActions, severityEstimate, tensionWith, timesTaken, trustWith } from './read.ts';
import { acknowledge } from './respond.ts';
import { Turn } from './turn.ts';
import type { BotContext, Policy } from './types.ts';

const STYLE: ParamStyle = { confidence: 'high', text: 'We hold the responsible party to account.', optional: 0.6 };
const BUDGET = 2;
/** The same coercive action is repeated against the suspect at most this often. */
const REPEAT = 3;
/** A hawk climbs deliberately, as a cabinet would: one step of rung 3 or more every this many game minutes. */
const STEP_MINUTES = 8;

/** Has enough game time passed since this delegation's last step up the ladder? */
function readyToClimb(view: DelegationView, ctx: BotContext): boolean {
  const last = myActions(view)
    .filter((a) => a.rung >= 3)
    .at(-1);
  return last === undefined || ctx.now - last.at >= STEP_MINUTES * 60_000;
}

/** The party this delegation suspects, from its own view only. */
export function pickSuspect(view: DelegationView, ctx: BotContext): string | null {
  const me = view.delegation;
  const coercive = view.catalogue.filter((e) => stanceOf(e).coercive);
  const reachable = new Set(coercive.flatMap((e) => eligibleTargets(e, me, ctx.catalogue)));
  const parties = view.parties.filter((p) => p.id !== me);
  const pool = reachable.size > 0 ? parties.filter((p) => reachable.has(p.id)) : parties;
  let best: string | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const p of pool) {
    const sent = view.injects.filter((d) => d.from === p.id).length;
    const hostile = view.actions.filter((a) => a.by === p.id && a.targets.includes(me) && a.rung >= 3).length;
    const score =
      2 * (tensionWith(view, p.id) ?? 0) -
      0.5 * (trustWith(view, p.id) ?? 5) +
      sent +
      2 * hostile +
      (p.kind === 'state' || p.kind === 'proxy' ? 1 : 0) +
      ctx.rng.next();
    if (score > bestScore) {
      best = p.id;
      bestScore = score;
    }
  }
  return best;
}

/** A pointed signal short of coercion, as the notice a blocking rule asks for before a coercive step. */
function giveNotice(view: DelegationView, ctx: BotContext, target: string): ParticipantCommand | null {
  const me = view.delegation;
  const signals = view.catalogue
    .filter(
      (e) => stanceOf(e).pressure && canTarget(e, me, ctx.catalogue, target) && timesTaken(view, e.id, target) === 0,
    )
    .sort((a, b) => a.rung - b.rung);
  for (const entry of signals) {
    const command = aimAction(entry, [target], ctx.rng, STYLE);
    if (command && ctx.preview(command).ok) return command;
  }
  return null;
}

/** The next coercive step against `target`: the lowest rung not yet taken, then repeats of any. */
function escalate(view: DelegationView, ctx: BotContext, target: string): ParticipantCommand | null {
  const me = view.delegation;
  const usable = view.catalogue.filter((e) => canTarget(e, me, ctx.catalogue, target));
  const coercive = usable.filter((e) => stanceOf(e).coercive);
  const options = (coercive.length > 0 ? coercive : usable.filter((e) => stanceOf(e).hostile)).sort(
    (a, b) => a.rung - b.rung,
  );
  const untried = options.filter((e) => timesTaken(view, e.id, target) === 0);
  const order =
    untried.length > 0 ? untried : ctx.rng.shuffle(options.filter((e) => timesTaken(view, e.id, target) < REPEAT));
  for (const entry of order) {
    const command = aimAction(entry, [target], ctx.rng, STYLE);
    if (!command) continue;
    const preview = ctx.preview(command);
    if (preview.ok) return command;
    if (preview.refusal.code === 'rule') {
      const notice = giveNotice(view, ctx, target);
      if (notice) return notice;
    }
  }
  return null;
}

export const hawkish: Policy = (view, ctx) => {
  const turn = new Turn(BUDGET);
  let suspect = latestAssessment(view)?.suspect ?? null;
  if (suspect === null) {
    suspect = pickSuspect(view, ctx);
    turn.add({
      type: 'assess',
      severity: Math.max(4, severityEstimate(view)),
      suspect,
      confidence: 'high',
      note: 'Hostile act; the responsible party is known to us.',
    });
  }
  if (ctx.rng.chance(0.25)) turn.add(acknowledge(view)[0]);
  if (ctx.rng.chance(0.5)) turn.add(...rejectAll(view, 'Unacceptable: it rewards the aggressor.'));
  if (suspect !== null && readyToClimb(view, ctx) && ctx.rng.chance(0.7)) turn.add(escalate(view, ctx, suspect));
  if (ctx.rng.chance(0.1))
    turn.add({ type: 'message.send', channel: { kind: 'public' }, text: 'We will respond at a time of our choosing.' });
  return turn.commands;
};
