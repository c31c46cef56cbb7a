/**
 * i18next for the console: all four languages bundled (they are small), the choice kept in localStorage, and the
 * document's `lang` and `dir` following it (Arabic lays the page out right to left).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, type Language, MESSAGES, pickLanguage, STORAGE_KEY } from './languages.ts';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export function setupI18n(): typeof i18next {
  const language = pickLanguage(stored(), navigator.languages ?? [navigator.language]);
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(MESSAGES).map(([lang, translation]) => [lang, { translation }])),
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  applyToDocument(language);
  return i18next;
}

export function changeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
  applyToDocument(language);
  void i18next.changeLanguage(language);
}
