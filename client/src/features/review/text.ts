/** The review area's texts (see i18n/area.ts). */
import { defineText } from '../../i18n/area.ts';

export const reviewText = defineText({
  en: { title: 'review' },
  fr: { title: 'review' },
  es: { title: 'review' },
  ar: { title: 'review' },
});
