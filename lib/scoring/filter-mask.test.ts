import { describe, expect, it } from "vitest";
import { fromRows } from "./feature-store";
import { dimensionFilterMask, maskCount } from "./filter-mask";
import { featureRow } from "./test-feature-rows";

const store = fromRows(
  Object.freeze([
    featureRow("a", { channel: "ads", plan: "pro", country: "DE" }),
    featureRow("b", { channel: "ads", plan: "free", country: "US" }),
    featureRow("c", { channel: "organic", plan: "pro", country: null }),
    featureRow("d", { channel: null, plan: "pro", country: "US" }),
  ]),
);

describe("dimensionFilterMask", () => {
  it("selects everyone without filters", () => {
    expect([...dimensionFilterMask(store, {})]).toEqual([1, 1, 1, 1]);
  });

  it("ORs values within a dimension and ANDs dimensions", () => {
    expect([...dimensionFilterMask(store, { channel: ["ads", "organic"] })]).toEqual([1, 1, 1, 0]);
    expect([...dimensionFilterMask(store, { channel: ["ads", "organic"], plan: ["pro"] })]).toEqual([1, 0, 1, 0]);
  });

  it("selects users without a value through null, and nobody for an unknown value", () => {
    expect([...dimensionFilterMask(store, { country: [null] })]).toEqual([0, 0, 1, 0]);
    expect(maskCount(dimensionFilterMask(store, { channel: ["tv"] }))).toBe(0);
  });
});
