import { useEffect, useState } from 'react';
import { gameNow } from '../../state/clock.ts';
import { useSession } from '../../state/store.ts';

/** The current game time, redrawn every game second or so while play runs and `active` (a countdown is shown). */
export function useGameNow(active = true): number {
  const anchor = useSession((s) => s.clock);
  const [wall, setWall] = useState(() => Date.now());
  useEffect(() => {
    if (!anchor.running || !active) return;
    const timer = setInterval(() => setWall(Date.now()), 1000 / Math.max(1, Math.min(anchor.speed, 4)));
    return () => clearInterval(timer);
  }, [anchor, active]);
  return gameNow(anchor, Math.max(wall, Date.now() - 1000));
}
