/**
 * A brake on guessing: counts failures (unknown join codes, wrong tokens) per client address in a sliding window and
 * says when an address has had too many. 40-bit codes make guessing hopeless already; this keeps it visible and cheap.
 * One instance per app (never module state), shared by every door a guess can come through (HTTP, room joins).
 */
export type GuessLimiterOptions = {
  /** Failures allowed per window. Default 20. */
  readonly limit?: number;
  /** Window length in milliseconds. Default one minute. */
  readonly windowMs?: number;
  /** Addresses tracked at most (the oldest are forgotten first). Default 10 000. */
  readonly maxAddresses?: number;
  readonly now?: () => number;
};

export class GuessLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly maxAddresses: number;
  private readonly now: () => number;
  private readonly failures = new Map<string, number[]>();

  constructor(options: GuessLimiterOptions = {}) {
    this.limit = options.limit ?? 20;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxAddresses = options.maxAddresses ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until `address` may try again, or 0 if it may now. */
  retryAfter(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.limit) return 0;
    return Math.max(1, (recent[recent.length - this.limit] ?? 0) + this.windowMs - this.now());
  }

  fail(address: string): void {
    const recent = this.recent(address);
    recent.push(this.now());
    this.failures.delete(address);
    this.failures.set(address, recent.slice(-this.limit));
    if (this.failures.size > this.maxAddresses) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(address);
    return list;
  }
}
