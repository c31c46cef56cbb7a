import { useTranslation } from 'react-i18next';
import { usePartyName, useText } from '../shell/useText.ts';

export type Names = {
  /** A party's name, marked "(you)" for this delegation. */
  readonly one: (party: string) => string;
  /** Parties' names as a list in the reader's language ("Alpha, Bravo and Charlie"). */
  readonly list: (parties: readonly string[]) => string;
  /** A template's title, or its id. */
  readonly template: (id: string) => string;
};

/** Names of parties and templates for the negotiation screens. */
export function useNames(
  me: string,
  templates: readonly { id: string; title: Parameters<ReturnType<typeof useText>>[0] }[],
): Names {
  const { t, i18n } = useTranslation();
  const name = usePartyName();
  const text = useText();
  const one = (party: string) => (party === me ? t('negotiation.you', { party: name(party) }) : name(party));
  return {
    one,
    list: (parties) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parties.map(one)),
    template: (id) => {
      const found = templates.find((x) => x.id === id);
      return found ? text(found.title) : id;
    },
  };
}
