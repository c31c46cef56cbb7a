import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGameTime, gameNow } from '../../state/clock.ts';
import { useSession } from '../../state/store.ts';

/** The game clock, run locally from the server's anchor (redrawn a few times a second while play runs). */
export function GameClock() {
  const { t, i18n } = useTranslation();
  const anchor = useSession((s) => s.clock);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!anchor.running) return;
    const timer = setInterval(() => setNow(Date.now()), 250 / Math.max(1, Math.min(anchor.speed, 4)));
    return () => clearInterval(timer);
  }, [anchor]);
  const time = formatGameTime(gameNow(anchor, Math.max(now, Date.now() - 1000)), i18n.language);
  return (
    <div className="stat stat--clock">
      <span className="stat__label">{t('shell.clock')}</span>
      <span className="stat__value clock" dir="ltr" data-testid="shell.clock" data-running={anchor.running}>
        {time}
        {anchor.running && anchor.speed !== 1 && <span className="clock__speed">×{anchor.speed}</span>}
      </span>
    </div>
  );
}
