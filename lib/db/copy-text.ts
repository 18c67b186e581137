/**
 * Encodes one value for PostgreSQL's COPY text format: backslash, tab, newline
 * and carriage return are escaped; null becomes \N.
 * https://www.postgresql.org/docs/current/sql-copy.html (Text Format)
 */
export function copyValue(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "\\N";
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(ESCAPABLE, (ch) => ESCAPES[ch]!);
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPABLE = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function copyRow(values: readonly (string | number | null)[]): string {
  let row = "";
  for (let i = 0; i < values.length; i++) row += (i === 0 ? "" : "\t") + copyValue(values[i]!);
  return row + "\n";
}
