import type { Delivery } from '@parley/shared/engine/types.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import type { PictureText } from './picture.ts';

const SHOWN = 4;

/** The public incident feed for the wall: the latest item in full, the few before it by their headlines. */
export function ProjectorNews({ injects, pt }: { readonly injects: readonly Delivery[]; readonly pt: PictureText }) {
  const { t, i18n } = useTranslation();
  const [latest, ...earlier] = injects;
  if (!latest) return <p className="projector__empty">{t('observer.empty')}</p>;
  const head = (d: Delivery) => (
    <p className="wall-news__meta">
      <span className={`tag tag--${d.channel}`}>{t(`feed.channel.${d.channel}`)}</span>
      {d.from && <span>{pt.party(d.from)}</span>}
      <time className="wall-news__time" dir="ltr">
        {formatGameTime(d.at, i18n.language)}
      </time>
    </p>
  );
  return (
    <ol className="wall-news">
      <li className="wall-news__item wall-news__item--latest" data-testid="projector.item" data-inject={latest.id}>
        {head(latest)}
        <h3 className="wall-news__title" dir="auto">
          {pt.text(latest.title)}
        </h3>
        <Markdown source={pt.text(latest.body)} className="prose wall-news__body" />
      </li>
      {earlier.slice(0, SHOWN - 1).map((d) => (
        <li key={d.id} className="wall-news__item" data-testid="projector.item" data-inject={d.id}>
          {head(d)}
          <h3 className="wall-news__title" dir="auto">
            {pt.text(d.title)}
          </h3>
        </li>
      ))}
    </ol>
  );
}
