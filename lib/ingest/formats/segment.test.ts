import { describe, expect, it } from "vitest";
import { parseAll } from "../parse-testing";

const utc = Date.UTC;

const lines = [
  '{"type":"track","event":"Order Completed","userId":"u1","anonymousId":"a1","timestamp":"2024-05-01T10:00:00.123Z","messageId":"m1","properties":{"revenue":"25.50","currency":"EUR"},"context":{"traits":{"plan":"pro"}}}',
  '{"type":"page","name":"Pricing","anonymousId":"a2","timestamp":"2024-05-01T10:01:00Z","messageId":"m2","properties":{"url":"https://x.test/pricing"}}',
  '{"type":"identify","userId":"u1","traits":{"email":"a@b.test","seats":3,"beta":true,"address":{"city":"Oslo"}},"timestamp":"2024-05-01T10:02:00+02:00","messageId":"m3"}',
  '{"type":"screen","name":"Home","userId":"u3","originalTimestamp":"2024-05-01T10:03:00Z"}',
  '{"type":"group","groupId":"g1","traits":{"name":"Acme"},"userId":"u1","timestamp":"2024-05-01T10:04:00Z"}',
  '{"type":"alias","previousId":"a1","userId":"u1","timestamp":"2024-05-01T10:05:00Z"}',
];

describe("Segment", () => {
  it("turns track, page, identify, screen, group and alias calls into events", async () => {
    expect(await parseAll(lines.join("\n"))).toEqual([
      {
        kind: "event",
        line: 1,
        userId: "u1",
        eventName: "Order Completed",
        ts: utc(2024, 4, 1, 10, 0, 0, 123),
        revenue: 25.5,
        properties: { revenue: "25.50", currency: "EUR" },
        insertId: "m1",
        traits: { plan: "pro" },
      },
      {
        kind: "event",
        line: 2,
        userId: "a2",
        eventName: "Page Viewed",
        ts: utc(2024, 4, 1, 10, 1),
        revenue: null,
        properties: { url: "https://x.test/pricing", name: "Pricing" },
        insertId: "m2",
        traits: null,
      },
      {
        kind: "event",
        line: 3,
        userId: "u1",
        eventName: "$identify",
        ts: utc(2024, 4, 1, 8, 2),
        revenue: null,
        properties: {},
        insertId: "m3",
        traits: { email: "a@b.test", seats: "3", beta: "true", address: '{"city":"Oslo"}' },
      },
      { kind: "event", line: 4, userId: "u3", eventName: "Screen Viewed", ts: utc(2024, 4, 1, 10, 3), revenue: null, properties: { name: "Home" }, insertId: null, traits: null },
      {
        kind: "event",
        line: 5,
        userId: "u1",
        eventName: "$group",
        ts: utc(2024, 4, 1, 10, 4),
        revenue: null,
        properties: { groupId: "g1", groupTraits: { name: "Acme" } },
        insertId: null,
        traits: null,
      },
      { kind: "event", line: 6, userId: "u1", eventName: "$alias", ts: utc(2024, 4, 1, 10, 5), revenue: null, properties: { previousId: "a1" }, insertId: null, traits: null },
    ]);
  });

  it("reads a pretty-printed JSON array of calls, with each element's start line", async () => {
    const array = `[\n  ${lines[0]},\n  ${lines[1]}\n]\n`;
    const rows = await parseAll(array);
    expect(rows.map((row) => [row.line, row.kind === "event" && row.eventName])).toEqual([
      [2, "Order Completed"],
      [3, "Page Viewed"],
    ]);
    expect(await parseAll(array, {}, 1)).toEqual(rows);
  });

  it("rejects calls it cannot use", async () => {
    const bad = [
      '{"type":"track","event":"X","timestamp":"2024-05-01T10:00:00Z","messageId":"m"}',
      '{"type":"track","userId":"u1","timestamp":"2024-05-01T10:00:00Z","messageId":"m"}',
      '{"type":"explode","userId":"u1","timestamp":"2024-05-01T10:00:00Z","messageId":"m"}',
      '{"type":"track","event":"X","userId":"u1","messageId":"m"}',
      '{"type":"track","event":"X","userId":"u1","timestamp":"yesterday","messageId":"m"}',
      '{"type":"track","event":"X","userId":"u1","timestamp":"2024-05-01T10:00:00Z","properties":{"revenue":"lots"}}',
      '{"type":"track","event":"X","userId":"u1",}',
      '["not","an","object"]',
    ];
    const rows = await parseAll(bad.join("\n"), { format: "segment" });
    expect(rows.map((row) => row.kind === "reject" && [row.line, row.field, row.reason])).toEqual([
      [1, "userId", "user id is empty (userId and anonymousId are both missing)"],
      [2, "event", "event name is empty"],
      [3, "type", "type 'explode' is not a Segment call (track, page, screen, identify, group, alias)"],
      [4, "timestamp", "timestamp is missing"],
      [5, "timestamp", "timestamp 'yesterday' is not a date"],
      [6, "properties.revenue", "revenue 'lots' is not a number"],
      [7, "", expect.stringMatching(/^invalid JSON: .*position 42/)],
      [8, "", "row is not a JSON object"],
    ]);
  });
});
