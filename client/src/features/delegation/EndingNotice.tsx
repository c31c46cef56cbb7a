import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../ui/Markdown.tsx';
import { useText } from '../shell/useText.ts';

/** Once play has ended: how it ended, in the scenario's words. */
export function EndingNotice({ view }: { readonly view: DelegationView }) {
  const { t } = useTranslation();
  const text = useText();
  const ending = view.ending;
  if (!ending) return null;
  return (
    <section className={`ending ending--${ending.tone ?? 'mixed'}`} aria-labelledby="ending-title" data-testid="ending">
      <h2 id="ending-title" className="ending__title">
        {ending.title ? text(ending.title) : t('actions.ending.title')}
      </h2>
      {ending.narrative && <Markdown source={text(ending.narrative)} />}
    </section>
  );
}
