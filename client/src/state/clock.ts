/**
 * The game clock as the server anchors it (`room.state.clock`): game time `gameMs` at the server's wall instant
 * `wallMs`, moving at `speed` while `running`. A console runs it locally between patches; a client whose wall clock
 * is behind the server's never shows time going backwards (elapsed wall time is clamped at zero).
 */

export type ClockAnchor = {
  readonly gameMs: number;
  readonly wallMs: number;
  readonly speed: number;
  readonly running: boolean;
};

export const STOPPED: ClockAnchor = { gameMs: 0, wallMs: 0, speed: 1, running: false };

/** Game time (ms since play started) at the wall instant `wallNow`. */
export function gameNow(anchor: ClockAnchor, wallNow: number): number {
  if (!anchor.running) return anchor.gameMs;
  return anchor.gameMs + Math.max(0, wallNow - anchor.wallMs) * anchor.speed;
}

/** `01:05:09`: hours, minutes and seconds of game time, digits in the reader's locale. */
export function formatGameTime(ms: number, locale: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${two.format(h)}:${two.format(m)}:${two.format(s)}`;
}
