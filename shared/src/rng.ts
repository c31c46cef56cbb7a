/**
 * A seeded pseudo-random number generator (sfc32, seeded through splitmix32) whose whole state is four plain
 * numbers, so it can live in a serialisable exercise state or a bot's memory and a run can be reproduced from its
 * seed. Nothing in `shared/` may use `Math.random`; bots and simulations draw from this instead.
 */

/** The generator's state: four unsigned 32-bit integers. */
export type RngState = { readonly a: number; readonly b: number; readonly c: number; readonly d: number };

function splitmix32(x: number): [number, number] {
  const next = (x + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [(z ^ (z >>> 16)) >>> 0, next];
}

/** The state for a seed (any finite number; fractional parts and sign are folded in). */
export function seedRng(seed: number): RngState {
  let x = Number.isFinite(seed) ? Math.trunc(seed) | 0 : 0;
  x ^= Math.trunc(seed / 0x100000000) | 0;
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [v, next] = splitmix32(x);
    out.push(v);
    x = next;
  }
  const state = { a: out[0] ?? 0, b: out[1] ?? 0, c: out[2] ?? 0, d: out[3] ?? 1 };
  // Warm up so that nearby seeds diverge.
  let s: RngState = state;
  for (let i = 0; i < 12; i++) s = nextRng(s)[1];
  return s;
}

/** One draw: a float in [0, 1) and the next state (the input is not changed). */
export function nextRng(state: RngState): [value: number, next: RngState] {
  let { a, b, c, d } = state;
  a >>>= 0;
  b >>>= 0;
  c >>>= 0;
  d >>>= 0;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  return [(t >>> 0) / 4294967296, { a: a >>> 0, b: b >>> 0, c: c >>> 0, d: d >>> 0 }];
}

/** A mutable convenience wrapper for code that draws many numbers in a row (bots, simulations, benchmarks). */
export class Rng {
  private current: RngState;

  constructor(seedOrState: number | RngState) {
    this.current = typeof seedOrState === 'number' ? seedRng(seedOrState) : seedOrState;
  }

  /** The state now, to store and resume from later. */
  get state(): RngState {
    return this.current;
  }

  /** A float in [0, 1). */
  next(): number {
    const [value, next] = nextRng(this.current);
    this.current = next;
    return value;
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`Rng.int: max (${max}) is below min (${min})`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: the list is empty');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A new list with the same elements in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}
