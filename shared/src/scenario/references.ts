/**
 * Cross-reference checks over the whole scenario: every id resolves (parties, actions, phases, endings, injects,
 * templates, rules, objectives, variables), bindings appear only where defined, and related fields agree with each
 * other (fallback language, choice options, inject times within the time limit, onTimeout with a time box ...).
 */
import { checkConditionRefs, checkEffectRefs } from './conditionRefs.ts';
import type { Path } from './diagnostics.ts';
import { ancestorsOf, type Index } from './ids.ts';
import { NO_BINDINGS, type Resolver, RULE_SCOPE, TEMPLATE_SCOPE } from './resolver.ts';
import type { Phase } from './schema.ts';
import { didYouMean } from './suggest.ts';

function warnRepeats(list: readonly string[], base: Path, r: Resolver, noun: string): void {
  list.forEach((item, i) => {
    if (list.indexOf(item) !== i) r.ctx.report('warning', [...base, i], `${noun} "${item}" is listed twice`);
  });
}

function checkParties(index: Index, r: Resolver): void {
  const s = index.scenario;
  warnRepeats(s.languages, ['languages'], r, 'language');
  if (!s.languages.includes(s.fallbackLanguage)) {
    r.error(
      ['fallbackLanguage'],
      `"${s.fallbackLanguage}" is not one of the scenario's languages (${s.languages.join(', ')})`,
    );
  }
  const owners = [
    ...s.delegations.map((d, i) => ({ actions: d.actions, path: ['delegations', i, 'actions'] as Path })),
    ...s.actors.map((a, i) => ({ actions: a.actions, path: ['actors', i, 'actions'] as Path })),
  ];
  for (const { actions, path } of owners) {
    actions.forEach((a, j) => {
      r.catalogueAction(a, [...path, j]);
    });
    warnRepeats(actions, path, r, 'action');
  }
  const available = new Set(owners.flatMap((o) => o.actions));
  s.actions.forEach((a, i) => {
    if (!available.has(a.id)) {
      r.ctx.report(
        'warning',
        ['actions', i, 'id'],
        `no delegation or actor lists "${a.id}" in its actions, so nobody can take it`,
      );
    }
  });
  s.channels.forEach((c, i) => {
    c.members.forEach((m, j) => {
      r.delegation(m, ['channels', i, 'members', j], 'group channels hold delegations');
    });
    warnRepeats(c.members, ['channels', i, 'members'], r, 'member');
  });
}

function checkVariables(index: Index, r: Resolver): void {
  index.scenario.variables.forEach((v, i) => {
    if (v.scope !== 'pair' && v.pairs.length > 0) {
      r.error(['variables', i, 'pairs'], '"pairs" only applies to variables with scope "pair"');
      return;
    }
    const seen = new Map<string, number>();
    v.pairs.forEach((p, j) => {
      const path: Path = ['variables', i, 'pairs', j];
      const [a, b] = p.between;
      const resolved = [a, b].map((party, k) => r.party(party, [...path, 'between', k], NO_BINDINGS));
      if (a === b) r.error([...path, 'between'], `a pair needs two different parties, got "${a}" twice`);
      if (p.initial < v.min || p.initial > v.max) {
        r.error([...path, 'initial'], `${p.initial} is outside the range of "${v.id}" (${v.min} to ${v.max})`);
      }
      const key = [a, b].sort().join('\u0000');
      const previous = seen.get(key);
      if (previous !== undefined && resolved.every(Boolean)) {
        r.error(
          [...path, 'between'],
          `the pair ${a}–${b} is already given (${r.ctx.where(['variables', i, 'pairs', previous])})`,
        );
      }
      seen.set(key, j);
    });
  });
}

function checkPhase(phase: Phase, path: Path, index: Index, r: Resolver): void {
  phase.transitions.forEach((t, i) => {
    const tp: Path = [...path, 'transitions', i];
    if (t.to !== undefined) r.phase(t.to, [...tp, 'to']);
    if (t.end !== undefined) r.known('ending', t.end, index.endings, [...tp, 'end']);
    checkConditionRefs(t.when, [...tp, 'when'], NO_BINDINGS, r);
  });
  if (phase.onTimeout !== undefined) {
    const { to, end } = phase.onTimeout;
    if (to !== undefined) r.phase(to, [...path, 'onTimeout', 'to']);
    if (end !== undefined) r.known('ending', end, index.endings, [...path, 'onTimeout', 'end']);
    if (phase.timebox === undefined)
      r.error([...path, 'onTimeout'], 'onTimeout needs a time box: add "timebox: <minutes>"');
  }
  if (phase.initial !== undefined) {
    const children = phase.phases.map((p) => p.id);
    const at: Path = [...path, 'initial'];
    if (children.length === 0) r.error(at, `"initial" names a sub-phase, but "${phase.id}" has no sub-phases`);
    else if (index.phases.has(phase.initial) && !children.includes(phase.initial)) {
      r.error(at, `"${phase.initial}" is not a sub-phase of "${phase.id}" (its sub-phases: ${children.join(', ')})`);
    } else if (!children.includes(phase.initial)) {
      r.error(at, `unknown sub-phase "${phase.initial}"${didYouMean(phase.initial, children)}`);
    }
  }
}

function checkInjects(index: Index, r: Resolver): void {
  const s = index.scenario;
  s.injects.forEach((inject, i) => {
    const path: Path = ['injects', i];
    if (inject.onEnter !== undefined) r.phase(inject.onEnter, [...path, 'onEnter']);
    if (inject.phase !== undefined) r.phase(inject.phase, [...path, 'phase']);
    if (inject.from !== undefined) r.party(inject.from, [...path, 'from'], NO_BINDINGS);
    if (inject.to !== 'all') {
      inject.to.forEach((d, j) => {
        r.delegation(d, [...path, 'to', j], 'injects go to delegations');
      });
      warnRepeats(inject.to, [...path, 'to'], r, 'delegation');
    }
    if (inject.objective !== undefined)
      r.known('objective', inject.objective, index.objectives, [...path, 'objective']);
    inject.expects?.actions.forEach((a, j) => {
      r.actionRef(a, [...path, 'expects', 'actions', j]);
    });
    if (inject.when !== undefined) checkConditionRefs(inject.when, [...path, 'when'], NO_BINDINGS, r);
    checkEffectRefs(inject.effects, [...path, 'effects'], NO_BINDINGS, r);
    if (inject.at !== undefined && s.timeLimit !== undefined && inject.at > s.timeLimit) {
      r.error(
        [...path, 'at'],
        `minute ${inject.at} is after the time limit (${s.timeLimit}): it would never be delivered`,
      );
    }
    if (inject.delay > 0 && (inject.at !== undefined || inject.manual === true)) {
      r.ctx.report('warning', [...path, 'delay'], '"delay" only applies to "onEnter" and "when" triggers');
    }
    if (inject.onEnter !== undefined && inject.phase !== undefined && inject.phase !== inject.onEnter) {
      const lineage = [inject.onEnter, ...ancestorsOf(index, inject.onEnter)];
      if (index.phases.has(inject.phase) && !lineage.includes(inject.phase)) {
        r.ctx.report(
          'warning',
          [...path, 'phase'],
          `"${inject.phase}" is not "${inject.onEnter}" nor one of its parents: the inject may lapse`,
        );
      }
    }
  });
}

function checkCatalogue(index: Index, r: Resolver): void {
  const s = index.scenario;
  s.actions.forEach((action, i) => {
    const path: Path = ['actions', i];
    action.params.forEach((p, j) => {
      const pp: Path = [...path, 'params', j];
      if (p.type === 'choice' && (p.options === undefined || p.options.length === 0)) {
        r.error(pp, `a "choice" parameter needs "options" (the ids to choose from)`);
      }
      if (p.type !== 'choice' && p.options !== undefined) {
        r.ctx.report(
          'warning',
          [...pp, 'options'],
          `"options" only applies to "choice" parameters (this one is "${p.type}")`,
        );
      }
      if (p.min !== undefined && p.max !== undefined && p.min > p.max)
        r.error([...pp, 'min'], `min (${p.min}) is above max (${p.max})`);
    });
    const noTarget =
      action.targets.max === 0 ? `"$target" is used, but "${action.id}" has no targets (targets.max is 0)` : undefined;
    checkEffectRefs(action.effects, [...path, 'effects'], { ...RULE_SCOPE, ...(noTarget ? { noTarget } : {}) }, r);
  });
  s.rules.forEach((rule, i) => {
    const path: Path = ['rules', i];
    rule.on.forEach((a, j) => {
      if (!r.actionRef(a, [...path, 'on', j]) || rule.type !== 'deadline') return;
      const action = index.actions.get(a);
      if (a === 'assess' || (action !== undefined && action.targets.max === 0)) {
        r.error([...path, 'on', j], `"${a}" has no target, so nobody could owe an answer: it cannot open a deadline`);
      }
    });
    if (rule.type === 'deadline')
      rule.satisfiedBy.forEach((a, j) => {
        r.actionRef(a, [...path, 'satisfiedBy', j]);
      });
    else checkConditionRefs(rule.requires, [...path, 'requires'], RULE_SCOPE, r);
    checkEffectRefs(rule.cost, [...path, 'cost'], RULE_SCOPE, r);
  });
  s.templates.forEach((t, i) => {
    checkEffectRefs(t.effects, ['templates', i, 'effects'], TEMPLATE_SCOPE, r);
    if (t.minParties > s.delegations.length) {
      r.error(
        ['templates', i, 'minParties'],
        `needs ${t.minParties} parties, but the scenario has ${s.delegations.length} delegations`,
      );
    }
  });
  s.endings.forEach((e, i) => {
    if (e.when !== undefined) checkConditionRefs(e.when, ['endings', i, 'when'], NO_BINDINGS, r);
  });
}

export function checkReferences(index: Index, r: Resolver): void {
  checkParties(index, r);
  checkVariables(index, r);
  for (const entry of index.phases.values()) checkPhase(entry.phase, entry.path, index, r);
  checkInjects(index, r);
  checkCatalogue(index, r);
}
