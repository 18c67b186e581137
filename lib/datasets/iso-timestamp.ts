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

/** "2026-07-01T09:30:12.000Z" → "2026-07-01 09:30 UTC": an ISO time as reports, the CLI and the Playbook page print it. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
