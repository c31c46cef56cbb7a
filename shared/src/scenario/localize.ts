import type { LocalizedText } from './schema.ts';

/** The text in `language`, else in `fallback`, else the first translation there is. */
export function localize(text: LocalizedText, language: string, fallback: string): string {
  if (typeof text === 'string') return text;
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
