import { describe, expect, it, vi } from "vitest";
import type { Db } from "../db/db";
import type { IngestProgress, IngestReport, ingest } from "../ingest/ingest";
import { IngestFileError } from "../ingest/types";
import type { IngestStreamLine } from "./ingest-upload.types";
import { ingestAsNdjson, ingestUploadQuerySchema } from "./ingest-upload";

const db = {} as Db;
const request = { datasetName: "shop", fileName: "events.csv", bytesTotal: 1000 };
async function* noBytes(): AsyncGenerator<Uint8Array> {}

const progress = (rows: number): IngestProgress => ({ jobId: 7, bytesRead: rows * 10, bytesTotal: 1000, rows, accepted: rows, rejected: 0, duplicates: 0 });
const report: IngestReport = {
  jobId: 7,
  datasetId: 1,
  datasetName: "shop",
  fileName: "events.csv",
  format: "csv",
  status: "succeeded",
  total: 100,
  accepted: 97,
  rejected: 2,
  duplicates: 1,
  resumed: false,
  rejectSample: [],
  bytesRead: 1000,
  durationMs: 5,
};

async function readLines(stream: ReadableStream<Uint8Array>): Promise<IngestStreamLine[]> {
  const text = await new Response(stream).text();
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as IngestStreamLine);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("ingestAsNdjson", () => {
  it("throws a file-level error before anything is streamed, so it can become a 400", async () => {
    const run = (async () => {
      throw new IngestFileError("The file is empty.");
    }) as typeof ingest;
    await expect(ingestAsNdjson(db, noBytes(), request, { run })).rejects.toThrow("The file is empty.");
  });

  it("streams progress lines then the report", async () => {
    const run = (async (_db, _source, _request, onProgress) => {
      onProgress?.(progress(50));
      await tick();
      return report;
    }) as typeof ingest;
    const lines = await readLines(await ingestAsNdjson(db, noBytes(), request, { run }));
    expect(lines).toEqual([
      { type: "progress", ...progress(50) },
      { type: "report", ...report, featureRefresh: null },
    ]);
  });

  it("announces and reports the feature refresh after a successful load", async () => {
    const run = (async () => report) as typeof ingest;
    const afterIngest = vi.fn(async () => ({ users: 42, mode: "incremental", durationMs: 12, extra: "dropped" }));
    const lines = await readLines(await ingestAsNdjson(db, noBytes(), request, { run, afterIngest }));
    expect(afterIngest).toHaveBeenCalledWith(report);
    expect(lines).toEqual([
      { type: "refreshing", datasetId: 1 },
      { type: "report", ...report, featureRefresh: { users: 42, mode: "incremental", durationMs: 12 } },
    ]);
  });

  it("keeps the load when the refresh fails, and says so", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const run = (async () => report) as typeof ingest;
    const afterIngest = async () => {
      throw new Error("out of memory");
    };
    const lines = await readLines(await ingestAsNdjson(db, noBytes(), request, { run, afterIngest }));
    expect(lines[1]).toMatchObject({ type: "report", accepted: 97, featureRefresh: null, featureRefreshError: expect.stringMatching(/^Sorry/) });
    log.mockRestore();
  });

  it("sends at most one progress line per interval and never drops the latest before the report", async () => {
    vi.useFakeTimers();
    try {
      let finish!: () => void;
      const run = (async (_db, _source, _request, onProgress) => {
        for (const rows of [10, 20, 30, 40]) onProgress?.(progress(rows));
        await new Promise<void>((resolve) => {
          finish = resolve;
        });
        return report;
      }) as typeof ingest;
      const streamPromise = ingestAsNdjson(db, noBytes(), request, { run, throttleMs: 200 });
      await vi.advanceTimersByTimeAsync(0);
      const stream = await streamPromise;
      await vi.advanceTimersByTimeAsync(250); // the held 40-row line goes out
      finish();
      await vi.advanceTimersByTimeAsync(0);
      const lines = await readLines(stream);
      expect(lines.map((line) => (line.type === "progress" ? line.rows : line.type))).toEqual([10, 40, "report"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports a failure after progress as an error line with an id, logging the cause", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const run = (async (_db, _source, _request, onProgress) => {
      onProgress?.(progress(5));
      await tick();
      throw new Error("connection terminated unexpectedly");
    }) as typeof ingest;
    const lines = await readLines(await ingestAsNdjson(db, noBytes(), request, { run }));
    expect(lines[0]).toMatchObject({ type: "progress", rows: 5 });
    expect(lines[1]).toMatchObject({ type: "error", code: "internal", message: expect.stringMatching(/^Sorry, something went wrong on our side \(error id [0-9a-f]{8}\)\.$/) });
    expect(lines[1]).not.toHaveProperty("message", expect.stringContaining("connection"));
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("passes a file-level error found mid-file through as-is", async () => {
    const run = (async (_db, _source, _request, onProgress) => {
      onProgress?.(progress(5));
      await tick();
      throw new IngestFileError("Column 'timestamp' is missing.");
    }) as typeof ingest;
    const lines = await readLines(await ingestAsNdjson(db, noBytes(), request, { run }));
    expect(lines[1]).toEqual({ type: "error", code: "bad_file", message: "Column 'timestamp' is missing." });
  });
});

describe("ingestUploadQuerySchema", () => {
  it("reads format, mapping and time zone from the query string", () => {
    expect(
      ingestUploadQuerySchema.parse({ fileName: "a.csv", format: "auto", map: "user_id:CustomerID,timestamp=Date", timezone: "Europe/Berlin" }),
    ).toEqual({ fileName: "a.csv", format: undefined, map: { user_id: "CustomerID", timestamp: "Date" }, timezone: "Europe/Berlin" });
    expect(ingestUploadQuerySchema.parse({})).toEqual({ fileName: "upload", format: undefined, map: undefined, timezone: undefined });
  });

  it("explains bad values", () => {
    const bad = ingestUploadQuerySchema.safeParse({ format: "xlsx", map: "colour:Red", timezone: "Mars/Olympus" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toHaveLength(3);
    expect(messages[2]).toBe("timezone: Unknown time zone (use an IANA name such as Europe/Berlin)");
  });
});
