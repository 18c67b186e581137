import { CsvRecordReader, MAX_RECORD_CHARS, type CsvRecordSink } from "./csv-reader";
import { jsonErrorMessage } from "./detect";
import type { JsonConverter } from "./formats/event-fields";
import { JsonArrayReader, type JsonElementSink } from "./json-array-reader";
import { LineReader, MAX_LINE_CHARS, splitOnWhitespace } from "./line-reader";
import type { ParsePlan } from "./parse-plan";
import { rejectRow } from "./rejection";
import type { ParsedRow } from "./types";

/**
 * Decoded text in, rows out: the record reader the plan calls for (CSV, whitespace lines, NDJSON lines or a
 * JSON array) feeding the plan's converter. Rows collect in `rows` until the caller takes them; records on
 * lines ≤ `skipLinesThrough` are read (to keep line numbers right) but not converted.
 */
export interface RowPipeline {
  push(text: string): void;
  end(): void;
  /** Rows produced since the last take. */
  readonly pending: number;
  take(): ParsedRow[];
}

export function createRowPipeline(plan: ParsePlan, skipLinesThrough = 0): RowPipeline {
  let rows: ParsedRow[] = [];
  const emit = (row: ParsedRow) => {
    rows.push(row);
  };
  const reader = plan.kind === "delimited" ? delimitedReader(plan, skipLinesThrough, emit) : jsonReader(plan, skipLinesThrough, emit);
  return {
    // Lone-CR files contain no LF, so every CR is a line break (inside quotes too, where it is kept as LF).
    push: plan.crLineBreaks ? (text) => reader.push(text.replaceAll("\r", "\n")) : reader.push,
    end: reader.end,
    get pending() {
      return rows.length;
    },
    take() {
      const taken = rows;
      rows = [];
      return taken;
    },
  };
}

interface TextReader {
  push(text: string): void;
  end(): void;
}

function delimitedReader(plan: Extract<ParsePlan, { kind: "delimited" }>, skip: number, emit: (row: ParsedRow) => void): TextReader {
  let headerPending = plan.hasHeader;
  const convert = plan.convert;
  const onRecord = (fields: string[], line: number) => {
    if (headerPending) {
      headerPending = false;
      return;
    }
    if (line > skip) emit(convert(fields, line));
  };
  const onMalformed = (line: number, text: string, reason: string) => {
    if (headerPending) headerPending = false;
    else if (line > skip) emit(rejectRow(line, "", text, reason));
  };

  if (plan.delimiter === "whitespace") {
    const lines = new LineReader(MAX_RECORD_CHARS);
    const onLine = (text: string, line: number) => onRecord(splitOnWhitespace(text), line);
    const onTooLong = (line: number, prefix: string) => onMalformed(line, prefix, `line is longer than ${MAX_RECORD_CHARS >> 20} MB`);
    return { push: (text) => lines.push(text, onLine, onTooLong), end: () => lines.end(onLine) };
  }
  const csv = new CsvRecordReader(plan.delimiter);
  const sink: CsvRecordSink = { record: onRecord, malformed: onMalformed };
  return { push: (text) => csv.push(text, sink), end: () => csv.end(sink) };
}

function jsonReader(plan: Extract<ParsePlan, { kind: "json" }>, skip: number, emit: (row: ParsedRow) => void): TextReader {
  const convert: JsonConverter = plan.convert;
  const onText = (text: string, line: number) => {
    if (line <= skip) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      emit(rejectRow(line, "", text, `invalid JSON: ${jsonErrorMessage(error)}`));
      return;
    }
    emit(convert(value, line, text));
  };
  if (plan.jsonArray) {
    const array = new JsonArrayReader();
    const sink: JsonElementSink = {
      element: onText,
      malformed: (line, text, reason) => {
        if (line > skip) emit(rejectRow(line, "", text, reason));
      },
    };
    return { push: (text) => array.push(text, sink), end: () => array.end(sink) };
  }
  const lines = new LineReader();
  const onTooLong = (line: number, prefix: string) => {
    if (line > skip) emit(rejectRow(line, "", prefix, `line is longer than ${MAX_LINE_CHARS >> 20} MB`));
  };
  return { push: (text) => lines.push(text, onText, onTooLong), end: () => lines.end(onText) };
}
