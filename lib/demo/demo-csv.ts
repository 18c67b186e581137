import { generateDemoEvents, type DemoEvent, type DemoOptions } from "./demo-events";

/**
 * The demo events as a CSV file, produced as a stream of string chunks so the
 * demo loader can push 10M rows through the real ingest path without holding
 * the file in memory (`Readable.from(demoCsvChunks(...))`).
 *
 * Columns: user_id,event_name,timestamp,revenue,insert_id,channel,plan,country
 * - timestamp: ISO-8601 UTC with milliseconds (`2025-06-02T13:30:00.000Z`).
 * - revenue: empty when the event has none.
 * - Fields are quoted per RFC 4180 only when they contain a comma, quote or line break.
 * Other properties (e.g. `to_plan` on upgrades) are not part of the file.
 */

export const DEMO_CSV_COLUMNS = ["user_id", "event_name", "timestamp", "revenue", "insert_id", "channel", "plan", "country"] as const;
export const DEMO_CSV_HEADER = `${DEMO_CSV_COLUMNS.join(",")}\n`;

/**
 * Serialises events, `rowsPerChunk` rows per chunk (the header travels with the
 * first chunk). 1,000 rows (≈ 75 KB) by default: chunks that small stay in V8's
 * young generation; 10,000-row chunks made the 10M-row file 2× slower (GC).
 * Measured: 10.34M rows (500k users, 180 days) → 767 MB in ≈ 9.4 s.
 */
export function* demoCsvChunks(events: Iterable<DemoEvent>, options: { rowsPerChunk?: number } = {}): Generator<string> {
  const rowsPerChunk = options.rowsPerChunk ?? 1000;
  if (!Number.isInteger(rowsPerChunk) || rowsPerChunk < 1) throw new Error(`rowsPerChunk must be a positive integer, got ${rowsPerChunk}`);
  // Rows collected in an array and joined once per chunk: one flat string, not a deep rope.
  let rows: string[] = [DEMO_CSV_HEADER];
  for (const event of events) {
    rows.push(demoCsvRow(event));
    if (rows.length >= rowsPerChunk) {
      yield rows.join("");
      rows = [];
    }
  }
  if (rows.length > 0) yield rows.join("");
}

/** The whole demo file for these generator options, chunk by chunk. */
export function demoCsv(options: DemoOptions, chunking: { rowsPerChunk?: number } = {}): Generator<string> {
  return demoCsvChunks(generateDemoEvents(options), chunking);
}

export function demoCsvRow(event: DemoEvent): string {
  const p = event.properties;
  return (
    `${field(event.userId)},${field(event.eventName)},${isoTimestamp(event.ts)},` +
    `${event.revenue === null ? "" : String(event.revenue)},${field(p.insert_id)},${field(p.channel)},${field(p.plan)},${field(p.country)}\n`
  );
}

const NEEDS_QUOTES = /[",\r\n]/;

function field(value: string | number | undefined): string {
  if (value === undefined) return "";
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const DAY_MS = 86_400_000;
let cachedDay = Number.NaN;
let cachedDayPrefix = "";

/**
 * Same text as `new Date(ts).toISOString()` (years 0000–9999), ~6× faster:
 * the `YYYY-MM-DDT` prefix is cached per UTC day. Demo timestamps are integers.
 */
export function isoTimestamp(ts: number): string {
  const day = Math.floor(ts / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  let rest = Math.floor(ts - day * DAY_MS);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${cachedDayPrefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${millis < 10 ? "00" : millis < 100 ? "0" : ""}${millis}Z`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
