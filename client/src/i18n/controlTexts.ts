/** Registers a lazy part's texts when imported (see areas.ts). */
import { controlText } from '../features/facilitator/controlText.ts';
import { registerTexts } from './area.ts';

registerTexts({ control: controlText });
