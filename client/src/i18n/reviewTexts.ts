/** Registers a lazy part's texts when imported (see areas.ts). */
import { reviewText } from '../features/review/text.ts';
import { registerTexts } from './area.ts';

registerTexts({ review: reviewText });
