import { describe, expect, it } from "vitest";
import { OccurrenceCounter } from "./occurrence-counter";

describe("OccurrenceCounter", () => {
  it("numbers repeated keys 1, 2, 3 and keeps distinct keys apart", () => {
    const counter = new OccurrenceCounter(4);
    expect(counter.next(1, 2)).toBe(1);
    expect(counter.next(1, 3)).toBe(1);
    expect(counter.next(1, 2)).toBe(2);
    expect(counter.next(0xffffffff, 0)).toBe(1);
    expect(counter.next(1, 2)).toBe(3);
    expect(counter.distinct).toBe(3);
  });

  it("keeps exact counts across many resizes", () => {
    const counter = new OccurrenceCounter(2);
    for (let round = 1; round <= 3; round++) {
      for (let i = 0; i < 50_000; i++) expect(counter.next(i * 7919, i)).toBe(round);
    }
    expect(counter.distinct).toBe(50_000);
  });
});
