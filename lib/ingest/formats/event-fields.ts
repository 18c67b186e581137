import { decimalFromJson, parseDecimal } from "../decimal";
import { rejectRow, truncate } from "../rejection";
import { parseTimestamp } from "../timestamp";
import type { ParsedRow, RejectedRow } from "../types";

/**
 * Readers for the standard event fields shared by every format, returning either the value or the row's
 * rejection with a message a person can act on (`timestamp '2011-13-01' is not a date (no month 13)`).
 */

/** Turns one source record (CSV fields or a parsed JSON value) into a row. */
export type FieldsConverter = (fields: string[], line: number) => ParsedRow;
export type JsonConverter = (value: unknown, line: number, text: string) => ParsedRow;

/** Timestamp from a cell or JSON value, or the rejection naming `field`. */
export function timestampOrReject(raw: unknown, field: string, line: number, timezone: string): number | RejectedRow {
  if (raw === undefined || raw === null) return rejectRow(line, field, "", "timestamp is missing");
  if (typeof raw !== "string" && typeof raw !== "number") {
    return rejectRow(line, field, raw, `timestamp ${quote(raw)} is not a date`);
  }
  const parsed = parseTimestamp(raw, timezone);
  if (typeof parsed === "number") return parsed;
  if (parsed === "is empty") return rejectRow(line, field, raw, "timestamp is empty");
  return rejectRow(line, field, raw, `timestamp ${quote(raw)} ${parsed}`);
}

/** Revenue from a cell: empty means no revenue (null). */
export function revenueFromCell(raw: string, field: string, line: number): number | null | RejectedRow {
  if (isEmptyCell(raw)) return null;
  const value = parseDecimal(raw);
  return value === null ? rejectRow(line, field, raw, `revenue ${quote(raw)} is not a number`) : value;
}

/** Revenue from a JSON value: null / undefined / "" mean no revenue. */
export function revenueFromJson(raw: unknown, field: string, line: number): number | null | RejectedRow {
  if (raw === undefined || raw === null || raw === "") return null;
  const value = decimalFromJson(raw);
  return value === null ? rejectRow(line, field, raw, `revenue ${quote(raw)} is not a number`) : value;
}

export function isEmptyCell(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** `'value'` for messages, cut so one bad cell cannot make a novel of a message. */
export function quote(raw: unknown): string {
  const text = typeof raw === "string" ? raw.trim() : typeof raw === "object" ? JSON.stringify(raw) ?? "" : String(raw);
  return `'${truncate(text, 60)}'`;
}

/** First of `keys` whose value in `source` is neither null nor undefined. */
export function firstPresent(source: Record<string, unknown> | null | undefined, keys: readonly string[]): { key: string; value: unknown } | null {
  if (!source) return null;
  for (const key of keys) {
    const value = source[key];
    if (value !== null && value !== undefined) return { key, value };
  }
  return null;
}

export function isRejection(value: unknown): value is RejectedRow {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "reject";
}
