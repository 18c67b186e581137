/**
 * Seeded pseudo-random numbers for reproducible demo data. Never `Math.random`:
 * the same seed must give the same dataset on every machine and every run.
 *
 * - `mulberry32` (Tommy Ettinger's 32-bit generator, public domain): period 2^32,
 *   passes gjrand/PractRand smoke tests, ~1 ns per draw in V8. Plenty for demo data;
 *   not for cryptography.
 * - `mixSeed` derives an independent stream per (seed, index) with the
 *   SplitMix32/murmur3 finaliser, so user #123 is the same whatever the user count.
 */

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/** @example mulberry32(1)() === 0.6270739405881613 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Murmur3 fmix32 over two words: a well-spread 32-bit seed for stream `index` of `seed`. */
export function mixSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index >>> 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Convenience samplers over one RandomSource. */
export class Sampler {
  constructor(readonly next: RandomSource) {}

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal via Box–Muller (one of the pair is discarded: simpler, still cheap). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(); // (0, 1]: log(0) never happens
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and multiplicative spread (sd of log). */
  logNormal(median: number, sdLog: number): number {
    return median * Math.exp(this.normal(0, sdLog));
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Poisson by Knuth's multiplication method: exact, fine for the small means used here (< 30). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let k = 0;
    let product = this.next();
    while (product > limit) {
      k++;
      product *= this.next();
    }
    return k;
  }

  /** Number of Bernoulli(hazard) trials up to and including the first success (>= 1). */
  geometric(hazard: number): number {
    if (hazard >= 1) return 1;
    if (hazard <= 0) return Number.POSITIVE_INFINITY;
    return 1 + Math.floor(Math.log(1 - this.next()) / Math.log(1 - hazard));
  }

  /** Picks a value with probability proportional to its weight (weights need not sum to 1). */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let target = this.next() * total;
    for (const [value, weight] of choices) {
      target -= weight;
      if (target < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }
}
