import { hash } from "node:crypto";
import type { ParsedEvent } from "./types";
import type { OccurrenceCounter } from "./occurrence-counter";

/**
 * The identity of an event within a dataset, stored as the events primary key.
 *
 * - `i:<insert id>` when the source sends one (Amplitude $insert_id, Mixpanel
 *   $insert_id, Segment messageId): a repeat is a duplicate wherever it occurs.
 * - `h:<md5 of user, event, timestamp, revenue, properties>:<k>` otherwise, where
 *   k numbers identical rows within one file. Reloading a file reproduces the
 *   same keys (adds nothing) while two genuinely identical purchases on one line
 *   each (common in CDNOW-style logs) stay two events.
 */
export function dedupeKey(event: ParsedEvent, counter: OccurrenceCounter): string {
  if (event.insertId !== null && event.insertId !== "") return `i:${event.insertId}`;
  const digest = hash("md5", contentOf(event), "buffer") as Buffer;
  const occurrence = counter.next(digest.readUInt32LE(0), digest.readUInt32LE(4));
  return `h:${digest.toString("base64url")}:${occurrence}`;
}

function contentOf(event: ParsedEvent): string {
  return `${event.userId}\u001f${event.eventName}\u001f${event.ts}\u001f${event.revenue ?? ""}\u001f${canonicalJson(event.properties)}`;
}

/** JSON with object keys sorted, so column order in the source does not change identity. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
}
