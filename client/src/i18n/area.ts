/**
 * A feature's own texts, in every language, under one top-level key of the messages (for example `review.*`).
 * English is the reference; the type makes every other language give the same keys (and i18n.test.ts checks the
 * placeholders). Features keep their words beside their code; `languages.ts` merges them into the bundles.
 */

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
