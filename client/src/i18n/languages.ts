/** The console's languages, their direction, and which one to use for a visitor. */
import { ar } from './locales/ar.ts';
import { en, type Messages } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';

export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the selector. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

/**
 * Every language's core messages (locales/): what the join path needs. Each feature's own texts (its area, see
 * area.ts and areas.ts) arrive with the feature's code and are added then, so the first page stays small.
 */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, fr, es, ar };

export const STORAGE_KEY = 'parley.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export const directionOf = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/** The stored choice, else the first browser language we have, else English. */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
