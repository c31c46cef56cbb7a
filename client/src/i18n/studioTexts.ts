/** Registers a lazy part's texts when imported (see areas.ts). */
import { studioText } from '../features/studio/text.ts';
import { registerTexts } from './area.ts';

registerTexts({ studio: studioText });
