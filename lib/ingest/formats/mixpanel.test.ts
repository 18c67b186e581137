import { describe, expect, it } from "vitest";
import { parseAll } from "../parse-testing";

describe("Mixpanel export", () => {
  it("reads distinct_id, time in seconds or milliseconds, $insert_id, and keeps other properties", async () => {
    const text = [
      '{"event":"Signed Up","properties":{"distinct_id":"u1","time":1704067200,"$insert_id":"i1","$browser":"Chrome","mp_processing_time_ms":1704067201000}}',
      '{"event":"Purchase","properties":{"distinct_id":42,"time":1704067200500,"revenue":19.5}}',
      '{"event":"Purchase","properties":{"distinct_id":"u3","time":"1704067200","$amount":"7"}}',
    ].join("\n");
    expect(await parseAll(text, { timezone: "Europe/Berlin" })).toEqual([
      {
        kind: "event",
        line: 1,
        userId: "u1",
        eventName: "Signed Up",
        ts: 1704067200000,
        revenue: null,
        properties: { $browser: "Chrome", mp_processing_time_ms: 1704067201000 },
        insertId: "i1",
        traits: null,
      },
      { kind: "event", line: 2, userId: "42", eventName: "Purchase", ts: 1704067200500, revenue: 19.5, properties: { revenue: 19.5 }, insertId: null, traits: null },
      { kind: "event", line: 3, userId: "u3", eventName: "Purchase", ts: 1704067200000, revenue: 7, properties: { $amount: "7" }, insertId: null, traits: null },
    ]);
  });

  it("rejects rows without properties, distinct_id or a usable time", async () => {
    const text = [
      '{"event":"A","properties":{"time":1704067200}}',
      '{"event":"A","properties":{"distinct_id":"u1","time":-1}}',
      '{"event":"A"}',
      '{"properties":{"distinct_id":"u1","time":1704067200}}',
    ].join("\n");
    const rows = await parseAll(text, { format: "mixpanel" });
    expect(rows.map((r) => r.kind === "reject" && [r.line, r.field, r.reason])).toEqual([
      [1, "properties.distinct_id", "user id is empty"],
      [2, "properties.time", "timestamp '-1' is not a date (negative epoch values are before 1970)"],
      [3, "properties", "properties is missing (expected an object with distinct_id and time)"],
      [4, "event", "event name is empty"],
    ]);
  });
});
