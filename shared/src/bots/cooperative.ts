/**
 * The cooperative delegation: answers first (acks every ping, offers help to every request, meets every deadline,
 * accepts and signs the texts it is party to, replies to signals and messages), then takes the initiative: assesses
 * early without accusing anyone, checks every contact point, asks for help when hit, proposes a text to the willing,
 * calms tensions, protects itself and shares with its peers through low-rung co-operative actions. It never
 * attributes, coerces or breaches a rule it is told about.
 */
import type { DelegationView } from '../engine/viewTypes.ts';
import type { ParticipantCommand } from '../protocol/commands.ts';
import { aimAction, canTarget, isClean, type ParamStyle, pickTargets, stanceOf } from './choose.ts';
import { acceptAndSign, proposeText } from './negotiate.ts';
import {
  injectsSinceAssessment,
  latestAssessment,
  otherDelegations,
  privateInjects,
  severityEstimate,
  tensionWith,
  timesTaken,
  trustWith,
} from './read.ts';
import { acknowledge, meetDeadlines, offerHelp, reply } from './respond.ts';
import { Turn } from './turn.ts';
import type { BotContext, Policy } from './types.ts';

const STYLE: ParamStyle = { confidence: 'low', text: 'Shared in the spirit of co-operation.', optional: 0.3 };
const BUDGET = 3;
/** Minutes of play before proposing a text: a first picture of the crisis comes first. */
const PROPOSE_AFTER = 10;
/** Tension with a party at or above this calls for a de-escalating step. */
const TENSE = 4;
/** A co-operative action is repeated towards the same party at most this often. */
const REPEAT = 2;

function assessIfDue(view: DelegationView): ParticipantCommand | null {
  if (latestAssessment(view) !== null && injectsSinceAssessment(view) < 3) return null;
  const intel = privateInjects(view).filter((d) => d.channel === 'intel' || d.channel === 'cert').length;
  return {
    type: 'assess',
    severity: severityEstimate(view),
    suspect: null,
    confidence: intel >= 2 ? 'medium' : 'low',
    note: 'Attribution not established; consulting partners.',
  };
}

function pingNext(view: DelegationView): ParticipantCommand | null {
  const me = view.delegation;
  const to = otherDelegations(view).find((p) => !view.pings.some((x) => x.from === me && x.to === p));
  return to === undefined ? null : { type: 'poc.ping', to, text: 'Communications check: please acknowledge.' };
}

function requestHelpIfHit(view: DelegationView): ParticipantCommand | null {
  const me = view.delegation;
  const asked = view.assistance.some((a) => a.kind === 'request' && a.from === me);
  if ((latestAssessment(view)?.severity ?? 0) < 3 || asked) return null;
  const peers = otherDelegations(view).sort((a, b) => (trustWith(view, b) ?? 0) - (trustWith(view, a) ?? 0));
  const to = peers[0];
  return to === undefined
    ? null
    : { type: 'assistance.request', to, text: 'We are affected and request technical assistance.' };
}

function deescalate(view: DelegationView, ctx: BotContext): ParticipantCommand | null {
  const me = view.delegation;
  const tense = view.parties.filter((p) => p.id !== me && (tensionWith(view, p.id) ?? 0) >= TENSE).map((p) => p.id);
  const calming = view.catalogue.filter((e) => stanceOf(e).deescalating).sort((a, b) => a.rung - b.rung);
  for (const party of tense) {
    for (const entry of calming) {
      if (!canTarget(entry, me, ctx.catalogue, party) || timesTaken(view, entry.id, party) >= REPEAT) continue;
      const command = aimAction(entry, [party], ctx.rng, STYLE);
      if (command && isClean(ctx, command)) return command;
    }
  }
  return null;
}

function protect(view: DelegationView, ctx: BotContext): ParticipantCommand | null {
  const fresh = view.catalogue.filter((e) => stanceOf(e).domestic && timesTaken(view, e.id) === 0);
  for (const entry of ctx.rng.shuffle(fresh)) {
    const command = aimAction(entry, [], ctx.rng, STYLE);
    if (command && isClean(ctx, command)) return command;
  }
  return null;
}

/**
 * A low-rung co-operative action towards peers, lowest rung first. Assistance (norm h) goes only to those who asked
 * us for it; statements aimed at a party in public are kept for calming tensions (see `deescalate`).
 */
function cooperate(view: DelegationView, ctx: BotContext): ParticipantCommand | null {
  const me = view.delegation;
  const askedUs = view.assistance.filter((a) => a.kind === 'request' && a.to === me).map((a) => a.from);
  const entries = ctx.rng
    .shuffle(
      view.catalogue.filter(
        (e) => stanceOf(e).cooperative && e.targets.max >= 1 && e.channel !== 'public' && e.channel !== 'press',
      ),
    )
    .sort((a, b) => a.rung - b.rung);
  for (const entry of entries) {
    const peers = entry.norms.includes('h') ? askedUs : otherDelegations(view);
    const pool = peers.filter((p) => timesTaken(view, entry.id, p) < REPEAT);
    const targets = pickTargets(entry, me, ctx.catalogue, ctx.rng, { pool, want: 3 });
    if (targets === null) continue;
    const command = aimAction(entry, targets, ctx.rng, STYLE);
    if (command && isClean(ctx, command)) return command;
  }
  return null;
}

export const cooperative: Policy = (view, ctx) => {
  const turn = new Turn(BUDGET);
  turn.add(...acknowledge(view), ...offerHelp(view), ...meetDeadlines(view, ctx, STYLE), ...acceptAndSign(view));
  turn.add(...reply(view, ctx, STYLE));
  turn.add(assessIfDue(view), pingNext(view), requestHelpIfHit(view), proposeText(view, ctx.rng, PROPOSE_AFTER));
  turn.add(deescalate(view, ctx));
  if (ctx.rng.chance(0.3)) turn.add(protect(view, ctx));
  if (ctx.rng.chance(0.5)) turn.add(cooperate(view, ctx));
  return turn.commands;
};
