/**
 * Every feature area's texts, by their top-level key, for the checks (i18n.test.ts). The client never imports this
 * module: each lazy part imports its own `*Texts.ts` module, which registers its areas (see App.tsx, ConsolePage.tsx).
 */
import { commsText } from '../features/comms/text.ts';
import { actionsText } from '../features/delegation/actionsText.ts';
import { evaluationText } from '../features/evaluator/text.ts';
import { controlText } from '../features/facilitator/controlText.ts';
import { negotiationText } from '../features/negotiation/text.ts';
import { projectorText } from '../features/observer/text.ts';
import { reviewText } from '../features/review/text.ts';
import { refusalText } from '../features/shell/refusalText.ts';
import { studioText } from '../features/studio/text.ts';

export const ALL_AREAS = {
  actions: actionsText,
  comms: commsText,
  negotiation: negotiationText,
  evaluation: evaluationText,
  projector: projectorText,
  control: controlText,
  review: reviewText,
  refusals: refusalText,
  studio: studioText,
} as const;
