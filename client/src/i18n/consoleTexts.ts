/** Registers a lazy part's texts when imported (see areas.ts): the consoles of delegations, evaluators, observers. */
import { commsText } from '../features/comms/text.ts';
import { actionsText } from '../features/delegation/actionsText.ts';
import { evaluationText } from '../features/evaluator/text.ts';
import { negotiationText } from '../features/negotiation/text.ts';
import { projectorText } from '../features/observer/text.ts';
import { refusalText } from '../features/shell/refusalText.ts';
import { registerTexts } from './area.ts';

registerTexts({
  actions: actionsText,
  comms: commsText,
  negotiation: negotiationText,
  evaluation: evaluationText,
  projector: projectorText,
  refusals: refusalText,
});
