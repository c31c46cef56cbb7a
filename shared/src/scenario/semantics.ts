/**
 * Everything checked once the shape is right: ids and references, the phase graph and inject timing, endings.
 */
import { checkDeadConditions, checkEndings } from './endings.ts';
import { buildIndex, type Context } from './ids.ts';
import { analysePhases, checkReachability } from './reachability.ts';
import { checkReferences } from './references.ts';
import { Resolver } from './resolver.ts';
import { Satisfiability } from './satisfiable.ts';
import type { Scenario } from './schema.ts';

export function checkSemantics(scenario: Scenario, ctx: Context): void {
  const index = buildIndex(scenario, ctx);
  const resolver = new Resolver(index, ctx);
  checkReferences(index, resolver);
  const graph = analysePhases(index);
  checkReachability(index, graph, resolver);
  const sat = new Satisfiability(index, graph);
  checkEndings(index, graph, sat, resolver);
  checkDeadConditions(index, graph, sat, resolver);
}
