import { describe, expect, it } from "vitest";
import { memoizeOn } from "./store-memo";

describe("memoizeOn", () => {
  it("computes once per owner and key", () => {
    const owner = {};
    let calls = 0;
    const compute = () => ++calls;
    expect(memoizeOn(owner, "a", compute)).toBe(1);
    expect(memoizeOn(owner, "a", compute)).toBe(1);
    expect(memoizeOn({}, "a", compute)).toBe(2); // another owner
  });

  it("keeps only the most recently used entries of a group", () => {
    const owner = {};
    let calls = 0;
    const get = (key: string) => memoizeOn(owner, key, () => `${key}#${++calls}`, { group: "g", keep: 2 });
    get("x"); // x#1
    get("y"); // y#2
    get("x"); // hit: x is now the most recent
    get("z"); // z#3 evicts y, the least recently used
    expect(get("x")).toBe("x#1");
    expect(get("y")).toBe("y#4"); // recomputed (and evicts z)
    expect(get("x")).toBe("x#1");
  });
});
