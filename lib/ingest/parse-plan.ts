import { detectFormat, JSON_FORMATS, type Delimiter, type FormatDetection } from "./detect";
import type { TextEncodingName } from "./encoding-sniff";
import { createAmplitudeConverter } from "./formats/amplitude";
import { createCsvConverter } from "./formats/csv";
import type { FieldsConverter, JsonConverter } from "./formats/event-fields";
import { createGa4Converter } from "./formats/ga4";
import { createMixpanelConverter } from "./formats/mixpanel";
import { createNdjsonConverter } from "./formats/ndjson";
import { createSegmentConverter } from "./formats/segment";
import { createTransactionsConverter } from "./formats/transactions";
import { isValidTimeZone } from "./timestamp";
import { IngestFileError, type ColumnMapping, type FormatName, type ParseOptions } from "./types";

/**
 * Everything decided before the first row is read: the format (detected, or chosen and checked against what
 * the file looks like), the delimiter, the header, the column mapping and the row converter. All file-level
 * problems surface here as IngestFileError, before a single row is produced.
 */

export interface ParseFileOptions extends ParseOptions {
  /** Delimiter the user chose for CSV / transaction logs; detected when absent. */
  delimiter?: Delimiter;
}

export type ParsePlan =
  | {
      kind: "delimited";
      format: "csv" | "transactions";
      encoding: TextEncodingName;
      crLineBreaks: boolean;
      delimiter: Delimiter;
      /** Line 1 (the first non-blank record) is a header and yields no row. */
      hasHeader: boolean;
      columns: string[];
      mapping: ColumnMapping;
      convert: FieldsConverter;
    }
  | {
      kind: "json";
      format: Exclude<FormatName, "csv" | "transactions">;
      encoding: TextEncodingName;
      crLineBreaks: boolean;
      jsonArray: boolean;
      columns: string[];
      mapping?: ColumnMapping;
      convert: JsonConverter;
    };

const FORMAT_LABELS: Record<FormatName, string> = {
  csv: "CSV",
  ndjson: "NDJSON",
  transactions: "a transaction log",
  segment: "Segment JSON",
  amplitude: "Amplitude export NDJSON",
  mixpanel: "Mixpanel export NDJSON",
  ga4: "GA4 BigQuery export NDJSON",
};

/** Fields without which a chosen vendor format cannot be what the file is. */
const VENDOR_SIGNATURE_KEYS: Partial<Record<FormatName, readonly string[]>> = {
  segment: ["type"],
  amplitude: ["event_type"],
  mixpanel: ["event", "properties"],
  ga4: ["event_name", "event_timestamp"],
};

export function formatLabel(format: FormatName): string {
  return FORMAT_LABELS[format];
}

/**
 * @throws IngestFileError when the file cannot be parsed as asked: unknown time zone, empty or binary file,
 * a chosen delimiter that does not split the header, a CSV without a header, a file of another format than
 * the one chosen, or columns that cannot be mapped.
 */
export function planParse(head: Uint8Array, complete: boolean, options: ParseFileOptions): ParsePlan {
  requireTimeZone(options.timezone);
  const detection = detectFormat(head, { complete, delimiter: options.delimiter });
  const format = chooseFormat(detection, options.format);
  const columns = detection.columns ?? [];

  if (format === "csv" || format === "transactions") {
    const delimiter = detection.delimiter ?? ",";
    const shown = delimiter === "whitespace" ? " " : delimiter;
    if (format === "csv" && !detection.hasHeader) throw missingHeader(detection, delimiter);
    const converterOptions = { timezone: options.timezone, mapping: options.mapping, delimiter: shown };
    const converter =
      format === "csv"
        ? createCsvConverter(columns, converterOptions)
        : createTransactionsConverter(detection.hasHeader ? columns : null, columns.length, converterOptions);
    return {
      kind: "delimited",
      format,
      encoding: detection.encoding,
      crLineBreaks: detection.crLineBreaks ?? false,
      delimiter,
      hasHeader: detection.hasHeader ?? true,
      columns: converter.columns,
      mapping: converter.mapping,
      convert: converter.convert,
    };
  }

  const base = { encoding: detection.encoding, crLineBreaks: detection.crLineBreaks ?? false, jsonArray: detection.jsonArray ?? false, columns };
  switch (format) {
    case "ndjson": {
      const converter = createNdjsonConverter(columns, { timezone: options.timezone, mapping: options.mapping });
      return { kind: "json", format, ...base, mapping: converter.mapping, convert: converter.convert };
    }
    case "segment":
      return { kind: "json", format, ...base, convert: createSegmentConverter({ timezone: options.timezone }) };
    case "amplitude":
      return { kind: "json", format, ...base, convert: createAmplitudeConverter() };
    case "mixpanel":
      return { kind: "json", format, ...base, convert: createMixpanelConverter({ timezone: options.timezone }) };
    case "ga4":
      return { kind: "json", format, ...base, convert: createGa4Converter() };
  }
}

export function requireTimeZone(timezone: string): void {
  if (!isValidTimeZone(timezone)) {
    throw new IngestFileError(`Unknown time zone '${timezone}'; use an IANA name such as Europe/Berlin, America/New_York or UTC`);
  }
}

/** The format to parse with: the detected one, or the chosen one unless the file is clearly something else. */
function chooseFormat(detection: FormatDetection, chosen: FormatName | undefined): FormatName {
  const detected = detection.format;
  if (chosen === undefined || chosen === detected) return detected;
  const detectedJson = JSON_FORMATS.has(detected);
  const chosenJson = JSON_FORMATS.has(chosen);
  const mismatch = () => new IngestFileError(`This file looks like ${describeDetected(detection)}, not ${formatLabel(chosen)}`);
  if (detectedJson !== chosenJson) throw mismatch();
  if (chosenJson) {
    // Generic NDJSON can read any vendor's rows through a mapping; two different vendors cannot both be right.
    if (chosen === "ndjson") return chosen;
    if (detected !== "ndjson") throw mismatch();
    const keys = detection.columns ?? [];
    const required = VENDOR_SIGNATURE_KEYS[chosen] ?? [];
    const missing = required.filter((key) => !keys.includes(key));
    if (missing.length > 0) {
      throw new IngestFileError(
        `This file does not look like ${formatLabel(chosen)}: its first objects have no ${missing.join(" or ")} field (keys: ${keys.slice(0, 30).join(", ")})`,
      );
    }
    return chosen;
  }
  // csv ↔ transactions
  if (chosen === "csv" && detection.delimiter === "whitespace") throw mismatch();
  return chosen;
}

function describeDetected(detection: FormatDetection): string {
  if (detection.format === "transactions" && detection.delimiter === "whitespace") {
    return "a whitespace-separated transaction log (customer, date, quantity, amount)";
  }
  if (detection.format === "ndjson" && detection.jsonArray) return "a JSON array";
  return formatLabel(detection.format);
}

function missingHeader(detection: FormatDetection, delimiter: Delimiter): IngestFileError {
  const separator = delimiter === "whitespace" ? " " : delimiter;
  const firstLine = (detection.firstRecord ?? []).join(separator);
  const example = ["user_id", "event", "timestamp"].join(separator === "\t" ? "\\t" : separator);
  return new IngestFileError(
    `The first line must be a header naming the columns (for example ${example}), but line 1 looks like data: "${firstLine.slice(0, 120)}"`,
  );
}
