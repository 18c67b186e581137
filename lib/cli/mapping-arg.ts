import { columnMappingSchema, type ColumnMapping } from "../ingest/types";

/** Parses `user_id=CustomerID,timestamp=Date` (also `:` as separator) into a column mapping. */
export function parseMappingArg(text: string | undefined): ColumnMapping | undefined {
  if (!text) return undefined;
  const entries = text.split(",").filter(Boolean).map((pair) => {
    const match = /^\s*([a-z_]+)\s*[=:]\s*(.+?)\s*$/.exec(pair);
    if (!match) throw new Error(`--map entry "${pair}" is not FIELD=COLUMN (fields: user_id, event_name, timestamp, revenue, insert_id, quantity)`);
    return [match[1]!, match[2]!] as const;
  });
  const parsed = columnMappingSchema.strict().safeParse(Object.fromEntries(entries));
  if (!parsed.success) {
    throw new Error(`--map: ${parsed.error.issues.map((issue) => issue.message + (issue.path.length ? ` (${issue.path.join(".")})` : "")).join("; ")}`);
  }
  return parsed.data;
}
