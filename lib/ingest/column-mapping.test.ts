import { describe, expect, it } from "vitest";
import { detectColumnMapping, normalizeColumnName, resolveColumnMapping, uniqueColumnNames } from "./column-mapping";
import { IngestFileError } from "./types";

describe("detectColumnMapping", () => {
  it.each<[string[], Record<string, string>]>([
    [["user_id", "event", "timestamp"], { user_id: "user_id", event_name: "event", timestamp: "timestamp" }],
    [["userId", "event_name", "time"], { user_id: "userId", event_name: "event_name", timestamp: "time" }],
    [["CustomerID", "event_type", "ts", "Amount"], { user_id: "CustomerID", event_name: "event_type", timestamp: "ts", revenue: "Amount" }],
    [["customer_id", "date", "number_of_cds", "dollar_value"], { user_id: "customer_id", timestamp: "date", quantity: "number_of_cds", revenue: "dollar_value" }],
    [["distinct_id", "event", "created_at", "price", "$insert_id"], { user_id: "distinct_id", event_name: "event", timestamp: "created_at", revenue: "price", insert_id: "$insert_id" }],
    [["messageId", "User ID", "Event Time", "Event"], { user_id: "User ID", event_name: "Event", timestamp: "Event Time", insert_id: "messageId" }],
    [["insert_id", "customer", "event_time", "revenue", "qty"], { user_id: "customer", timestamp: "event_time", revenue: "revenue", insert_id: "insert_id", quantity: "qty" }],
    [["buyer_customer_id", "order_timestamp", "net_revenue"], { user_id: "buyer_customer_id", timestamp: "order_timestamp", revenue: "net_revenue" }],
  ])("%j", (columns, expected) => {
    expect(detectColumnMapping(columns)).toEqual(expected);
  });

  it("prefers the most specific name and never gives one column two roles", () => {
    // event_id is an insert id; `event` is the name; `timestamp` beats `date`.
    expect(detectColumnMapping(["event_id", "event", "date", "timestamp", "user"])).toEqual({
      user_id: "user",
      event_name: "event",
      timestamp: "timestamp",
      insert_id: "event_id",
    });
  });

  it("normalizes names", () => {
    expect(normalizeColumnName("$Insert-ID ")).toBe("insertid");
  });
});

describe("resolveColumnMapping", () => {
  const columns = ["who", "what", "when", "plan"];

  it("uses the explicit mapping, matching names case-insensitively", () => {
    const resolved = resolveColumnMapping(columns, { user_id: "WHO", event_name: "what", timestamp: "when" }, ["user_id", "event_name", "timestamp"]);
    expect(resolved.mapping).toEqual({ user_id: "who", event_name: "what", timestamp: "when" });
    expect(resolved.index).toEqual({ user_id: 0, event_name: 1, timestamp: 2, insert_id: -1, revenue: -1, quantity: -1 });
  });

  it("fills roles the mapping leaves out by detection", () => {
    const resolved = resolveColumnMapping(["who", "event", "ts"], { user_id: "who" }, ["user_id", "event_name", "timestamp"]);
    expect(resolved.mapping).toEqual({ user_id: "who", event_name: "event", timestamp: "ts" });
  });

  it("names the missing role and lists the columns", () => {
    expect(() => resolveColumnMapping(columns, undefined, ["user_id", "event_name", "timestamp"])).toThrow(
      new IngestFileError(
        "Cannot map columns: no user id or event name or timestamp column found among [who, what, when, plan]; pass --map user_id=COLUMN --map event_name=COLUMN --map timestamp=COLUMN",
      ),
    );
    expect(() => resolveColumnMapping(["a", "event", "ts"], undefined, ["user_id", "event_name", "timestamp"])).toThrow(
      "Cannot map columns: no user id column found among [a, event, ts]; pass --map user_id=COLUMN",
    );
  });

  it("rejects a mapping that names a column the file does not have", () => {
    expect(() => resolveColumnMapping(columns, { user_id: "user" }, ["user_id"])).toThrow(
      "Cannot map columns: column 'user' (given for user id) is not in the file; available columns: [who, what, when, plan]",
    );
  });
});

describe("uniqueColumnNames", () => {
  it("names blank header cells and suffixes repeats", () => {
    expect(uniqueColumnNames([" a ", "", "a", "b", "a"])).toEqual(["a", "column_2", "a_2", "b", "a_3"]);
  });
});
