/**
 * The public catalogue of a compiled scenario: what every player may read in the exercise rulebook. Built once per
 * simulation and handed to every bot, so that a policy cannot reach a briefing, an inject it was not sent or a
 * variable only control sees.
 */
import type { CompiledScenario } from '../engine/compile.ts';
import type { PublicCatalogue } from './types.ts';

export function publicCatalogue(c: CompiledScenario): PublicCatalogue {
  return {
    lang: c.lang,
    actions: c.actions,
    rules: c.scenario.rules,
    templates: c.scenario.templates,
    parties: [...c.parties.values()].map((p) => ({ id: p.id, kind: p.kind, delegation: p.delegation, name: p.name })),
    groups: c.scenario.channels,
  };
}
