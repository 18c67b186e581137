import { detectColumnMapping, uniqueColumnNames } from "./column-mapping";
import { CsvRecordReader } from "./csv-reader";
import { parseDecimal } from "./decimal";
import { sniffEncoding, type TextEncodingName } from "./encoding-sniff";
import { POSITIONAL_TRANSACTION_COLUMNS } from "./formats/transactions";
import { isJsonObject } from "./json-value";
import { JsonArrayReader } from "./json-array-reader";
import { LineReader, splitOnWhitespace } from "./line-reader";
import { parseTimestamp } from "./timestamp";
import { IngestFileError, type ColumnMapping, type FormatName } from "./types";

/**
 * Format sniffing from the first 64 KB of a file: text or binary, JSON or delimited, which vendor export,
 * which delimiter, header or not, and a first guess of the column mapping. It describes what it sees; the
 * parse plan (parse-plan.ts) decides whether that fits what the user asked for.
 */

export const HEAD_BYTES = 64 * 1024;

/** `whitespace` = runs of spaces/tabs, as in fixed-width transaction logs. */
export type Delimiter = "," | ";" | "\t" | "|" | "whitespace";
export const CSV_DELIMITERS: readonly Delimiter[] = [",", "\t", ";", "|"];

export const JSON_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(["ndjson", "segment", "amplitude", "mixpanel", "ga4"]);

export interface FormatDetection {
  format: FormatName;
  mapping?: ColumnMapping;
  delimiter?: Delimiter;
  /** Header names (delimited), keys seen in the first objects (JSON), or positional names (headerless). */
  columns?: string[];
  /** Delimited formats: whether line 1 is a header. */
  hasHeader?: boolean;
  /** JSON formats: one top-level array rather than one object per line. */
  jsonArray?: boolean;
  encoding: TextEncodingName;
  /** True when lines end in a lone CR (old Mac "CSV (Macintosh)" exports); such text is read with CR as LF. */
  crLineBreaks?: boolean;
  /** Delimited files whose first line looks like data: that line's fields, for the "needs a header" message. */
  firstRecord?: string[];
}

export interface DetectOptions {
  /** Whether `head` is the whole file; default: shorter than {@link HEAD_BYTES}. */
  complete?: boolean;
  /** A delimiter the user chose; checked against the header. */
  delimiter?: Delimiter;
}

const SAMPLE_RECORDS = 50;
const SAMPLE_OBJECTS = 20;

/** @throws IngestFileError for empty, binary and unreadable files, and for a chosen delimiter that is clearly wrong. */
export function detectFormat(head: Uint8Array, options: DetectOptions = {}): FormatDetection {
  let complete = options.complete ?? head.length < HEAD_BYTES;
  let bytes = head;
  if (head.length > HEAD_BYTES) {
    bytes = head.subarray(0, HEAD_BYTES);
    complete = false;
  }
  if (bytes.length === 0) throw new IngestFileError("The file is empty (0 bytes)");
  const encoding = sniffEncoding(bytes, complete);
  const decoded = new TextDecoder(encoding).decode(bytes);
  const crLineBreaks = usesCrLineBreaks(decoded);
  const text = cutToCompleteLines(crLineBreaks ? decoded.replaceAll("\r", "\n") : decoded, complete);
  const start = firstNonSpace(text);
  if (start < 0) {
    throw new IngestFileError(
      complete
        ? "The file is empty: it contains only blank lines or spaces"
        : "The file starts with 64 KB of blank lines or spaces; remove them and upload it again",
    );
  }
  const firstChar = text[start];
  const detection =
    firstChar === "{"
      ? detectJsonLines(text, encoding)
      : firstChar === "["
        ? detectJsonArray(text, encoding)
        : detectDelimited(text, encoding, options.delimiter);
  return crLineBreaks ? { ...detection, crLineBreaks } : detection;
}

/** Lone CRs and no LF at all: an old Mac export, not CRLF (which has both). */
export function usesCrLineBreaks(text: string): boolean {
  return text.indexOf("\n") < 0 && text.indexOf("\r") >= 0;
}

/** The head as text (CR line breaks turned into LF when asked), cut after its last complete line unless it is the whole file. */
export function decodeHead(bytes: Uint8Array, encoding: TextEncodingName, complete: boolean, crLineBreaks = false): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return cutToCompleteLines(crLineBreaks ? text.replaceAll("\r", "\n") : text, complete);
}

function cutToCompleteLines(text: string, complete: boolean): string {
  if (complete) return text;
  const lastLineEnd = text.lastIndexOf("\n");
  return lastLineEnd < 0 ? text : text.slice(0, lastLineEnd + 1);
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xfeff && code !== 12) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------
// JSON

function detectJsonLines(text: string, encoding: TextEncodingName): FormatDetection {
  const lines: string[] = [];
  const reader = new LineReader();
  const collect = (line: string) => {
    if (lines.length < SAMPLE_OBJECTS) lines.push(line);
  };
  reader.push(text, collect);
  reader.end(collect);
  const objects: unknown[] = [];
  let firstError: string | null = null;
  for (const line of lines) {
    try {
      objects.push(JSON.parse(line));
    } catch (error) {
      firstError ??= jsonErrorMessage(error);
    }
  }
  if (objects.length === 0) {
    if (lines[0]?.trim() === "{") {
      throw new IngestFileError(
        "This looks like one JSON object spread over several lines; upload one JSON object per line (NDJSON) or a JSON array of objects",
      );
    }
    throw new IngestFileError(
      `The file starts like JSON, but its first lines are not valid JSON (${firstError}); upload one JSON object per line (NDJSON) or a JSON array of objects`,
    );
  }
  return classifyJson(objects, encoding, false);
}

function detectJsonArray(text: string, encoding: TextEncodingName): FormatDetection {
  const objects: unknown[] = [];
  const reader = new JsonArrayReader();
  reader.push(text, {
    element(elementText) {
      if (objects.length >= SAMPLE_OBJECTS) return;
      try {
        objects.push(JSON.parse(elementText));
      } catch {
        // a bad element is the parser's business (a rejected row), not detection's
      }
    },
    malformed() {},
  });
  return classifyJson(objects, encoding, true);
}

/** Node prints "Unexpected token } in JSON at position 17"; "in JSON" is noise in our messages. */
export function jsonErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(" in JSON at position", " at position");
}

const SEGMENT_TYPES = new Set(["track", "page", "screen", "identify", "group", "alias"]);

/** Which vendor export one JSON object comes from, by the field names only that vendor uses. */
export function classifyJsonObject(value: unknown): FormatName {
  if (!isJsonObject(value)) return "ndjson";
  if ("event_timestamp" in value && "event_name" in value && ("user_pseudo_id" in value || "event_params" in value)) return "ga4";
  if (
    "event_type" in value &&
    ("$insert_id" in value || "amplitude_id" in value || ("event_time" in value && ("device_id" in value || "event_properties" in value)))
  ) {
    return "amplitude";
  }
  if (typeof value.type === "string" && SEGMENT_TYPES.has(value.type) && ("userId" in value || "anonymousId" in value || "messageId" in value)) {
    return "segment";
  }
  if (typeof value.event === "string" && isJsonObject(value.properties)) {
    const properties = value.properties;
    if ("distinct_id" in properties || "time" in properties || "$insert_id" in properties) return "mixpanel";
  }
  return "ndjson";
}

function classifyJson(objects: readonly unknown[], encoding: TextEncodingName, jsonArray: boolean): FormatDetection {
  const votes = new Map<FormatName, number>();
  const keys = new Set<string>();
  for (const value of objects) {
    const kind = classifyJsonObject(value);
    votes.set(kind, (votes.get(kind) ?? 0) + 1);
    if (isJsonObject(value)) for (const key of Object.keys(value)) keys.add(key);
  }
  let format: FormatName = "ndjson";
  let best = 0;
  for (const [kind, count] of votes) {
    if (count > best) {
      format = kind;
      best = count;
    }
  }
  const columns = [...keys];
  return {
    format,
    columns,
    mapping: format === "ndjson" ? detectColumnMapping(columns) : undefined,
    jsonArray,
    encoding,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Delimited text

interface DelimiterCandidate {
  delimiter: Delimiter;
  records: string[][];
  width: number;
  /** Share of sampled rows after the first with as many fields as the first. */
  consistency: number;
}

function detectDelimited(text: string, encoding: TextEncodingName, chosen: Delimiter | undefined): FormatDetection {
  const candidates = CSV_DELIMITERS.map((delimiter) => scoreCandidate(delimiter, sampleRecords(text, delimiter)));
  const best = candidates
    .filter((candidate) => candidate.width >= 2)
    .sort((a, b) => b.consistency - a.consistency || b.width - a.width)[0];

  let picked: DelimiterCandidate;
  if (chosen !== undefined) {
    picked = scoreCandidate(chosen, sampleRecords(text, chosen));
    if (picked.width === 1 && best && best.delimiter !== chosen && best.consistency >= 0.8) {
      const headerLine = text.slice(0, Math.max(0, text.indexOf("\n"))).replace(/\r$/, "") || text;
      throw new IngestFileError(
        `The header has only one column when split on ${delimiterName(chosen)} ("${headerLine.slice(0, 80)}"), but ${delimiterName(best.delimiter)} split it into ${best.width} columns on every line; choose ${delimiterName(best.delimiter)} as the delimiter`,
      );
    }
  } else if (best) picked = best;
  else {
    const whitespace = scoreCandidate("whitespace", sampleRecords(text, "whitespace"));
    // Aligned columns with a majority of rows the width of the first line; a sentence has no such pattern.
    picked = whitespace.width >= 2 && whitespace.consistency >= 0.5 ? whitespace : candidates[0]!;
  }

  const { delimiter, records, width } = picked;
  const first = records[0] ?? [];
  const sample = records.slice(0, 20);
  // Lenient on purpose: a header-less file that is not a transaction log is refused anyway ("needs a header").
  const transactionShaped = sample.length > 0 && sample.filter(isTransactionShaped).length >= 0.5 * sample.length;
  if (looksLikeData(first)) {
    const positional = POSITIONAL_TRANSACTION_COLUMNS[width];
    if (transactionShaped && positional) {
      const columns = [...positional];
      return {
        format: "transactions",
        delimiter,
        hasHeader: false,
        columns,
        mapping: detectColumnMapping(columns),
        encoding,
        firstRecord: first,
      };
    }
    return { format: "csv", delimiter, hasHeader: false, columns: first, encoding, firstRecord: first };
  }

  const columns = uniqueColumnNames(first);
  const mapping = detectColumnMapping(columns);
  const dataShaped = records.length > 1 && records.slice(1, 21).filter(isTransactionShaped).length >= 0.8 * Math.min(20, records.length - 1);
  const isTransactions =
    (mapping.event_name === undefined && mapping.user_id !== undefined && mapping.revenue !== undefined && mapping.timestamp !== undefined) ||
    (delimiter === "whitespace" && dataShaped);
  return { format: isTransactions ? "transactions" : "csv", delimiter, hasHeader: true, columns, mapping, encoding };
}

function sampleRecords(text: string, delimiter: Delimiter): string[][] {
  const records: string[][] = [];
  if (delimiter === "whitespace") {
    const reader = new LineReader();
    const collect = (line: string) => {
      if (records.length < SAMPLE_RECORDS) records.push(splitOnWhitespace(line));
    };
    reader.push(text, collect);
    reader.end(collect);
    return records;
  }
  const reader = new CsvRecordReader(delimiter);
  const sink = {
    record(fields: string[]) {
      if (records.length < SAMPLE_RECORDS) records.push(fields);
    },
    malformed() {},
  };
  reader.push(text, sink);
  reader.end(sink);
  return records;
}

function scoreCandidate(delimiter: Delimiter, records: string[][]): DelimiterCandidate {
  const width = records[0]?.length ?? 0;
  const rows = records.slice(1);
  const consistent = rows.filter((row) => row.length === width).length;
  return { delimiter, records, width, consistency: rows.length === 0 ? 1 : consistent / rows.length };
}

/** A header names columns; a first line with a date, an epoch value or only numbers is data. */
export function looksLikeData(fields: readonly string[]): boolean {
  const cells = fields.map((field) => field.trim()).filter((field) => field !== "");
  if (cells.length === 0) return false;
  if (cells.every((cell) => parseDecimal(cell) !== null)) return true;
  return cells.some((cell) => typeof parseTimestamp(cell, "UTC") === "number");
}

/** customer id, date, [quantity,] amount. */
function isTransactionShaped(fields: readonly string[]): boolean {
  if (fields.length !== 3 && fields.length !== 4) return false;
  if (fields[0]!.trim() === "" || typeof parseTimestamp(fields[1]!, "UTC") !== "number") return false;
  if (parseDecimal(fields[fields.length - 1]!) === null) return false;
  return fields.length === 3 || parseDecimal(fields[2]!) !== null;
}

export function delimiterName(delimiter: Delimiter): string {
  switch (delimiter) {
    case ",":
      return "commas (,)";
    case ";":
      return "semicolons (;)";
    case "\t":
      return "tabs";
    case "|":
      return "pipes (|)";
    case "whitespace":
      return "spaces";
  }
}
