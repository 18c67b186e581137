import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/db";
import { testEngines, type TestDatabase } from "../db/testing";
import { ingest, rejectMessage } from "./ingest";
import { rejectsCsv } from "./rejects-csv";

const CDNOW = "../shared/data/cdnow/CDNOW_master.txt";

function bytes(text: string, chunkSize = 64): AsyncIterable<Uint8Array> {
  const data = new TextEncoder().encode(text);
  return (async function* () {
    for (let offset = 0; offset < data.length; offset += chunkSize) yield data.subarray(offset, offset + chunkSize);
  })();
}

// 9 data rows: line 4 has a bad timestamp, line 6 an empty user id, line 8
// repeats line 2's insert id. 9 = 6 accepted + 2 rejected + 1 duplicate.
const SMALL_CSV = [
  "user_id,event_name,timestamp,revenue,insert_id,channel",
  "u1,signup,2026-03-01T10:00:00Z,,e1,ads",
  "u1,create_report,2026-03-01T10:05:00Z,,e2,ads",
  "u2,signup,2011-13-01,,e3,organic",
  "u2,signup,2026-03-02T09:00:00Z,,e4,organic",
  ",signup,2026-03-02T09:00:00Z,,e5,organic",
  "u2,upgrade,2026-03-03T12:00:00Z,49.5,e6,organic",
  "u1,signup,2026-03-01T10:00:00Z,,e1,ads",
  "u3,signup,2026-03-04T00:00:00Z,,e7,social",
  "u3,create_report,2026-03-04T00:10:00Z,,e8,social",
].join("\r\n");

async function countEvents(db: Db, datasetName: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events e JOIN datasets d ON d.id = e.dataset_id WHERE d.name = $1`,
    [datasetName],
  );
  return row!.n;
}

/** Wraps a database so that the Nth batch transaction fails, like a database killed mid-load. */
function failingOnTransaction(db: Db, failAt: number): Db {
  let transactions = 0;
  return {
    ...db,
    query: db.query,
    exec: db.exec,
    copyText: db.copyText,
    close: db.close,
    transaction: async (work) => {
      transactions++;
      return db.transaction(async (tx) => {
        const result = await work(tx);
        if (transactions === failAt) throw new Error("connection terminated unexpectedly");
        return result;
      });
    },
  };
}

describe.each(testEngines())("ingest on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it("accounts for every row: accepted, rejected with line and reason, or duplicate", async () => {
    const report = await ingest(database.db, bytes(SMALL_CSV), { datasetName: "small", fileName: "small.csv" });
    expect(report.format).toBe("csv");
    expect({ total: report.total, accepted: report.accepted, rejected: report.rejected, duplicates: report.duplicates }).toEqual({ total: 9, accepted: 6, rejected: 2, duplicates: 1 });
    expect(report.rejectSample.map(rejectMessage)).toEqual([
      "line 4: timestamp '2011-13-01' is not a date",
      expect.stringMatching(/^line 6: user id is empty/),
    ]);
    expect(await countEvents(database.db, "small")).toBe(6);

    const [upgrade] = await database.db.query<{ revenue: number; ts: Date; properties: { channel: string } }>(
      `SELECT revenue, ts, properties FROM events WHERE dedupe_key = 'i:e6'`,
    );
    expect(upgrade!.revenue).toBe(49.5);
    expect(new Date(upgrade!.ts).toISOString()).toBe("2026-03-03T12:00:00.000Z");
    expect(upgrade!.properties.channel).toBe("organic");
  });

  it("adds nothing when the same file is loaded again", async () => {
    const again = await ingest(database.db, bytes(SMALL_CSV, 7), { datasetName: "small", fileName: "small.csv" });
    expect({ total: again.total, accepted: again.accepted, rejected: again.rejected, duplicates: again.duplicates }).toEqual({ total: 9, accepted: 0, rejected: 2, duplicates: 7 });
    expect(await countEvents(database.db, "small")).toBe(6);
  });

  it("writes every reject to a downloadable CSV", async () => {
    const [job] = await database.db.query<{ id: number }>(`SELECT min(id)::int AS id FROM ingest_jobs`);
    let csv = "";
    for await (const chunk of rejectsCsv(database.db, job!.id)) csv += chunk;
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("line,field,value,reason");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^4,timestamp,2011-13-01,/);
  });

  it("loads the CDNOW transaction log exactly, keeping identical purchases, and reloads as all duplicates", async () => {
    const text = readFileSync(CDNOW, "utf8");
    // The file starts with a header line (customer_id date number_of_cds dollar_value).
    const dataLines = text.split("\n").filter((line) => /^\s*\d/.test(line));
    expect(dataLines).toHaveLength(69_659);
    const expectedRevenue = dataLines.reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[3]), 0);

    const first = await ingest(database.db, bytes(text, 1 << 16), { datasetName: "cdnow", fileName: "CDNOW_master.txt", bytesTotal: text.length });
    expect(first.format).toBe("transactions");
    expect({ total: first.total, accepted: first.accepted, rejected: first.rejected, duplicates: first.duplicates }).toEqual({ total: 69_659, accepted: 69_659, rejected: 0, duplicates: 0 });
    const [sums] = await database.db.query<{ users: number; revenue: number }>(
      `SELECT count(DISTINCT user_id)::int AS users, sum(revenue)::float8 AS revenue FROM events e JOIN datasets d ON d.id = e.dataset_id WHERE d.name = 'cdnow'`,
    );
    expect(sums!.users).toBe(23_570);
    expect(sums!.revenue).toBeCloseTo(expectedRevenue, 4);

    const second = await ingest(database.db, bytes(text, 1 << 16), { datasetName: "cdnow", fileName: "CDNOW_master.txt", bytesTotal: text.length });
    expect({ accepted: second.accepted, duplicates: second.duplicates }).toEqual({ accepted: 0, duplicates: 69_659 });
    expect(await countEvents(database.db, "cdnow")).toBe(69_659);
  });

  it("leaves no half batch after a crash and resumes with exact counts", async () => {
    const request = { datasetName: "crash", fileName: "small.csv", batchSize: 2 };
    await expect(ingest(failingOnTransaction(database.db, 3), bytes(SMALL_CSV), request)).rejects.toThrow("connection terminated unexpectedly");
    const [job] = await database.db.query<{ status: string; lines_committed: number; total_rows: number }>(
      `SELECT status, lines_committed, total_rows FROM ingest_jobs j JOIN datasets d ON d.id = j.dataset_id WHERE d.name = 'crash'`,
    );
    // Batches of 2 rows: lines 2-3 and 4-5 committed; the third batch (6-7) rolled back.
    expect(job).toEqual({ status: "failed", lines_committed: 5, total_rows: 4 });
    expect(await countEvents(database.db, "crash")).toBe(3);

    const retry = await ingest(database.db, bytes(SMALL_CSV), request);
    expect(retry.resumed).toBe(true);
    expect({ total: retry.total, accepted: retry.accepted, rejected: retry.rejected, duplicates: retry.duplicates }).toEqual({ total: 9, accepted: 6, rejected: 2, duplicates: 1 });
    expect(await countEvents(database.db, "crash")).toBe(6);
    const staging = await database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'ingest_staging_%'`);
    expect(staging[0]!.n).toBe(0);
  });
});
