/**
 * Timestamps leave lib/datasets as ISO-8601 UTC strings, so a server component,
 * a JSON response and the browser all hold the same value.
 */
export function isoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function isoTimestampOrNull(value: Date | string | null): string | null {
  return value === null ? null : isoTimestamp(value);
}
