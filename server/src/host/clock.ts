/**
 * The game clock on the wall clock. Game time advances only while play runs, at the recorded speed; every change of
 * status or speed re-anchors it (game time g at wall time w). Converting both ways lets the host ask "what game time
 * is it now?" before each command and "when, on the wall, is game time t due?" to arm its wake-up timer.
 *
 * Game time is never stored on its own: it lives in the logged events. After a restart the host anchors the clock at
 * the last logged event's game time, so wall time spent down is not played (nothing due fires twice or is skipped:
 * every timer still fires, as a logged event, once the clock reaches it).
 */

/** The wall clock and timers the host runs on (real ones in the server, fake ones in tests). */
export type WallClock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const systemWallClock: WallClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Where the clock was last anchored; what clients need to run a local clock between updates. */
export type ClockAnchor = {
  readonly gameMs: number;
  readonly wallMs: number;
  readonly speed: number;
  readonly running: boolean;
};

/** setTimeout's upper bound (about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

export class GameClock {
  private current: ClockAnchor;

  constructor(anchor: ClockAnchor) {
    this.current = anchor;
  }

  get anchor(): ClockAnchor {
    return this.current;
  }

  /** Game time (integer ms) at a wall time. */
  gameAt(wallMs: number): number {
    const a = this.current;
    if (!a.running) return a.gameMs;
    return a.gameMs + Math.floor(Math.max(0, wallMs - a.wallMs) * a.speed);
  }

  /** Milliseconds of wall time, from `wallMs`, until game time reaches `gameMs` (null when the clock is stopped). */
  delayUntil(gameMs: number, wallMs: number): number | null {
    if (!this.current.running) return null;
    const ahead = gameMs - this.gameAt(wallMs);
    return Math.min(MAX_DELAY, Math.max(0, Math.ceil(ahead / this.current.speed)));
  }

  /** Anchor the clock: game time `gameMs` at wall time `wallMs`, running or not, at `speed`. */
  set(anchor: ClockAnchor): void {
    this.current = anchor;
  }
}

/** The game clock of one host on the wall clock, with the one wake-up timer the host keeps armed. */
export class HostClock {
  private readonly game: GameClock;
  private readonly wall: WallClock;
  private timer: unknown = null;

  constructor(wall: WallClock, at: { gameMs: number; speed: number; running: boolean }) {
    this.wall = wall;
    this.game = new GameClock({ ...at, wallMs: wall.now() });
  }

  get anchor(): ClockAnchor {
    return this.game.anchor;
  }

  /** Game time now (ms). */
  now(): number {
    return this.game.gameAt(this.wall.now());
  }

  /** Re-anchor now: at `gameMs` or the clock's own time, whichever is later (time never goes back). */
  reanchor(gameMs: number, speed: number, running: boolean): void {
    const wallMs = this.wall.now();
    this.game.set({ gameMs: Math.max(gameMs, this.game.gameAt(wallMs)), wallMs, speed, running });
  }

  /** Call `wake` when game time reaches `gameMs` (replacing the previous wake-up); null or a stopped clock: none. */
  wakeAt(gameMs: number | null, wake: () => void): void {
    this.cancel();
    const delay = gameMs === null ? null : this.game.delayUntil(gameMs, this.wall.now());
    if (delay === null) return;
    this.timer = this.wall.setTimeout(() => {
      this.timer = null;
      wake();
    }, delay);
  }

  cancel(): void {
    if (this.timer === null) return;
    this.wall.clearTimeout(this.timer);
    this.timer = null;
  }
}
