import { describe, expect, it } from "vitest";
import { parseAll } from "../parse-testing";
import { IngestFileError } from "../types";

describe("generic NDJSON", () => {
  it("maps keys like CSV columns, keeps other keys as JSON values and merges nested properties", async () => {
    const text = [
      '{"user_id":123,"event":"login","timestamp":"2024-01-01 09:00:00","price":"3.5","insert_id":"x1","device":{"os":"ios"},"properties":{"path":"/home"},"traits":{"plan":"pro","seats":2}}',
      '{"user_id":"u2","event":"logout","timestamp":1704099600,"vip":true}',
    ].join("\n");
    expect(await parseAll(text, { timezone: "Europe/Berlin" })).toEqual([
      {
        kind: "event",
        line: 1,
        userId: "123",
        eventName: "login",
        ts: Date.UTC(2024, 0, 1, 8), // 09:00 in Berlin (UTC+1 in winter)
        revenue: 3.5,
        properties: { device: { os: "ios" }, path: "/home" },
        insertId: "x1",
        traits: { plan: "pro", seats: "2" },
      },
      { kind: "event", line: 2, userId: "u2", eventName: "logout", ts: 1704099600000, revenue: null, properties: { vip: true }, insertId: null, traits: null },
    ]);
  });

  it("follows an explicit mapping and refuses keys it never saw", async () => {
    const text = '{"who":"u1","what":"x","when":"2024-01-01T00:00:00Z","ts":"ignored"}\n';
    const rows = await parseAll(text, { mapping: { user_id: "who", event_name: "what", timestamp: "when" } });
    expect(rows[0]).toMatchObject({ kind: "event", userId: "u1", eventName: "x", ts: Date.UTC(2024, 0, 1), properties: { ts: "ignored" } });
    await expect(parseAll(text, { mapping: { user_id: "uid" } })).rejects.toThrow(
      new IngestFileError("Cannot map columns: key 'uid' (given for user id) is not in the file; available keys: [who, what, when, ts]"),
    );
    await expect(parseAll('{"a":1,"b":2}\n')).rejects.toThrow(
      "Cannot map columns: no user id or event name or timestamp key found among [a, b]; pass --map user_id=KEY --map event_name=KEY --map timestamp=KEY",
    );
  });

  it("rejects rows missing mapped keys", async () => {
    const text = ['{"user_id":"u1","event":"a","ts":"2024-01-01T00:00:00Z"}', '{"event":"a","ts":"2024-01-01T00:00:00Z"}', '{"user_id":"u1","ts":"2024-01-01T00:00:00Z"}', '{"user_id":"u1","event":"a"}'].join("\n");
    const rows = await parseAll(text);
    expect(rows.map((r) => (r.kind === "reject" ? [r.line, r.field, r.reason] : r.kind))).toEqual([
      "event",
      [2, "user_id", "user id is empty"],
      [3, "event", "event name is empty"],
      [4, "ts", "timestamp is missing"],
    ]);
  });
});
