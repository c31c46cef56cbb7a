import { describe, expect, it } from 'vitest';
import { ALL_AREAS } from './areas.ts';
import { directionOf, LANGUAGES, MESSAGES, pickLanguage } from './languages.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Every key path and its text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Every language's messages as the client ends up holding them: the core texts and every area. */
const everything = (lang: (typeof LANGUAGES)[number]): Tree =>
  ({
    ...(MESSAGES[lang] as Tree),
    ...Object.fromEntries(Object.entries(ALL_AREAS).map(([key, text]) => [key, text[lang] as Tree])),
  }) as Tree;

describe('translations', () => {
  const reference = leaves(everything('en'));

  it('keeps feature areas apart from the core texts (no key in both)', () => {
    const core = Object.keys(MESSAGES.en);
    expect(Object.keys(ALL_AREAS).filter((key) => core.includes(key))).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English key, no other, and no empty text', (lang) => {
    const own = leaves(everything(lang));
    expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
    expect([...own].filter(([, text]) => text.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s keeps every {{placeholder}} of the English text', (lang) => {
    const own = leaves(everything(lang));
    const broken = [...reference].filter(([key, text]) => {
      const theirs = own.get(key);
      return theirs !== undefined && placeholders(theirs).join() !== placeholders(text).join();
    });
    expect(broken.map(([k]) => k)).toEqual([]);
  });
});

describe('language choice', () => {
  it('prefers the stored choice, then the browser languages, then English', () => {
    expect(pickLanguage('ar', ['fr-FR'])).toBe('ar');
    expect(pickLanguage(null, ['de-DE', 'es-MX'])).toBe('es');
    expect(pickLanguage('xx', ['de'])).toBe('en');
  });

  it('lays Arabic out right to left and the others left to right', () => {
    expect(LANGUAGES.map(directionOf)).toEqual(['ltr', 'ltr', 'ltr', 'rtl']);
  });
});
