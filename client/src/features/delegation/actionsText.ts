/** The actions area's texts (see i18n/area.ts). */
import { defineText } from '../../i18n/area.ts';

export const actionsText = defineText({
  en: { title: 'actions' },
  fr: { title: 'actions' },
  es: { title: 'actions' },
  ar: { title: 'actions' },
});
