import type { RejectedRow } from "./types";

/** Rejected values are shown to people and stored; 200 characters identify a value without storing a blob. */
export const MAX_REJECTED_VALUE_CHARS = 200;

/**
 * A row that could not become an event. `field` is the source column or key (`""` when the whole row is at
 * fault, e.g. invalid JSON), `value` the offending raw value, `reason` a sentence a person can act on.
 */
export function rejectRow(line: number, field: string, value: unknown, reason: string): RejectedRow {
  return { kind: "reject", line, field, value: displayValue(value), reason };
}

/** The raw value as text, truncated to {@link MAX_REJECTED_VALUE_CHARS} characters (with a trailing …). */
export function displayValue(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = "";
  else if (typeof value === "string") text = value;
  else if (typeof value === "object") text = JSON.stringify(value) ?? "";
  else text = String(value);
  return truncate(text, MAX_REJECTED_VALUE_CHARS);
}

/** `text` cut to at most `max` characters, the last one an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
