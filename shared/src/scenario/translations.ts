/**
 * Missing translations: a text given as a map of language to text should cover every language the scenario lists.
 * These are warnings (the fallback language fills the gap). A plain string is in the fallback language.
 */
import type { Path, Report } from './diagnostics.ts';
import { Scenario } from './schema.ts';
import { childSchema, isLocalizedText, isPlainObject, type Schema } from './schemaWalk.ts';

export function checkTranslations(scenario: Scenario, report: Report): void {
  const languages = scenario.languages;
  const visit = (schema: Schema | undefined, value: unknown, path: Path): void => {
    if (schema === undefined) return;
    if (isLocalizedText(schema)) {
      if (!isPlainObject(value)) return;
      const missing = languages.filter((l) => !Object.hasOwn(value, l));
      if (missing.length > 0) {
        const list = missing.map((l) => `"${l}"`).join(', ');
        report('warning', path, `missing translation${missing.length === 1 ? '' : 's'} for ${list}`);
      }
      for (const key of Object.keys(value).filter((k) => !languages.includes(k))) {
        report('warning', path, `"${key}" is not one of the scenario's languages (${languages.join(', ')})`, {
          path: [...path, key],
          part: 'key',
        });
      }
      return;
    }
    if (Array.isArray(value))
      value.forEach((item, i) => {
        visit(childSchema(schema, i, value), item, [...path, i]);
      });
    else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) visit(childSchema(schema, key, value), item, [...path, key]);
    }
  };
  visit(Scenario, scenario, []);
}
