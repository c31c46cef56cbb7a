/** The control area's texts (see i18n/area.ts). */
import { defineText } from '../../i18n/area.ts';

export const controlText = defineText({
  en: { title: 'control' },
  fr: { title: 'control' },
  es: { title: 'control' },
  ar: { title: 'control' },
});
