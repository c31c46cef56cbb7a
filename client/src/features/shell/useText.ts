import { localize } from '@parley/shared/scenario/localize.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';

/** Scenario text in the reader's language, else the scenario's fallback language. */
export function useText(): (text: LocalizedText | null | undefined) => string {
  const { i18n } = useTranslation();
  const fallback = useSession((s) => s.view?.scenario.fallbackLanguage ?? 'en');
  return (text) => (text == null ? '' : localize(text, i18n.language, fallback));
}

/** A party's display name (its scenario name), or the id when unknown. */
export function usePartyName(): (id: string | null) => string {
  const text = useText();
  const parties = useSession((s) => s.view?.parties);
  return (id) => {
    if (id === null) return '';
    const party = parties?.find((p) => p.id === id);
    return party ? text(party.name) : id;
  };
}
