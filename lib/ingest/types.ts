import { z } from "zod";

export const FORMATS = ["csv", "ndjson", "transactions", "segment", "amplitude", "mixpanel", "ga4"] as const;
export const formatSchema = z.enum(FORMATS);
export type FormatName = z.infer<typeof formatSchema>;

/** Which source column feeds which event field (generic CSV / NDJSON). */
export const columnMappingSchema = z
  .object({
    user_id: z.string().min(1),
    event_name: z.string().min(1),
    timestamp: z.string().min(1),
    revenue: z.string().min(1),
    insert_id: z.string().min(1),
    quantity: z.string().min(1),
  })
  .partial();
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** One input row that became an event. `line` is the 1-based physical line where the row starts. */
export interface ParsedEvent {
  kind: "event";
  line: number;
  userId: string;
  eventName: string;
  /** Epoch milliseconds, UTC. */
  ts: number;
  revenue: number | null;
  properties: Record<string, unknown>;
  insertId: string | null;
  /** Profile traits seen on this row (identify calls, user_properties), merged into UserProfile. */
  traits: Record<string, string> | null;
}

/** One input row that could not become an event, with the reason a person can act on. */
export interface RejectedRow {
  kind: "reject";
  line: number;
  field: string;
  value: string;
  reason: string;
}

export type ParsedRow = ParsedEvent | RejectedRow;

/** A problem with the file as a whole (empty, binary, wrong format): nothing is loaded. */
export class IngestFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IngestFileError";
  }
}

export interface ParseOptions {
  format?: FormatName;
  mapping?: ColumnMapping;
  /** IANA zone used for timestamps without an offset (`YYYY-MM-DD HH:MM:SS`, `YYYYMMDD`). */
  timezone: string;
  /** Rows on lines <= this are skipped (resuming an interrupted job). */
  skipLinesThrough?: number;
}

export interface ParseProgress {
  bytesRead: number;
}
