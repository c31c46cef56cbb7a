/** The negotiation area's texts (see i18n/area.ts). */
import { defineText } from '../../i18n/area.ts';

export const negotiationText = defineText({
  en: { title: 'negotiation' },
  fr: { title: 'negotiation' },
  es: { title: 'negotiation' },
  ar: { title: 'negotiation' },
});
