import type { EndingView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../ui/Markdown.tsx';
import type { PictureText } from './picture.ts';

/** How play ended: the ending's title and narrative, or a plain "play has ended". */
export function EndingCard({ ending, pt, large = false }: { ending: EndingView; pt: PictureText; large?: boolean }) {
  const { t } = useTranslation();
  const title = pt.text(ending.title) || t('projector.ended');
  return (
    <section
      className={`pub-ending pub-ending--${ending.tone ?? 'neutral'}${large ? ' pub-ending--large' : ''}`}
      aria-labelledby="ending-title"
      data-testid="picture.ending"
    >
      <p className="pub-ending__eyebrow">{t('projector.ended')}</p>
      <h2 id="ending-title" className="pub-ending__title" dir="auto">
        {title}
      </h2>
      {ending.narrative && <Markdown source={pt.text(ending.narrative)} className="prose pub-ending__text" />}
    </section>
  );
}
