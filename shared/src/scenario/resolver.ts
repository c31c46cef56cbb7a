/**
 * Resolving ids: every reference must name something that exists, with the nearest valid id suggested when it looks
 * like a typo. Party references may also be bindings ($actor, $target, $signatory), allowed only where defined.
 */
import type { Path } from './diagnostics.ts';
import type { Context, Index } from './ids.ts';
import { didYouMean } from './suggest.ts';
import { BUILTIN_ACTIONS } from './vocabulary.ts';

export type Binding = '$actor' | '$target' | '$signatory';

/** Which bindings a condition or effect may use, and why not when it may not. */
export type Scope = { bindings: ReadonlySet<Binding>; noTarget?: string };

export const NO_BINDINGS: Scope = { bindings: new Set() };
export const RULE_SCOPE: Scope = { bindings: new Set(['$actor', '$target']) };
export const TEMPLATE_SCOPE: Scope = { bindings: new Set(['$signatory']) };

const BINDING_HELP: Record<Binding, string> = {
  $actor: '"$actor" (the party acting) is only defined in action effects and in rules',
  $target: '"$target" is only defined where there is a target: in action effects and in rules',
  $signatory: '"$signatory" is only defined in template effects',
};

const BUILTINS: ReadonlySet<string> = new Set(BUILTIN_ACTIONS);

export class Resolver {
  readonly index: Index;
  readonly ctx: Context;
  constructor(index: Index, ctx: Context) {
    this.index = index;
    this.ctx = ctx;
  }

  error(path: Path, message: string): void {
    this.ctx.report('error', path, message);
  }

  /** Reports `unknown <noun> "id"` unless `id` is among `known`; returns whether it resolved. */
  known(noun: string, id: string, known: { has(id: string): boolean; keys(): Iterable<string> }, path: Path): boolean {
    if (known.has(id)) return true;
    this.error(path, `unknown ${noun} "${id}"${didYouMean(id, known.keys())}`);
    return false;
  }

  phase(id: string, path: Path): boolean {
    return this.known('phase', id, this.index.phases, path);
  }

  /** A delegation or an actor, or a binding where the scope allows it. */
  party(ref: string, path: Path, scope: Scope): boolean {
    if (ref.startsWith('$')) {
      const binding = ref as Binding;
      if (!scope.bindings.has(binding)) this.error(path, BINDING_HELP[binding] ?? `unknown binding "${ref}"`);
      else if (binding === '$target' && scope.noTarget !== undefined) this.error(path, scope.noTarget);
      return false;
    }
    const { delegations, actors } = this.index;
    if (delegations.has(ref) || actors.has(ref)) return true;
    const parties = [...delegations.keys(), ...actors.keys()];
    this.error(path, `unknown party "${ref}": not a delegation or actor${didYouMean(ref, parties)}`);
    return false;
  }

  /** A delegation only (actors are simulated by the facilitator and receive nothing). */
  delegation(ref: string, path: Path, why: string): boolean {
    if (this.index.actors.has(ref)) {
      this.error(path, `"${ref}" is an actor, played by the facilitator; ${why}`);
      return false;
    }
    return this.known('delegation', ref, this.index.delegations, path);
  }

  /** A catalogue action id. */
  catalogueAction(id: string, path: Path): boolean {
    if (this.index.actions.has(id)) return true;
    if (BUILTINS.has(id)) {
      this.error(path, `"${id}" is a built-in action, always available: list only catalogue actions here`);
      return false;
    }
    return this.known('action', id, this.index.actions, path);
  }

  /** A catalogue action or a built-in such as poc.ping. */
  actionRef(ref: string, path: Path): boolean {
    if (this.index.actions.has(ref) || BUILTINS.has(ref)) return true;
    const all = [...this.index.actions.keys(), ...BUILTINS];
    this.error(path, `unknown action "${ref}": not in the action catalogue nor a built-in${didYouMean(ref, all)}`);
    return false;
  }

  /** A variable; a `pair` only on per-pair variables (without one, a condition reads the overall value and an
   * effect changes every pair). */
  variable(id: string, pair: readonly [string, string] | undefined, path: Path, scope: Scope): void {
    if (!this.known('variable', id, this.index.variables, [...path, 'var'])) return;
    const variable = this.index.variables.get(id);
    if (variable?.scope !== 'pair') {
      if (pair !== undefined) {
        this.error([...path, 'pair'], `"${id}" is a world variable with one value: it has no pairs (remove "pair")`);
      }
      return;
    }
    if (pair === undefined) return;
    pair.forEach((p, i) => {
      this.party(p, [...path, 'pair', i], scope);
    });
    if (pair[0] === pair[1] && !pair[0].startsWith('$signatory')) {
      this.error([...path, 'pair'], `a pair needs two different parties, got "${pair[0]}" twice`);
    }
  }
}
