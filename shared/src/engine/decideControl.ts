/**
 * What the facilitator may do, checked against the scenario and the exercise state: injects (release, skip, edit,
 * write), world variables, adjudication, broadcasts, simulated parties and endings.
 */
import type { FacilitatorCommand } from '../protocol/commands.ts';
import type { Effect } from '../scenario/schema.ts';
import { checkCatalogueAction } from './checkAction.ts';
import type { CompiledScenario } from './compile.ts';
import type { ExerciseState } from './state.ts';
import { nameOf, textOf } from './text.ts';
import { type Refusal, refusalOf as refuse } from './types.ts';

function checkRecipients(c: CompiledScenario, to: 'all' | readonly string[]): Refusal | null {
  if (to === 'all') return null;
  if (new Set(to).size !== to.length) return refuse('invalid', 'Name each delegation only once', 'recipients.twice');
  for (const id of to) {
    const party = c.parties.get(id);
    if (!party) return refuse('unknown', `Unknown delegation "${id}"`, 'unknown.delegation', { id });
    if (!party.delegation)
      return refuse('invalid', `${nameOf(c, id)} has no seat at the table to receive this`, 'recipients.noSeat', {
        party: id,
      });
  }
  return null;
}

function checkChange(
  c: CompiledScenario,
  change: {
    var: string;
    pair?: readonly [string, string] | undefined;
    add?: number | undefined;
    set?: number | undefined;
  },
  pairRequired: boolean,
): Refusal | null {
  const v = c.variables.get(change.var);
  if (!v) return refuse('unknown', `Unknown variable "${change.var}"`, 'unknown.variable', { id: change.var });
  const label = `“${textOf(v.label, c.lang)}”`;
  const variable = { variable: v.id };
  if ((change.add === undefined) === (change.set === undefined))
    return refuse(
      'invalid',
      `Give either an amount to add or a value to set for ${label}`,
      'variable.addOrSet',
      variable,
    );
  if (v.scope === 'world') {
    return change.pair
      ? refuse('invalid', `${label} is a world variable: it has no pairs`, 'variable.noPairs', variable)
      : null;
  }
  if (!change.pair)
    return pairRequired
      ? refuse('invalid', `${label} is kept per pair: say which pair`, 'variable.pairNeeded', variable)
      : null;
  const [a, b] = change.pair;
  for (const p of [a, b]) {
    if (p.startsWith('$'))
      return refuse('invalid', `“${p}” has no meaning here: name the party`, 'variable.placeholder', { id: p });
    if (!c.parties.has(p)) return refuse('unknown', `Unknown party "${p}"`, 'unknown.party', { id: p });
  }
  return a === b
    ? refuse('invalid', `A pair needs two different parties, not ${nameOf(c, a)} twice`, 'variable.samePair', {
        party: a,
      })
    : null;
}

function injectTitle(c: CompiledScenario, state: ExerciseState, id: string): string {
  return `“${state.injects[id]?.edits.title ?? textOf(c.injects.get(id)?.title, c.lang)}”`;
}

export function checkFacilitatorCommand(
  c: CompiledScenario,
  state: ExerciseState,
  cmd: FacilitatorCommand,
): Refusal | null {
  switch (cmd.type) {
    case 'inject.release':
    case 'inject.skip':
    case 'inject.edit': {
      const st = state.injects[cmd.inject];
      if (!st) return refuse('unknown', `Unknown inject "${cmd.inject}"`, 'unknown.inject', { id: cmd.inject });
      const title = injectTitle(c, state, cmd.inject);
      const inject = { inject: cmd.inject };
      if (st.status === 'released') return refuse('state', `${title} was already released`, 'inject.released', inject);
      if (cmd.type === 'inject.skip' && (st.status === 'skipped' || st.status === 'lapsed'))
        return refuse('state', `${title} was already ${st.status}`, `inject.${st.status}`, inject);
      if (cmd.type === 'inject.edit' && cmd.changes.to !== undefined) return checkRecipients(c, cmd.changes.to);
      return null;
    }
    case 'inject.write': {
      const bad = checkRecipients(c, cmd.to);
      if (bad) return bad;
      if (cmd.from !== undefined && !c.parties.has(cmd.from))
        return refuse('unknown', `Unknown party "${cmd.from}"`, 'unknown.party', { id: cmd.from });
      if (cmd.channel === 'intel' && cmd.confidence === undefined)
        return refuse(
          'invalid',
          'An intelligence report needs a confidence (low, medium or high)',
          'inject.confidence',
        );
      return null;
    }
    case 'broadcast':
      return checkRecipients(c, cmd.to);
    case 'variable.adjust':
      return checkChange(c, cmd, true);
    case 'adjudicate': {
      for (const e of cmd.effects as readonly Effect[]) {
        const bad = checkChange(c, e, false);
        if (bad) return bad;
      }
      if (cmd.phase !== undefined && !c.phases.has(cmd.phase))
        return refuse('unknown', `Unknown phase "${cmd.phase}"`, 'unknown.phase', { id: cmd.phase });
      return null;
    }
    case 'actor.act': {
      const actor = c.actors.get(cmd.actor);
      if (!actor)
        return refuse('unknown', `Unknown simulated party "${cmd.actor}"`, 'unknown.actor', { id: cmd.actor });
      return checkCatalogueAction(c, actor.id, actor.actions, cmd, null);
    }
    case 'exercise.end':
      if (cmd.ending !== undefined && !c.endings.has(cmd.ending))
        return refuse('unknown', `Unknown ending "${cmd.ending}"`, 'unknown.ending', { id: cmd.ending });
      return null;
    default:
      return null;
  }
}
