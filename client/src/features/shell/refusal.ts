/**
 * A refusal in the reader's language. The engine refuses with an English message and, for most refusals, a stable key
 * (`status.paused`, `action.notAllowed`...) with raw params: party, action, rule... ids and numbers. Here the ids are
 * named from this seat's view in the reader's language and the key's text (refusalText.ts) is filled in. When the
 * reader reads English, when the key is unknown, or when a name cannot be found in the view, the engine's own English
 * message is shown as it is (it already names everything).
 *
 *     const describe = useRefusalText();
 *     <p role="alert">{describe(outcome)}</p>
 */
import type { RefusalParams } from '@parley/shared/engine/types.ts';
import type { CatalogueEntry, View } from '@parley/shared/engine/viewTypes.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { useText } from './useText.ts';

/** What a refusal carries: a command outcome, a preview answer or a refusal. */
export type RefusalLike = {
  readonly message?: string | undefined;
  readonly key?: string | undefined;
  readonly params?: RefusalParams | undefined;
};

/** Names of the things a refusal may mention, in the reader's language; null when this seat does not know it. */
export type RefusalNames = {
  readonly party: (id: string) => string | null;
  readonly action: (id: string) => string | null;
  readonly param: (action: string, id: string) => string | null;
  readonly rule: (id: string) => string | null;
  readonly group: (id: string) => string | null;
  readonly template: (id: string) => string | null;
  readonly variable: (id: string) => string | null;
  readonly inject: (id: string) => string | null;
};

/** The key's text filled in with these values, or null when there is no such text. */
export type Translate = (key: string, values: Readonly<Record<string, string | number>>) => string | null;

type Namer = (names: RefusalNames, id: string, params: RefusalParams) => string | null;

/** Params that are ids to name; any other param (numbers, typed ids) is shown as it is. */
const NAMED: Readonly<Record<string, Namer>> = {
  party: (n, id) => n.party(id),
  target: (n, id) => n.party(id),
  from: (n, id) => n.party(id),
  to: (n, id) => n.party(id),
  action: (n, id) => n.action(id),
  param: (n, id, p) => (typeof p.action === 'string' ? n.param(p.action, id) : null),
  rule: (n, id) => n.rule(id),
  group: (n, id) => n.group(id),
  template: (n, id) => n.template(id),
  variable: (n, id) => n.variable(id),
  inject: (n, id) => n.inject(id),
};

/** The refusal's text: its key's text with the names filled in, else the English message. */
export function describeRefusal(refusal: RefusalLike, translate: Translate, names: RefusalNames): string {
  const message = refusal.message ?? '';
  if (refusal.key === undefined) return message;
  const params = refusal.params ?? {};
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const namer = NAMED[name];
    if (!namer) {
      values[name] = value;
      continue;
    }
    const named = typeof value === 'string' ? namer(names, value, params) : null;
    if (named === null) return message;
    values[name] = named;
  }
  values.detail = message;
  return translate(`refusals.${refusal.key}`, values) ?? message;
}

const find = <T extends { readonly id: string }>(items: readonly T[], id: string) => items.find((x) => x.id === id);

/** The names a seat's view gives (a delegation knows its own catalogue; control knows every delegation's). */
export function namesFromView(view: View | null, text: (t: LocalizedText) => string): RefusalNames {
  const seats = !view ? [] : view.role === 'delegation' ? [view] : 'delegations' in view ? view.delegations : [];
  const catalogue: CatalogueEntry[] = seats.flatMap((d) => d.catalogue);
  if (view?.role === 'facilitator') catalogue.push(...view.actors.flatMap((a) => a.actions));
  const rules = [...(view && 'rules' in view ? view.rules : []), ...catalogue.flatMap((entry) => entry.rules)];
  const named = (item: { readonly title: LocalizedText } | undefined) => (item ? text(item.title) : null);
  return {
    party: (id) => {
      const party = view ? find(view.parties, id) : undefined;
      return party ? text(party.name) : null;
    },
    action: (id) => {
      const label = find(catalogue, id)?.label ?? view?.actions.find((a) => a.action === id)?.label;
      return label ? text(label) : null;
    },
    param: (action, id) => {
      const param = find(catalogue, action)?.params.find((p) => p.id === id);
      return param ? text(param.label) : null;
    },
    rule: (id) => named(find(rules, id)),
    group: (id) =>
      named(
        find(
          seats.flatMap((d) => d.channels),
          id,
        ),
      ),
    template: (id) =>
      named(
        find(
          seats.flatMap((d) => d.templates),
          id,
        ),
      ),
    variable: (id) => {
      const variable = view ? find(view.variables, id) : undefined;
      return variable ? text(variable.label) : null;
    },
    inject: (id) => {
      const entry = view?.role === 'facilitator' ? find(view.msel, id) : undefined;
      if (entry) return entry.edits.title ?? text(entry.title);
      return named(view ? find(view.injects, id) : undefined);
    },
  };
}

/** Turns a refusal (command outcome, preview answer) into text in the reader's language. */
export function useRefusalText(): (refusal: RefusalLike) => string {
  const { t, i18n } = useTranslation();
  const text = useText();
  const view = useSession((s) => s.view);
  const english = i18n.language === 'en' || i18n.language.startsWith('en-');
  const translate: Translate = (key, values) => (i18n.exists(key) ? t(key, values) : null);
  return (refusal) =>
    english ? (refusal.message ?? '') : describeRefusal(refusal, translate, namesFromView(view, text));
}
