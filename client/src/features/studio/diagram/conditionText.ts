/**
 * A short, plain summary of a transition's condition for an arrow of the diagram ("after “Black Frost claims the
 * attack”", "escalation ≥ 7 + public attribution"). Words come from the studio texts, names from the scenario.
 */

import type { Condition, Inject, LocalizedText, Phase, Scenario } from '@parley/shared/scenario/schema.ts';
import type { TFunction } from 'i18next';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** i18next's `t` as a plain (key, values) → string function. */
export const translator =
  (t: TFunction): Translate =>
  (key, values) =>
    String(t(key, values ?? {}));

type Cmp = {
  gt?: number | undefined;
  gte?: number | undefined;
  lt?: number | undefined;
  lte?: number | undefined;
  eq?: number | undefined;
};

function cmp(c: Cmp): string {
  const parts: string[] = [];
  if (c.eq !== undefined) parts.push(`= ${c.eq}`);
  if (c.gt !== undefined) parts.push(`> ${c.gt}`);
  if (c.gte !== undefined) parts.push(`≥ ${c.gte}`);
  if (c.lt !== undefined) parts.push(`< ${c.lt}`);
  if (c.lte !== undefined) parts.push(`≤ ${c.lte}`);
  return parts.join(' ');
}

export function conditionText(
  cond: Condition,
  scenario: Scenario,
  text: (t: LocalizedText | undefined) => string,
  t: Translate,
): string {
  const party = (id: string | undefined): string => {
    if (id === undefined) return t('studio.diagram.cond.anyone');
    if (id.startsWith('$')) return t('studio.diagram.cond.someone');
    const p = scenario.delegations.find((d) => d.id === id) ?? scenario.actors.find((a) => a.id === id);
    return p ? text(p.name) : id;
  };
  const titleOf = (list: readonly { id: string; title: LocalizedText }[], id: string) =>
    text(list.find((x) => x.id === id)?.title) || id;
  const phaseTitle = (id: string) => {
    const find = (ps: Scenario['phases']): string | null => {
      for (const p of ps) {
        if (p.id === id) return text(p.title);
        const inner = find(p.phases);
        if (inner !== null) return inner;
      }
      return null;
    };
    return find(scenario.phases) ?? id;
  };
  const sub = (c: Condition) => conditionText(c, scenario, text, t);
  if ('all' in cond) return cond.all.map(sub).join(' + ');
  if ('any' in cond) return cond.any.map(sub).join(` ${t('studio.diagram.cond.or')} `);
  if ('not' in cond) return t('studio.diagram.cond.not', { what: sub(cond.not) });
  if ('var' in cond) {
    const label = text(scenario.variables.find((v) => v.id === cond.var)?.label) || cond.var;
    return `${label} ${cmp(cond)}`.trim();
  }
  if ('action' in cond) {
    const actions = (Array.isArray(cond.action) ? cond.action : [cond.action]).map(
      (a) => text(scenario.actions.find((x) => x.id === a)?.label) || a,
    );
    const who = Array.isArray(cond.by) ? cond.by.map(party).join(', ') : party(cond.by);
    const what = actions.join(` ${t('studio.diagram.cond.or')} `);
    const atLeast = cond.atLeast ?? 1;
    return atLeast > 1
      ? t('studio.diagram.cond.actionTimes', { who, what, count: atLeast })
      : t('studio.diagram.cond.action', { who, what });
  }
  if ('phase' in cond) return t('studio.diagram.cond.phase', { title: phaseTitle(cond.phase) });
  if ('elapsed' in cond) {
    const when = cmp(cond.elapsed);
    return cond.since === undefined
      ? t('studio.diagram.cond.elapsed', { when })
      : t('studio.diagram.cond.elapsedSince', { when, title: phaseTitle(cond.since) });
  }
  if ('released' in cond) return t('studio.diagram.cond.released', { title: titleOf(scenario.injects, cond.released) });
  if ('signed' in cond) return t('studio.diagram.cond.signed', { title: titleOf(scenario.templates, cond.signed) });
  if ('breached' in cond) return t('studio.diagram.cond.breached', { title: titleOf(scenario.rules, cond.breached) });
  return t('studio.diagram.cond.assessed', { who: party(cond.assessed) });
}

/** At most `max` characters, with an ellipsis. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** How an inject is triggered, in words. */
export function triggerText(
  inject: Inject,
  t: Translate,
  phaseTitle: (id: string) => string,
  describe: (c: Condition) => string,
): string {
  if (inject.at !== undefined) return t('studio.diagram.trigger.at', { minute: inject.at });
  if (inject.onEnter !== undefined)
    return t('studio.diagram.trigger.onEnter', { title: phaseTitle(inject.onEnter), delay: inject.delay ?? 0 });
  if (inject.manual === true) return t('studio.diagram.trigger.manual');
  return inject.when === undefined
    ? t('studio.diagram.trigger.manual')
    : t('studio.diagram.trigger.when', { what: describe(inject.when) });
}

/** Phase titles by id (nested phases included). */
export function phaseTitles(
  scenario: Scenario,
  text: (t: LocalizedText | undefined) => string,
): (id: string) => string {
  const map = new Map<string, string>();
  const walk = (ps: readonly Phase[]) => {
    for (const p of ps) {
      map.set(p.id, text(p.title) || p.id);
      walk(p.phases);
    }
  };
  walk(scenario.phases);
  return (id) => map.get(id) ?? id;
}
