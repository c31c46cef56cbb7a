/**
 * A feature's own texts, in every language, under one top-level key of the messages (for example `review.*`).
 * English is the reference; the type makes every other language give the same keys (and i18n.test.ts checks the
 * placeholders). Features keep their words beside their code; each lazy part of the client registers its areas as it
 * loads (areas.ts lists them all, for the checks).
 */
import i18next from 'i18next';

/** The same keys as T, any strings. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type AreaText<T> = {
  readonly en: T;
  readonly fr: Widen<T>;
  readonly es: Widen<T>;
  readonly ar: Widen<T>;
};

export function defineText<const T>(text: AreaText<T>): AreaText<T> {
  return text;
}

/** Add areas' texts to i18next in every language (called when the code using them has loaded). */
export function registerTexts(areas: Readonly<Record<string, AreaText<unknown>>>): void {
  for (const [key, text] of Object.entries(areas))
    for (const language of ['en', 'fr', 'es', 'ar'] as const)
      i18next.addResourceBundle(language, 'translation', { [key]: text[language] }, true, true);
}
