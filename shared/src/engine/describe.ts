/**
 * Plain-English descriptions of what a rule requires, with $actor and $target replaced by party names, so that a
 * refusal or warning tells the user what to do ("Norland must first ping Vesteria's contact point").
 */
import type { Condition } from '../scenario/schema.ts';
import type { CompiledScenario } from './compile.ts';
import { type Bindings, resolveRef } from './conditions.ts';
import { actionLabel, listOf, nameOf, textOf } from './text.ts';

type Cmp = { gt?: number; gte?: number; lt?: number; lte?: number; eq?: number };

function cmpText(c: Cmp): string {
  const parts: string[] = [];
  if (c.eq !== undefined) parts.push(`exactly ${c.eq}`);
  if (c.gt !== undefined) parts.push(`above ${c.gt}`);
  if (c.gte !== undefined) parts.push(`at least ${c.gte}`);
  if (c.lt !== undefined) parts.push(`below ${c.lt}`);
  if (c.lte !== undefined) parts.push(`at most ${c.lte}`);
  return parts.length === 0 ? 'set' : listOf(parts);
}

function party(c: CompiledScenario, ref: string | undefined, b: Bindings, unbound: string): string {
  const id = ref === undefined ? undefined : resolveRef(ref, b);
  return id === undefined ? unbound : nameOf(c, id);
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

function actionPhrase(c: CompiledScenario, ref: string, to: string | null): string {
  const toward = to === null ? '' : ` towards ${to}`;
  switch (ref) {
    case 'poc.ping':
      return to === null ? 'ping a contact point' : `ping ${possessive(to)} contact point`;
    case 'poc.ack':
      return to === null ? 'acknowledge a ping' : `acknowledge ${possessive(to)} ping`;
    case 'assistance.request':
      return `request assistance${to === null ? '' : ` from ${to}`}`;
    case 'assistance.offer':
      return `offer assistance${to === null ? '' : ` to ${to}`}`;
    case 'assistance.decline':
      return `answer a request for assistance${to === null ? '' : ` from ${to}`}`;
    case 'message.send':
      return `send a message${to === null ? '' : ` to ${to}`}`;
    case 'assess':
      return 'record an assessment';
    case 'proposal.create':
      return `propose a text${to === null ? '' : ` to ${to}`}`;
    case 'proposal.sign':
      return `sign a text${to === null ? '' : ` with ${to}`}`;
    default:
      return ref.includes('.') ? `${ref}${toward}` : `take “${actionLabel(c, ref)}”${toward}`;
  }
}

export function describeCondition(c: CompiledScenario, cond: Condition, b: Bindings): string {
  if ('all' in cond) return cond.all.map((x) => describeCondition(c, x, b)).join('; and ');
  if ('any' in cond) return `either ${cond.any.map((x) => describeCondition(c, x, b)).join(', or ')}`;
  if ('not' in cond) return `it must not be that ${describeCondition(c, cond.not, b)}`;
  if ('var' in cond) {
    const label = textOf(c.variables.get(cond.var)?.label, c.lang) || cond.var;
    const between = cond.pair
      ? ` between ${party(c, cond.pair[0], b, 'a party')} and ${party(c, cond.pair[1], b, 'a party')}`
      : '';
    return `${label}${between} must be ${cmpText(cond)}`;
  }
  if ('action' in cond) {
    const by = Array.isArray(cond.by)
      ? listOf(
          cond.by.map((r) => party(c, r, b, 'someone')),
          'or',
        )
      : party(c, cond.by, b, 'someone');
    const to = cond.to === undefined ? null : party(c, cond.to, b, 'a party');
    const actions = (Array.isArray(cond.action) ? cond.action : [cond.action]).map((a) => actionPhrase(c, a, to));
    const what = listOf(actions, 'or');
    const atLeast = cond.atLeast ?? 1;
    if (cond.atMost !== undefined && atLeast === 0) return `${by} may ${what} at most ${cond.atMost} times`;
    const times = atLeast > 1 ? ` at least ${atLeast} times` : '';
    return `${by} must first ${what}${times}${cond.atMost !== undefined ? ` (and at most ${cond.atMost} times)` : ''}`;
  }
  if ('phase' in cond) return `the “${textOf(c.phases.get(cond.phase)?.phase.title, c.lang)}” phase must be under way`;
  if ('elapsed' in cond) {
    const since = cond.since === undefined ? 'the start' : `“${textOf(c.phases.get(cond.since)?.phase.title, c.lang)}”`;
    return `the minutes since ${since} must be ${cmpText(cond.elapsed)}`;
  }
  if ('released' in cond) return `“${textOf(c.injects.get(cond.released)?.title, c.lang)}” must have been delivered`;
  if ('signed' in cond) {
    const title = textOf(c.templates.get(cond.signed)?.title, c.lang) || cond.signed;
    const by = cond.by ? ` by ${listOf(cond.by.map((r) => party(c, r, b, 'a party')))}` : '';
    return `a “${title}” text must have been signed${by}`;
  }
  if ('breached' in cond) {
    const title = textOf(c.rules.get(cond.breached)?.title, c.lang) || cond.breached;
    const by = cond.by === undefined ? '' : ` by ${party(c, cond.by, b, 'a party')}`;
    return `rule “${title}” must have been breached${by}`;
  }
  const who = party(c, cond.assessed, b, 'the party');
  const parts: string[] = [];
  if (cond.severity) parts.push(`severity ${cmpText(cond.severity)}`);
  if (cond.suspect !== undefined) parts.push(`suspecting ${party(c, cond.suspect, b, 'a party')}`);
  if (cond.confidence !== undefined) parts.push(`with at least ${cond.confidence} confidence`);
  return `${who} must have assessed the incident${parts.length ? ` (${listOf(parts)})` : ''}`;
}
