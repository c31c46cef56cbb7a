/** The projector area's texts (see i18n/area.ts). */
import { defineText } from '../../i18n/area.ts';

export const projectorText = defineText({
  en: { title: 'projector' },
  fr: { title: 'projector' },
  es: { title: 'projector' },
  ar: { title: 'projector' },
});
