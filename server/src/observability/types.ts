/**
 * What the server reports about itself. One `Metrics` per process, created by the app and passed down (no
 * module-level singletons, so tests and several processes never share counters by accident).
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
}
