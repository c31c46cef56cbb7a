/** The draft's scenario for the read-only views (diagram, dry run, print): the last one that parsed, kept while the text has errors. */
import { localize } from '@parley/shared/scenario/localize.ts';
import type { LocalizedText, Scenario } from '@parley/shared/scenario/schema.ts';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../draft.ts';

export type TextOf = (text: LocalizedText | undefined | null) => string;

export function useLastValid(): { scenario: Scenario | null; stale: boolean } {
  const parsed = useDraft((s) => s.parsed);
  const last = useRef<Scenario | null>(null);
  if (parsed?.ok) last.current = parsed.scenario;
  return { scenario: parsed?.ok ? parsed.scenario : last.current, stale: parsed !== null && !parsed.ok };
}

/** Scenario text in `language` (default: the reader's), else the scenario's fallback language. */
export function useScenarioText(scenario: Scenario | null, language?: string): TextOf {
  const { i18n } = useTranslation();
  const fallback = scenario?.fallbackLanguage ?? 'en';
  const lang = language ?? i18n.language;
  return useCallback(
    (text: LocalizedText | undefined | null) => (text == null ? '' : localize(text, lang, fallback)),
    [lang, fallback],
  );
}
