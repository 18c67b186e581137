import { describe, expect, it } from "vitest";
import { parseAll, rejectsOf } from "../parse-testing";
import { IngestFileError } from "../types";

const utc = Date.UTC;

describe("generic CSV", () => {
  it("maps the named columns and keeps every other non-empty cell as a string property", async () => {
    const csv = [
      "user_id,event_name,timestamp,revenue,insert_id,plan,seats,note",
      "u1,signup,2026-03-01T10:00:00Z,,e1,pro,42,",
      'u2,upgrade,2026-03-03T12:00:00.250Z,49.5,e2,team,7,"said ""hi"", left"',
    ].join("\n");
    expect(await parseAll(csv)).toEqual([
      {
        kind: "event",
        line: 2,
        userId: "u1",
        eventName: "signup",
        ts: utc(2026, 2, 1, 10),
        revenue: null,
        properties: { plan: "pro", seats: "42" },
        insertId: "e1",
        traits: null,
      },
      {
        kind: "event",
        line: 3,
        userId: "u2",
        eventName: "upgrade",
        ts: utc(2026, 2, 3, 12, 0, 0, 250),
        revenue: 49.5,
        properties: { plan: "team", seats: "7", note: 'said "hi", left' },
        insertId: "e2",
        traits: null,
      },
    ]);
  });

  it("rejects bad rows with the column, the value and a specific reason", async () => {
    const csv = [
      "user_id,event,ts,amount",
      "u1,signup,2011-13-01,",
      ",signup,2026-03-02T09:00:00Z,",
      "u2, ,2026-03-02T09:00:00Z,",
      "u2,buy,2026-03-02T09:00:00Z,abc",
      "u2,buy,2026-03-02T09:00:00Z",
      "u2,buy,2026-03-02T09:00:00Z,1,extra",
      "u2,buy,,1",
      "u2,buy,1900-01-01,1",
      "u2,buy,2026-03-02T09:00:00Z,1,", // a trailing delimiter is fine
    ].join("\r\n");
    const rows = await parseAll(csv);
    expect(rows.slice(0, 8)).toEqual([
      { kind: "reject", line: 2, field: "ts", value: "2011-13-01", reason: "timestamp '2011-13-01' is not a date" },
      { kind: "reject", line: 3, field: "user_id", value: "", reason: "user id is empty" },
      { kind: "reject", line: 4, field: "event", value: " ", reason: "event name is empty" },
      { kind: "reject", line: 5, field: "amount", value: "abc", reason: "revenue 'abc' is not a number" },
      { kind: "reject", line: 6, field: "", value: "u2,buy,2026-03-02T09:00:00Z", reason: "row has 3 fields, header has 4" },
      { kind: "reject", line: 7, field: "", value: "u2,buy,2026-03-02T09:00:00Z,1,extra", reason: "row has 5 fields, header has 4" },
      { kind: "reject", line: 8, field: "ts", value: "", reason: "timestamp is empty" },
      { kind: "reject", line: 9, field: "ts", value: "1900-01-01", reason: "timestamp '1900-01-01' is out of range (year 1900 is outside 1970–2100)" },
    ]);
    expect(rows[8]).toMatchObject({ kind: "event", line: 10, revenue: 1 });
  });

  it("truncates long rejected values to 200 characters", async () => {
    const long = "x".repeat(500);
    const [row] = rejectsOf(await parseAll(`user_id,event,ts\nu1,e,${long}\n`));
    expect(row).toMatchObject({ kind: "reject", field: "ts" });
    expect(row?.value).toHaveLength(200);
    expect(row?.reason).toBe(`timestamp '${"x".repeat(59)}…' is not a date`);
  });

  it("reads wall-clock timestamps in the dataset timezone", async () => {
    const rows = await parseAll("user,event,time\nu1,a,2026-03-08 12:00:00\nu1,b,2026-03-08\n", { timezone: "America/New_York" });
    expect(rows.map((row) => row.kind === "event" && row.ts)).toEqual([utc(2026, 2, 8, 16), utc(2026, 2, 8, 5)]);
  });

  it("uses an explicit mapping and reads a mapped quantity as a number", async () => {
    const rows = await parseAll("who,what,when,qty,cost\nu1,buy,1704067200,3,$9.90\n", {
      mapping: { user_id: "who", event_name: "what", timestamp: "when", revenue: "cost" },
    });
    expect(rows).toEqual([
      { kind: "event", line: 2, userId: "u1", eventName: "buy", ts: utc(2024, 0, 1), revenue: 9.9, properties: { quantity: 3 }, insertId: null, traits: null },
    ]);
  });

  it("refuses files whose columns cannot be mapped, naming the columns", async () => {
    await expect(parseAll("a,b,c\n1x,2x,3x\n")).rejects.toThrow(
      new IngestFileError(
        "Cannot map columns: no user id or event name or timestamp column found among [a, b, c]; pass --map user_id=COLUMN --map event_name=COLUMN --map timestamp=COLUMN",
      ),
    );
    await expect(parseAll("name,event,ts\nx,y,2024-01-01\n")).rejects.toThrow(
      "Cannot map columns: no user id column found among [name, event, ts]; pass --map user_id=COLUMN",
    );
    await expect(parseAll("user_id,event,ts\nu,e,2024-01-01\n", { mapping: { user_id: "customer" } })).rejects.toThrow(
      "Cannot map columns: column 'customer' (given for user id) is not in the file; available columns: [user_id, event, ts]",
    );
  });

  it("suggests the transactions format when a CSV chosen as CSV has no event column but an amount", async () => {
    await expect(parseAll("customer_id,date,amount\nc1,2024-01-01,5\n", { format: "csv" })).rejects.toThrow(
      "Cannot map columns: no event name column found among [customer_id, date, amount]; pass --map event_name=COLUMN. This looks like a transaction log: choose the transactions format to load every row as a purchase",
    );
  });

  it("reads TSV and semicolon files", async () => {
    const tsv = await parseAll("user_id\tevent\ttimestamp\tcity\nu1\tview\t2024-01-01T00:00:00Z\tSão Paulo, SP\n");
    expect(tsv[0]).toMatchObject({ kind: "event", properties: { city: "São Paulo, SP" } });
    const semicolon = await parseAll("user_id;event;timestamp;revenue\nu1;buy;2024-01-01T00:00:00Z;12.5\n");
    expect(semicolon[0]).toMatchObject({ kind: "event", revenue: 12.5 });
  });

  it("renames blank and repeated header cells for properties", async () => {
    const [row] = await parseAll("user_id,event,ts,tag,tag,\nu1,e,2024-01-01T00:00:00Z,a,b,c\n");
    expect(row).toMatchObject({ properties: { tag: "a", tag_2: "b", column_6: "c" } });
  });

  it("loads a Windows-1252 export with its accents intact", async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode("user_id,event,ts,city\nu1,visit,2024-01-01T00:00:00Z,Z"), 0xfc, ...new TextEncoder().encode("rich\n")]);
    const [row] = await parseAll(bytes);
    expect(row).toMatchObject({ properties: { city: "Zürich" } });
  });
});
