/** The console's languages, their direction, and which one to use for a visitor. */
import { commsText } from '../features/comms/text.ts';
import { actionsText } from '../features/delegation/actionsText.ts';
import { evaluationText } from '../features/evaluator/text.ts';
import { controlText } from '../features/facilitator/controlText.ts';
import { negotiationText } from '../features/negotiation/text.ts';
import { projectorText } from '../features/observer/text.ts';
import { reviewText } from '../features/review/text.ts';
import { studioText } from '../features/studio/text.ts';
import { ar } from './locales/ar.ts';
import { en } from './locales/en.ts';
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

/** Texts kept beside their feature, each under its own top-level key. */
const AREAS = {
  actions: actionsText,
  comms: commsText,
  negotiation: negotiationText,
  control: controlText,
  review: reviewText,
  evaluation: evaluationText,
  projector: projectorText,
  studio: studioText,
} as const;

function bundle<L extends Language>(language: L, core: object) {
  const areas = Object.fromEntries(Object.entries(AREAS).map(([key, text]) => [key, text[language]]));
  return { ...core, ...areas };
}

/** Every language's messages: the core texts (locales/) and the feature areas. */
export const MESSAGES: Readonly<Record<Language, object>> = {
  en: bundle('en', en),
  fr: bundle('fr', fr),
  es: bundle('es', es),
  ar: bundle('ar', ar),
};

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
