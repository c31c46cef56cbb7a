import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClockAnchor, formatGameTime, gameNow } from '../../state/clock.ts';

/** The game clock in large figures, run locally from the feed's anchor. */
export function ProjectorClock({ anchor }: { readonly anchor: ClockAnchor }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!anchor.running) return;
    const timer = setInterval(() => setNow(Date.now()), 250 / Math.max(1, Math.min(anchor.speed, 4)));
    return () => clearInterval(timer);
  }, [anchor]);
  return (
    <div className="projector__stat projector__stat--clock">
      <span className="projector__label">{t('shell.clock')}</span>
      <span className="projector__clock" dir="ltr" data-testid="projector.clock" data-running={anchor.running}>
        {formatGameTime(gameNow(anchor, Math.max(now, Date.now() - 1000)), i18n.language)}
        {anchor.running && anchor.speed !== 1 && <span className="projector__speed">×{anchor.speed}</span>}
      </span>
    </div>
  );
}
