/** Registers a lazy part's texts when imported (see areas.ts). */
import { projectorText } from '../features/observer/text.ts';
import { registerTexts } from './area.ts';

registerTexts({ projector: projectorText });
