/**
 * Checks of a catalogue action against the scenario: it exists, the party may take it, the command kind matches,
 * targets (count, kinds, known, distinct, not self) and parameters (required, type, options, range).
 */
import type { CompiledScenario } from './compile.ts';
import { actionLabel, nameOf, textOf } from './text.ts';
import { type Refusal, refusalOf as refuse } from './types.ts';

type ActionCommand = {
  readonly action: string;
  readonly targets: readonly string[];
  readonly params: Readonly<Record<string, string | number>>;
};

const CONFIDENCES = ['low', 'medium', 'high'];

export function checkCatalogueAction(
  c: CompiledScenario,
  party: string,
  allowed: readonly string[],
  command: ActionCommand,
  kind: 'act' | 'signal' | null,
): Refusal | null {
  const action = c.actions.get(command.action);
  if (!action) return refuse('unknown', `Unknown action "${command.action}"`, 'unknown.action', { id: command.action });
  const label = `“${actionLabel(c, action.id)}”`;
  const a = action.id;
  if (!allowed.includes(action.id))
    return refuse('not-allowed', `${nameOf(c, party)} cannot take ${label} in this scenario`, 'action.notAllowed', {
      party,
      action: a,
    });
  if (kind !== null && action.command !== kind) {
    return action.command === 'signal'
      ? refuse('invalid', `${label} is a diplomatic signal: send it as a signal, not as an action`, 'action.isSignal', {
          action: a,
        })
      : refuse('invalid', `${label} is an action, not a diplomatic signal: take it as an action`, 'action.notSignal', {
          action: a,
        });
  }
  const targets = command.targets;
  const { min, max, kinds } = action.targets;
  if (new Set(targets).size !== targets.length)
    return refuse('invalid', `${label}: name each target only once`, 'action.targetTwice', { action: a });
  if (targets.length < min || targets.length > max) {
    if (max === 0) return refuse('invalid', `${label} needs no targets`, 'action.noTargets', { action: a });
    const needed = min === max ? `exactly ${min}` : `${min} to ${max}`;
    const message = `${label} needs ${needed} target${min === max && min === 1 ? '' : 's'}`;
    return min === max
      ? refuse('invalid', message, 'action.targetsExactly', { action: a, targets: min })
      : refuse('invalid', message, 'action.targetsRange', { action: a, min, max });
  }
  for (const t of targets) {
    const target = c.parties.get(t);
    if (!target) return refuse('unknown', `Unknown party "${t}"`, 'unknown.party', { id: t });
    if (t === party)
      return refuse('invalid', `${label} cannot be aimed at ${nameOf(c, party)} itself`, 'action.targetSelf', {
        action: a,
        party,
      });
    if (kinds && !kinds.includes(target.kind))
      return refuse(
        'invalid',
        `${label} cannot be aimed at ${nameOf(c, t)} (a ${target.kind} party)`,
        'action.targetKind',
        {
          action: a,
          target: t,
        },
      );
  }
  const declared = new Map(action.params.map((p) => [p.id, p]));
  for (const key of Object.keys(command.params)) {
    if (!declared.has(key))
      return refuse('invalid', `${label} has no parameter "${key}"`, 'param.unknown', { action: a, id: key });
  }
  for (const p of action.params) {
    const value = command.params[p.id];
    const name = `“${textOf(p.label, c.lang)}”`;
    const at = { action: a, param: p.id };
    if (value === undefined || value === '') {
      if (p.required) return refuse('invalid', `${label} needs ${name}`, 'param.required', at);
      continue;
    }
    if (p.type === 'number') {
      if (typeof value !== 'number') return refuse('invalid', `${name} must be a number`, 'param.number', at);
      if (p.min !== undefined && value < p.min)
        return refuse('invalid', `${name} must be at least ${p.min}`, 'param.min', { ...at, min: p.min });
      if (p.max !== undefined && value > p.max)
        return refuse('invalid', `${name} must be at most ${p.max}`, 'param.max', { ...at, max: p.max });
      continue;
    }
    if (typeof value !== 'string') return refuse('invalid', `${name} must be text`, 'param.text', at);
    if (p.type === 'choice' && !(p.options ?? []).includes(value))
      return refuse('invalid', `${name} must be one of: ${(p.options ?? []).join(', ')}`, 'param.choice', {
        ...at,
        options: (p.options ?? []).join(', '),
      });
    if (p.type === 'confidence' && !CONFIDENCES.includes(value))
      return refuse('invalid', `${name} must be low, medium or high`, 'param.confidence', at);
    if (p.type === 'text' && p.max !== undefined && value.length > p.max)
      return refuse('invalid', `${name} must be at most ${p.max} characters`, 'param.tooLong', {
        ...at,
        max: p.max,
      });
  }
  return null;
}
