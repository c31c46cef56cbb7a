/** The evaluation area's texts (see i18n/area.ts). */
import { defineText } from '../../i18n/area.ts';

export const evaluationText = defineText({
  en: { title: 'evaluation' },
  fr: { title: 'evaluation' },
  es: { title: 'evaluation' },
  ar: { title: 'evaluation' },
});
