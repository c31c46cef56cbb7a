/** Names and texts for messages: scenario texts in the scenario's fallback language, party names, lists. */
import type { LocalizedText } from '../scenario/schema.ts';
import type { CompiledScenario } from './compile.ts';

export function textOf(text: LocalizedText | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? Object.values(text)[0] ?? '';
}

/** A party's display name (a delegation or actor), or the id quoted when unknown. */
export function nameOf(c: CompiledScenario, id: string): string {
  const party = c.parties.get(id);
  return party ? textOf(party.name, c.lang) : `"${id}"`;
}

export function actionLabel(c: CompiledScenario, id: string): string {
  const action = c.actions.get(id);
  return action ? textOf(action.label, c.lang) : id;
}

export function listOf(items: readonly string[], joiner = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

/** " (rule “Title”, CBM 3, norm b)" style tags. */
export function tagsOf(norms: readonly string[], cbms: readonly number[]): string[] {
  return [...cbms.map((n) => `CBM ${n}`), ...norms.map((n) => `norm ${n}`)];
}
