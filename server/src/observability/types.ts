/**
 * What the server reports about itself. One `Metrics` per process, created by the app and passed down (no
 * module-level singletons, so tests and several processes never share counters by accident).
 *
 * `createMetrics()` in `metrics.ts` implements it. Counting conventions:
 * - `commandAccepted` / `commandRefused`: once per command a client sent (a repeated command id answered from the
 *   session's memory counts again: the client did send it twice). `parley_commands_total` counts both;
 *   `parley_commands_refused_total` the refused ones.
 * - `storeWrite`: once per durable flush (one transaction), with its duration in seconds and its number of events.
 */
export interface Metrics {
  roomCreated(): void;
  roomDisposed(): void;
  clientJoined(): void;
  clientLeft(): void;
  commandAccepted(type: string): void;
  commandRefused(type: string, code: string): void;
  /** One event-store flush: how long it took and how many events it wrote. */
  storeWrite(seconds: number, events: number): void;
  /** Prometheus text exposition format. */
  render(): string;

  /** Rooms open in this process now (for `/healthz`). */
  rooms(): number;
  /** Colyseus clients connected to this process now (for `/healthz`). */
  clients(): number;
  /** Seconds since this `Metrics` was created (process start, in practice). */
  uptimeSeconds(): number;
  /** Commands handled (accepted or refused) per second, averaged over the last minute. */
  commandsPerSecond(): number;
}
