import { describe, expect, it } from "vitest";
import { mixSeed, mulberry32, Sampler } from "./seeded-random";

describe("mulberry32", () => {
  it("reproduces the reference sequence for seed 1", () => {
    // Reference values of the public-domain C implementation for seed 1.
    const next = mulberry32(1);
    expect(next()).toBe(0.6270739405881613);
    expect(next()).toBe(0.002735721180215478);
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const next = mulberry32(42);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = next();
      if (value < 0 || value >= 1) outside++;
      else buckets[Math.floor(value * 10)]!++;
    }
    expect(outside).toBe(0);
    // 10,000 expected per bucket; sd = sqrt(100000·0.1·0.9) ≈ 95, so ±500 is > 5 sd.
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe("mixSeed", () => {
  it("gives different streams for neighbouring indexes and seeds", () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 10; seed++) for (let index = 0; index < 1000; index++) seeds.add(mixSeed(seed, index));
    expect(seeds.size).toBe(10_000);
  });
});

describe("Sampler", () => {
  const sampler = () => new Sampler(mulberry32(7));

  it("draws Poisson counts with the requested mean", () => {
    const s = sampler();
    let total = 0;
    for (let i = 0; i < 50_000; i++) total += s.poisson(1.5);
    // mean 1.5, sd of the mean = sqrt(1.5/50000) ≈ 0.0055
    expect(total / 50_000).toBeCloseTo(1.5, 1);
  });

  it("draws geometric lifetimes with mean 1/hazard", () => {
    const s = sampler();
    let total = 0;
    for (let i = 0; i < 50_000; i++) total += s.geometric(0.2);
    // mean 1/0.2 = 5 trials
    expect(total / 50_000).toBeCloseTo(5, 1);
    expect(s.geometric(1)).toBe(1);
  });

  it("keeps int() inside both bounds and weighted() proportional", () => {
    const s = sampler();
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(s.int(3, 5));
    expect([...seen].sort()).toEqual([3, 4, 5]);
    let a = 0;
    for (let i = 0; i < 40_000; i++) if (s.weighted([["a", 3], ["b", 1]] as const) === "a") a++;
    // P(a) = 3/4
    expect(a / 40_000).toBeCloseTo(0.75, 1);
  });
});
