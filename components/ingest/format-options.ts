import { FORMATS, type FormatName } from "@/lib/ingest/types";

/** How each input format is named in the picker and described beside it. */
export const FORMAT_DESCRIPTIONS: Record<FormatName, { title: string; detail: string }> = {
  csv: { title: "CSV", detail: "header row, one event per row" },
  ndjson: { title: "NDJSON", detail: "one JSON object per line" },
  transactions: { title: "Transaction log", detail: "customer, date, amount (CDNOW style)" },
  segment: { title: "Segment", detail: "track / page / identify calls" },
  amplitude: { title: "Amplitude", detail: "Export API NDJSON" },
  mixpanel: { title: "Mixpanel", detail: "raw event export" },
  ga4: { title: "GA4", detail: "BigQuery export rows" },
};

export const FORMAT_OPTIONS = FORMATS.map((format) => ({ value: format, ...FORMAT_DESCRIPTIONS[format] }));

/** The event fields a column mapping can name, in form order. */
export const MAPPING_FIELDS = [
  { field: "user_id", label: "User ID column" },
  { field: "event_name", label: "Event name column" },
  { field: "timestamp", label: "Timestamp column" },
  { field: "revenue", label: "Revenue column" },
  { field: "insert_id", label: "Insert ID column" },
  { field: "quantity", label: "Quantity column" },
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number]["field"];
