import { describe, expect, it } from "vitest";
import { parseMappingArg } from "./mapping-arg";

describe("parseMappingArg", () => {
  it("reads FIELD=COLUMN and FIELD:COLUMN pairs", () => {
    expect(parseMappingArg("user_id=CustomerID, timestamp:Order Date")).toEqual({ user_id: "CustomerID", timestamp: "Order Date" });
    expect(parseMappingArg(undefined)).toBeUndefined();
  });

  it("names the bad entry", () => {
    expect(() => parseMappingArg("userid")).toThrow('--map entry "userid" is not FIELD=COLUMN');
    expect(() => parseMappingArg("customer=Id")).toThrow(/customer/);
  });
});
