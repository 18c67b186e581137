import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat, HEAD_BYTES } from "./detect";
import { sniffEncoding } from "./encoding-sniff";
import { encode, SAMPLE_FILES } from "./parse-testing";
import { IngestFileError } from "./types";

const CDNOW = SAMPLE_FILES.cdnow;
const GA4 = SAMPLE_FILES.ga4;
const AMPLITUDE = SAMPLE_FILES.amplitude;

const bytes = (...values: number[]) => new Uint8Array(values);

describe("detectFormat: files that are not usable text", () => {
  it("refuses an empty file and a file of blank lines (with or without BOM)", () => {
    expect(() => detectFormat(new Uint8Array())).toThrow(new IngestFileError("The file is empty (0 bytes)"));
    expect(() => detectFormat(encode("\uFEFF  \r\n\n\t\n"))).toThrow("The file is empty: it contains only blank lines or spaces");
    expect(() => detectFormat(bytes(0xef, 0xbb, 0xbf))).toThrow("The file is empty");
  });

  it("names compressed and spreadsheet files", () => {
    const gzip = bytes(0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48);
    expect(() => detectFormat(gzip)).toThrow(new IngestFileError("This looks like a binary file (gzip); upload the uncompressed CSV or NDJSON"));
    const xlsx = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00);
    expect(() => detectFormat(xlsx)).toThrow("This looks like a binary file (ZIP archive or Excel .xlsx workbook)");
    expect(() => detectFormat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toThrow("Excel .xls");
    expect(() => detectFormat(encode("PAR1\u0015\u0004"))).toThrow("(Parquet)");
  });

  it("refuses unknown binary data by NUL bytes or a high share of unreadable bytes", () => {
    const noisy = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < noisy.length; i++) noisy[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    expect(() => detectFormat(noisy)).toThrow(/^This looks like a binary file/);
    const noNul = noisy.map((b) => (b === 0 ? 1 : b));
    expect(() => detectFormat(noNul)).toThrow(/^This looks like a binary file \(\d+ unreadable bytes/);
    expect(() => detectFormat(encode("user_id,event\nu1\u0000,x\n"))).toThrow("This looks like a binary file (it contains NUL bytes)");
  });

  it("explains UTF-16", () => {
    expect(() => detectFormat(bytes(0xff, 0xfe, 0x75, 0x00, 0x73, 0x00))).toThrow(/UTF-16 encoded; save it as UTF-8/);
    const utf16WithoutBom = new Uint8Array([..."user_id,event,ts\n"].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(() => detectFormat(utf16WithoutBom)).toThrow(/UTF-16/);
  });

  it("reads legacy Windows-1252 exports as such, UTF-8 as UTF-8", () => {
    const latin = bytes(...encode("user_id,event,timestamp,city\nu1,visit,2024-01-01,Z"), 0xfc, ...encode("rich\n"));
    expect(sniffEncoding(latin, true)).toBe("windows-1252");
    expect(sniffEncoding(encode("city\nZürich 😀\n"), true)).toBe("utf-8");
    // A character cut by the 64 KB boundary is not an error when the head is not the whole file.
    expect(sniffEncoding(encode("city\nZü").subarray(0, 7), false)).toBe("utf-8");
  });
});

describe("detectFormat: delimited files", () => {
  it("detects commas with a header and maps columns", () => {
    expect(detectFormat(encode("user_id,event,timestamp,plan\nu1,signup,2024-01-01T00:00:00Z,pro\n"))).toEqual({
      format: "csv",
      delimiter: ",",
      hasHeader: true,
      columns: ["user_id", "event", "timestamp", "plan"],
      mapping: { user_id: "user_id", event_name: "event", timestamp: "timestamp" },
      encoding: "utf-8",
    });
  });

  it("detects semicolons even when values contain decimal commas, and tabs and pipes", () => {
    const semicolons = detectFormat(encode("user;event;ts;revenue\nu1;buy;2024-01-01;12,50\nu2;buy;2024-01-02;3,10\n"));
    expect([semicolons.format, semicolons.delimiter, semicolons.columns]).toEqual(["csv", ";", ["user", "event", "ts", "revenue"]]);
    expect(detectFormat(encode("user\tevent\tts\nu1\tsignup, then left\t2024-01-01\n")).delimiter).toBe("\t");
    expect(detectFormat(encode("user|event|ts\nu1|a,b|2024-01-01\n")).delimiter).toBe("|");
  });

  it("reads quoted header cells that contain the delimiter", () => {
    const detected = detectFormat(encode('"user, id",event,ts\n"u,1",a,2024-01-01\n'));
    expect(detected.columns).toEqual(["user, id", "event", "ts"]);
  });

  it("notices a first line that is data, not a header", () => {
    const detected = detectFormat(encode("u1,signup,2024-01-01T00:00:00Z\nu2,signup,2024-01-02T00:00:00Z\n"));
    expect(detected).toMatchObject({ format: "csv", hasHeader: false, firstRecord: ["u1", "signup", "2024-01-01T00:00:00Z"] });
  });

  it("refuses a chosen delimiter that leaves the header in one column when another splits it", () => {
    expect(() => detectFormat(encode("user_id,event,ts\nu1,a,2024-01-01\n"), { delimiter: ";" })).toThrow(
      new IngestFileError(
        'The header has only one column when split on semicolons (;) ("user_id,event,ts"), but commas (,) split it into 3 columns on every line; choose commas (,) as the delimiter',
      ),
    );
    expect(detectFormat(encode("a;b,c\n1;2,3\n"), { delimiter: ";" }).columns).toEqual(["a", "b,c"]);
  });

  it("recognizes the CDNOW transaction log (whitespace-aligned, header of words)", () => {
    const head = readFileSync(CDNOW).subarray(0, HEAD_BYTES);
    expect(detectFormat(head)).toEqual({
      format: "transactions",
      delimiter: "whitespace",
      hasHeader: true,
      columns: ["customer_id", "date", "number_of_cds", "dollar_value"],
      mapping: { user_id: "customer_id", timestamp: "date", quantity: "number_of_cds", revenue: "dollar_value" },
      encoding: "utf-8",
    });
  });

  it("recognizes a header-less transaction log and names its columns by position", () => {
    const detected = detectFormat(encode(" 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n"));
    expect(detected).toMatchObject({
      format: "transactions",
      delimiter: "whitespace",
      hasHeader: false,
      columns: ["customer_id", "date", "quantity", "amount"],
    });
    expect(detectFormat(encode("c1,2024-01-03,19.99\nc2,2024-01-04,5\n"))).toMatchObject({
      format: "transactions",
      delimiter: ",",
      hasHeader: false,
      columns: ["customer_id", "date", "amount"],
    });
  });

  it("calls a CSV with customer and amount but no event column a transaction log", () => {
    const detected = detectFormat(encode("customer,date,amount,quantity\nc1,2024-01-03,19.99,1\n"));
    expect(detected).toMatchObject({
      format: "transactions",
      delimiter: ",",
      hasHeader: true,
      mapping: { user_id: "customer", timestamp: "date", revenue: "amount", quantity: "quantity" },
    });
  });
});

describe("detectFormat: JSON", () => {
  it("recognizes the real GA4 and Amplitude samples", () => {
    expect(detectFormat(readFileSync(GA4).subarray(0, HEAD_BYTES))).toMatchObject({ format: "ga4", jsonArray: false });
    expect(detectFormat(readFileSync(AMPLITUDE))).toMatchObject({ format: "amplitude", jsonArray: false });
  });

  it("recognizes Segment (lines or an array), Mixpanel and generic NDJSON", () => {
    const segment = '{"type":"track","event":"Signed Up","userId":"u1","timestamp":"2024-01-01T00:00:00Z","messageId":"m1"}\n';
    expect(detectFormat(encode(segment)).format).toBe("segment");
    expect(detectFormat(encode(`[\n  ${segment.trim()}\n]`))).toMatchObject({ format: "segment", jsonArray: true });
    const mixpanel = '{"event":"Signed Up","properties":{"distinct_id":"u1","time":1704067200,"$insert_id":"a"}}\n';
    expect(detectFormat(encode(mixpanel)).format).toBe("mixpanel");
    const generic = detectFormat(encode('{"uid":"u1","action":"login","at":"2024-01-01T00:00:00Z","ts":1}\n'));
    expect(generic).toMatchObject({ format: "ndjson", columns: ["uid", "action", "at", "ts"], mapping: { user_id: "uid", event_name: "action", timestamp: "ts" } });
  });

  it("refuses pretty-printed objects and JSON that does not parse", () => {
    expect(() => detectFormat(encode('{\n  "user_id": "u1"\n}\n'))).toThrow(/one JSON object spread over several lines/);
    expect(() => detectFormat(encode("{user_id: u1}\n{user_id: u2}\n"))).toThrow(
      /^The file starts like JSON, but its first lines are not valid JSON \(.+ at position 1\); upload one JSON object per line/,
    );
  });
});
