import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HotlineCard } from './HotlineCard.tsx';
import type { HotlineItem } from './hotline.ts';

type Props = {
  readonly title: string;
  readonly items: readonly HotlineItem[];
  /** Declined requests' reasons, by request id. */
  readonly reasons: ReadonlyMap<string, string>;
  readonly now: number;
  readonly running: boolean;
  /** Show only the first few until asked for all (null: always all). */
  readonly limit: number | null;
  readonly testId: string;
};

/** A titled list of hotline entries (nothing when empty), the older ones folded away when there are many. */
export function HotlineSection({ title, items, reasons, now, running, limit, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  const folded = limit !== null && !all && items.length > limit;
  const shown = folded ? items.slice(0, limit) : items;
  return (
    <section className="comms-hotline-section" aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="comms__subtitle">
        {title} <span className="comms__count">({items.length})</span>
      </h3>
      <ul className="comms-hotline" id={`${id}-list`}>
        {shown.map((entry) => (
          <HotlineCard
            key={entry.item.id}
            entry={entry}
            reason={reasons.get(entry.item.id) ?? null}
            now={now}
            running={running}
          />
        ))}
      </ul>
      {limit !== null && items.length > limit && (
        <button
          type="button"
          className="button button--link comms-hotline-section__more"
          aria-expanded={!folded}
          aria-controls={`${id}-list`}
          data-testid={`${testId}.more`}
          onClick={() => setAll(!all)}
        >
          {folded ? t('comms.hotline.showAll', { count: items.length }) : t('comms.hotline.showFewer')}
        </button>
      )}
    </section>
  );
}
