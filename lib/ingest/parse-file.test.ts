import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BATCH_ROWS, parseFile, previewFile } from "./parse-file";
import { chunksOf, encode, eventsOf, parseAll, rejectMessages, SAMPLE_FILES } from "./parse-testing";
import { IngestFileError, type ParsedRow } from "./types";

const CDNOW = SAMPLE_FILES.cdnow;
const GA4 = SAMPLE_FILES.ga4;
const AMPLITUDE = SAMPLE_FILES.amplitude;

// BOM, CRLF, quoted delimiters, doubled quotes, quoted CRLF and LF newlines, 2-, 3- and 4-byte UTF-8, a blank line.
const TRICKY_CSV =
  "\uFEFFuser_id,event,timestamp,note\r\n" +
  'u1,signup,2024-01-01T00:00:00Z,"hello, ""world"""\r\n' +
  'ü2,view,2024-01-01T00:00:01Z,"multi\r\nline\nnote"\r\n' +
  "\r\n" +
  "u3,€vent,2024-01-01T00:00:02Z,😀 emoji\r\n" +
  "u4,bad,2024-13-01T00:00:00Z,x\r\n" +
  'u5,last,2024-01-01T00:00:03Z,"no newline at end"';

describe("parseFile: chunk boundaries do not change the result", () => {
  const inputs: [string, Uint8Array][] = [
    ["tricky CSV", encode(TRICKY_CSV)],
    ["NDJSON with CRLF, BOM and multi-byte text", encode('\uFEFF{"user_id":"ü","event":"a","ts":1704067200}\r\n\r\n{"user_id":"😀","event":"b","ts":"2024-01-01T00:00:00Z"}\r\n{"broken":\n')],
    ["JSON array", encode('[\n {"type":"track","event":"ünï","userId":"u","timestamp":"2024-01-01T00:00:00Z"},\n {"type":"page","userId":"v","timestamp":"2024-01-01T00:00:00Z"}\n]')],
    ["CDNOW head", readFileSync(CDNOW).subarray(0, 2000)],
  ];
  it.each(inputs)("%s: 1-byte chunks, 7-byte chunks and one chunk agree", async (_name, bytes) => {
    const whole = await parseAll(bytes);
    expect(whole.length).toBeGreaterThan(1);
    expect(await parseAll(bytes, {}, 1)).toEqual(whole);
    expect(await parseAll(bytes, {}, 7)).toEqual(whole);
  });

  it("the tricky CSV gives the right rows, values and start lines", async () => {
    const rows = await parseAll(encode(TRICKY_CSV), {}, 1);
    expect(rows.map((row) => (row.kind === "event" ? [row.line, row.userId, row.eventName, row.properties.note] : [row.line, row.reason]))).toEqual([
      [2, "u1", "signup", 'hello, "world"'],
      [3, "ü2", "view", "multi\r\nline\nnote"],
      [7, "u3", "€vent", "😀 emoji"],
      [8, "timestamp '2024-13-01T00:00:00Z' is not a date"],
      [9, "u5", "last", "no newline at end"],
    ]);
  });
});

describe("parseFile: line numbers", () => {
  it("reports the physical line where each record starts, across quoted newlines and blank lines", async () => {
    const csv = ["user_id,event,ts,comment", 'u1,a,2024-01-01,"one', "two", 'three"', "", "u2,b,2024-01-01,plain", 'u3,c,2011-13-01,"x', 'y"'].join("\n");
    const rows = await parseAll(csv);
    expect(rows.map((row) => row.line)).toEqual([2, 6, 7]);
    expect(rejectMessages(rows)).toEqual(["line 7: timestamp '2011-13-01' is not a date"]);
  });

  it("skipLinesThrough yields nothing for records starting on or before that line", async () => {
    const csv = ["user_id,event,ts", "u1,a,2024-01-01", 'u2,"b', 'c",2024-01-01', "u3,d,2024-01-01", "u4,e,2024-01-01"].join("\n");
    const all = await parseAll(csv);
    expect(all.map((row) => row.line)).toEqual([2, 3, 5, 6]);
    expect((await parseAll(csv, { skipLinesThrough: 3 })).map((row) => row.line)).toEqual([5, 6]);
    expect((await parseAll(csv, { skipLinesThrough: 4 })).map((row) => row.line)).toEqual([5, 6]);
    expect(await parseAll(csv, { skipLinesThrough: 100 })).toEqual([]);
    const ndjson = '{"user_id":"u","event":"a","ts":1704067200}\n{"user_id":"u","event":"b","ts":1704067200}\n';
    expect((await parseAll(ndjson, { skipLinesThrough: 1 })).map((row) => row.line)).toEqual([2]);
  });

  it("turns every non-blank line into exactly one row, in input order", async () => {
    const lines = ["user_id,event,ts"];
    for (let i = 0; i < 3 * BATCH_ROWS + 17; i++) lines.push(i % 97 === 0 ? `u${i},e,not-a-date` : `u${i},e,${1704067200 + i}`);
    const rows = await parseAll(lines.join("\n"), {}, 1000);
    expect(rows).toHaveLength(lines.length - 1);
    expect(rows.every((row, i) => row.line === i + 2)).toBe(true);
    expect(rows.filter((row) => row.kind === "reject")).toHaveLength(Math.ceil((3 * BATCH_ROWS + 17) / 97));
  });
});

describe("parseFile: streaming", () => {
  it("yields batches of a few thousand rows and reports bytes read", async () => {
    const text = readFileSync(CDNOW);
    const sizes: number[] = [];
    const progress: number[] = [];
    for await (const batch of parseFile(chunksOf(text, 100_000), { timezone: "UTC" }, (p) => progress.push(p.bytesRead))) sizes.push(batch.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(69_659);
    expect(sizes.slice(0, -1).every((size) => size >= BATCH_ROWS && size < 2 * BATCH_ROWS)).toBe(true);
    expect(progress.at(-1)).toBe(text.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("closes the source when the consumer stops early", async () => {
    let closed = false;
    const source = {
      [Symbol.asyncIterator]() {
        const inner = chunksOf(readFileSync(CDNOW), 4096);
        return {
          next: () => inner.next(),
          return: async () => {
            closed = true;
            return { done: true as const, value: undefined };
          },
        };
      },
    };
    for await (const batch of parseFile(source, { timezone: "UTC" })) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    expect(closed).toBe(true);
  });

  it("reads old Mac files whose lines end in a lone CR", async () => {
    const rows = await parseAll("user_id,event,ts\ru1,a,2024-01-01\r\ru2,\"b\rc\",2024-01-02\r", {}, 3);
    expect(rows.map((row) => row.kind === "event" && [row.line, row.userId, row.eventName])).toEqual([
      [2, "u1", "a"],
      [4, "u2", "b\nc"],
    ]);
  });

  it("parses the real GA4 and Amplitude samples", async () => {
    const ga4 = eventsOf(await parseAll(readFileSync(GA4), {}, 65_536));
    expect([ga4.length, new Set(ga4.map((e) => e.userId)).size, new Set(ga4.map((e) => e.eventName)).size, ga4[0]!.ts]).toEqual([460, 114, 9, 1604192073036]);
    expect(eventsOf(await parseAll(readFileSync(AMPLITUDE)))).toHaveLength(1);
  });
});

describe("parseFile: file-level errors", () => {
  const fails = (input: string | Uint8Array, options = {}) => parseAll(input, options);

  it("empty and blank files", async () => {
    await expect(fails(new Uint8Array())).rejects.toThrow(new IngestFileError("The file is empty (0 bytes)"));
    await expect(fails("\uFEFF\n  \n")).rejects.toThrow("The file is empty: it contains only blank lines or spaces");
  });

  it("binary files", async () => {
    await expect(fails(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).rejects.toThrow(
      "This looks like a binary file (gzip); upload the uncompressed CSV or NDJSON",
    );
  });

  it("a CSV whose first line is data", async () => {
    await expect(fails("u1,signup,2024-01-01T00:00:00Z\nu2,signup,2024-01-02T00:00:00Z\n")).rejects.toThrow(
      new IngestFileError(
        'The first line must be a header naming the columns (for example user_id,event,timestamp), but line 1 looks like data: "u1,signup,2024-01-01T00:00:00Z"',
      ),
    );
    await expect(fails("1,2,3\n4,5,6\n")).rejects.toThrow(/^The first line must be a header/);
    // The same header-less line is fine for a transaction log.
    await expect(fails("c1,2024-01-01,9.5\n", { format: "transactions" })).resolves.toHaveLength(1);
    await expect(fails("c1,2024-01-01,9.5\n", { format: "csv" })).rejects.toThrow(/^The first line must be a header/);
  });

  it("a file of another format than chosen", async () => {
    await expect(fails(readFileSync(AMPLITUDE), { format: "csv" })).rejects.toThrow(new IngestFileError("This file looks like Amplitude export NDJSON, not CSV"));
    await expect(fails(readFileSync(GA4), { format: "mixpanel" })).rejects.toThrow("This file looks like GA4 BigQuery export NDJSON, not Mixpanel export NDJSON");
    await expect(fails("user_id,event,ts\nu,e,2024-01-01\n", { format: "segment" })).rejects.toThrow("This file looks like CSV, not Segment JSON");
    await expect(fails(readFileSync(CDNOW).subarray(0, 5000), { format: "csv" })).rejects.toThrow(
      "This file looks like a whitespace-separated transaction log (customer, date, quantity, amount), not CSV",
    );
    await expect(fails('{"a":1,"b":2}\n', { format: "amplitude" })).rejects.toThrow(
      "This file does not look like Amplitude export NDJSON: its first objects have no event_type field (keys: a, b)",
    );
    // Generic NDJSON may read any vendor's rows through a mapping.
    const generic = await parseAll(readFileSync(AMPLITUDE), { format: "ndjson", mapping: { user_id: "device_id", event_name: "event_type", timestamp: "event_time" } });
    expect(generic[0]).toMatchObject({ kind: "event", userId: "a9f83f39-8cbb-429e-95a7-9bb7a1a15cb0", eventName: "session_end" });
  });

  it("a chosen delimiter that does not split the header", async () => {
    await expect(fails("user_id,event,ts\nu,e,2024-01-01\n", { delimiter: "\t" })).rejects.toThrow(
      'The header has only one column when split on tabs ("user_id,event,ts"), but commas (,) split it into 3 columns on every line; choose commas (,) as the delimiter',
    );
  });

  it("an unknown time zone", async () => {
    await expect(fails("user_id,event,ts\nu,e,2024-01-01\n", { timezone: "Mars/Base" })).rejects.toThrow(
      "Unknown time zone 'Mars/Base'; use an IANA name such as Europe/Berlin, America/New_York or UTC",
    );
  });

  it("throws before yielding any row", async () => {
    const yielded: ParsedRow[][] = [];
    await expect(
      (async () => {
        for await (const batch of parseFile(chunksOf(encode("a,b\n1x,2x\n")), { timezone: "UTC" })) yielded.push(batch);
      })(),
    ).rejects.toBeInstanceOf(IngestFileError);
    expect(yielded).toEqual([]);
  });
});

describe("previewFile", () => {
  it("shows format, columns, mapping and the first five rows", () => {
    const preview = previewFile(readFileSync(CDNOW).subarray(0, 65_536), { timezone: "UTC" });
    expect(preview).toMatchObject({
      format: "transactions",
      delimiter: "whitespace",
      hasHeader: true,
      columns: ["customer_id", "date", "number_of_cds", "dollar_value"],
      mapping: { user_id: "customer_id", timestamp: "date", revenue: "dollar_value", quantity: "number_of_cds" },
    });
    expect(preview.rows.map((row) => row.kind === "event" && [row.line, row.userId, row.revenue])).toEqual([
      [2, "00001", 11.77],
      [3, "00002", 12],
      [4, "00002", 77],
      [5, "00003", 20.76],
      [6, "00003", 20.76],
    ]);
  });

  it("includes rejected rows and does not show a line cut by the end of the head", () => {
    const preview = previewFile(encode("user_id,event,ts\nu1,a,2011-13-01\nu2,b,2024-01-01\n"), { timezone: "UTC" });
    expect(preview.rows.map((row) => row.kind)).toEqual(["reject", "event"]);
    const ndjson = readFileSync(GA4).subarray(0, 65_536); // ends mid-object
    const rows = previewFile(ndjson, { timezone: "UTC" }).rows;
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.kind === "event")).toBe(true);
  });

  it("throws the same file-level errors as parseFile", () => {
    expect(() => previewFile(encode(""), { timezone: "UTC" })).toThrow(IngestFileError);
    expect(() => previewFile(readFileSync(AMPLITUDE), { timezone: "UTC", format: "ga4" })).toThrow("This file looks like Amplitude export NDJSON, not GA4 BigQuery export NDJSON");
  });
});
