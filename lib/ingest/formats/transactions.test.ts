import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eventsOf, parseAll, rejectsOf, SAMPLE_FILES } from "../parse-testing";
import type { ParsedEvent } from "../types";

const CDNOW = SAMPLE_FILES.cdnow;
const utc = Date.UTC;

const purchase = (line: number, userId: string, ts: number, revenue: number, quantity: number): ParsedEvent => ({
  kind: "event",
  line,
  userId,
  eventName: "purchase",
  ts,
  revenue,
  properties: { quantity },
  insertId: null,
  traits: null,
});

describe("transaction logs", () => {
  it("reads the first lines of CDNOW, header line skipped", async () => {
    const head = readFileSync(CDNOW, "utf8").split("\n").slice(0, 6).join("\n");
    expect(await parseAll(head)).toEqual([
      purchase(2, "00001", utc(1997, 0, 1), 11.77, 1),
      purchase(3, "00002", utc(1997, 0, 12), 12, 1),
      purchase(4, "00002", utc(1997, 0, 12), 77, 5),
      purchase(5, "00003", utc(1997, 0, 2), 20.76, 2),
      purchase(6, "00003", utc(1997, 2, 30), 20.76, 2),
    ]);
  });

  it("reads CDNOW lines without a header by position, dates in the dataset timezone", async () => {
    const rows = await parseAll(" 00001 19970101  1   11.77\r\n 00002 19970112  5   77.00\r\n", { timezone: "America/New_York" });
    expect(rows).toEqual([purchase(1, "00001", utc(1997, 0, 1, 5), 11.77, 1), purchase(2, "00002", utc(1997, 0, 12, 5), 77, 5)]);
  });

  it("loads all of CDNOW_master.txt: 69,659 purchases by 23,570 customers", async () => {
    const text = readFileSync(CDNOW, "utf8");
    // Independent expectation: split every data line (line 1 is the header) on whitespace.
    const dataLines = text.split("\n").slice(1).filter((line) => line.trim() !== "");
    const expectedRevenue = dataLines.reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[3]), 0);
    const expectedQuantity = dataLines.reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[2]), 0);

    const rows = await parseAll(text, {}, 1 << 16);
    const events = eventsOf(rows);
    expect(rejectsOf(rows)).toEqual([]);
    expect(events).toHaveLength(69_659);
    expect(dataLines).toHaveLength(69_659);
    expect(new Set(events.map((event) => event.userId)).size).toBe(23_570);
    const revenue = events.reduce((sum, event) => sum + event.revenue!, 0);
    expect(revenue).toBeCloseTo(expectedRevenue, 6);
    expect(revenue).toBeCloseTo(2_500_315.63, 2);
    expect(events.reduce((sum, event) => sum + (event.properties.quantity as number), 0)).toBe(expectedQuantity);
    expect(events.at(-1)).toEqual(purchase(69_660, "23570", utc(1997, 2, 26), 42.96, 2));
    expect(Math.min(...events.map((event) => event.ts))).toBe(utc(1997, 0, 1));
    expect(Math.max(...events.map((event) => event.ts))).toBe(utc(1998, 5, 30));
  });

  it("reads CSV transaction logs with a header; other columns become properties", async () => {
    const csv = "customer,date,amount,quantity,store\nc1,2024-01-03,19.99,2,Berlin\nc2,2024-01-04T10:00:00Z,5,,\n";
    expect(await parseAll(csv)).toEqual([
      { kind: "event", line: 2, userId: "c1", eventName: "purchase", ts: utc(2024, 0, 3), revenue: 19.99, properties: { quantity: 2, store: "Berlin" }, insertId: null, traits: null },
      { kind: "event", line: 3, userId: "c2", eventName: "purchase", ts: utc(2024, 0, 4, 10), revenue: 5, properties: {}, insertId: null, traits: null },
    ]);
  });

  it("rejects rows without a usable amount, date or quantity", async () => {
    const log = [" 1 19970101 1 11.77", " 2 19971345 1 5", " 3 19970101 1 abc", " 4 19970101 x 5", " 5 19970101 1", " 6 19970101 1 "].join("\n");
    expect(rejectsOf(await parseAll(log))).toEqual([
      { kind: "reject", line: 2, field: "date", value: "19971345", reason: "timestamp '19971345' is not a date" },
      { kind: "reject", line: 3, field: "amount", value: "abc", reason: "revenue 'abc' is not a number" },
      { kind: "reject", line: 4, field: "quantity", value: "x", reason: "quantity 'x' is not a number" },
      { kind: "reject", line: 5, field: "", value: "5 19970101 1", reason: "row has 3 fields, expected 4" },
      { kind: "reject", line: 6, field: "", value: "6 19970101 1", reason: "row has 3 fields, expected 4" },
    ]);
    const csv = await parseAll("customer,date,amount\nc1,2024-01-01,\n");
    expect(rejectsOf(csv)).toEqual([{ kind: "reject", line: 2, field: "amount", value: "", reason: "revenue is empty" }]);
  });

  it("reads a header-less CSV as transactions when that format is chosen", async () => {
    const rows = await parseAll("c1,2024-01-01,3,12.5\n", { format: "transactions" });
    expect(rows).toEqual([purchase(1, "c1", utc(2024, 0, 1), 12.5, 3)]);
  });
});
