/** The studio's texts (see i18n/area.ts). */
import { defineText } from '../../i18n/area.ts';

export const studioText = defineText({
  en: { title: 'Scenario studio' },
  fr: { title: 'Atelier de scénarios' },
  es: { title: 'Taller de escenarios' },
  ar: { title: 'استوديو السيناريوهات' },
});
