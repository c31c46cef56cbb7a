/** The comms area's texts (see i18n/area.ts). */
import { defineText } from '../../i18n/area.ts';

export const commsText = defineText({
  en: { title: 'comms' },
  fr: { title: 'comms' },
  es: { title: 'comms' },
  ar: { title: 'comms' },
});
