import { IngestFileError, type ColumnMapping } from "./types";

/**
 * Which source column feeds which event field, for files with named columns (CSV header, NDJSON keys).
 * Names are compared after normalizing case and punctuation, so `user_id`, `userId`, `UserID`, `User ID`
 * and `$user_id` are the same name.
 */

export type MappingRole = keyof ColumnMapping;

/** Resolution order: an earlier role claims a column first (`event_id` is an insert id, not an event name). */
export const MAPPING_ROLES: readonly MappingRole[] = ["user_id", "event_name", "timestamp", "insert_id", "revenue", "quantity"];

export const ROLE_LABELS: Record<MappingRole, string> = {
  user_id: "user id",
  event_name: "event name",
  timestamp: "timestamp",
  insert_id: "insert id",
  revenue: "revenue",
  quantity: "quantity",
};

/** Normalized header names per role, most specific first. */
const CANDIDATES: Record<MappingRole, readonly string[]> = {
  user_id: [
    "userid", "user", "customerid", "customer", "distinctid", "customerno", "customernumber", "custid",
    "clientid", "accountid", "memberid", "visitorid", "personid", "contactid", "userpseudoid", "anonymousid",
    "deviceid", "uid",
  ],
  event_name: ["eventname", "event", "eventtype", "eventaction", "action", "activity", "eventkey"],
  timestamp: [
    "timestamp", "eventtimestamp", "eventtime", "time", "ts", "datetime", "occurredat", "createdat", "eventdate",
    "date", "orderdate", "purchasedate", "transactiondate", "invoicedate", "timestamputc",
  ],
  insert_id: ["insertid", "messageid", "eventid", "dedupid", "dedupeid", "eventuuid", "uuid"],
  revenue: [
    "revenue", "amount", "dollarvalue", "total", "totalamount", "totalprice", "ordertotal", "ordervalue", "sales",
    "revenueusd", "amountusd", "value", "price",
  ],
  quantity: ["quantity", "qty", "numberofcds", "units", "numitems", "itemcount", "quantityordered"],
};

/** Second chance for names not in the lists above: `buyer_customer_id`, `order_timestamp`, `net_revenue`. */
const SUFFIXES: Partial<Record<MappingRole, readonly string[]>> = {
  user_id: ["userid", "customerid"],
  timestamp: ["timestamp", "datetime"],
  revenue: ["revenue", "amount"],
};

export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Header cells made usable as property names: trimmed, blanks named `column_N`, repeats suffixed `_2`, `_3`. */
export function uniqueColumnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, index) => {
    const base = raw.trim() === "" ? `column_${index + 1}` : raw.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

/** Best guess of the mapping from column names alone; roles without a plausible column are left out. */
export function detectColumnMapping(columns: readonly string[]): ColumnMapping {
  return assignRoles(columns, {}, new Set());
}

export interface ResolvedColumns {
  mapping: ColumnMapping;
  /** Column index per role, -1 when the role is not mapped. */
  index: Record<MappingRole, number>;
}

export interface ResolveOptions {
  /** `column` for CSV, `key` for NDJSON: used in messages. */
  noun?: string;
  /** Appended to the "cannot map" message, e.g. a suggestion to pick another format. */
  hint?: string;
}

/**
 * Explicit mapping first (each named column must exist), then auto-detection for the remaining roles.
 * @throws IngestFileError when an explicit column does not exist or a required role finds no column.
 */
export function resolveColumnMapping(
  columns: readonly string[],
  explicit: ColumnMapping | undefined,
  required: readonly MappingRole[],
  options: ResolveOptions = {},
): ResolvedColumns {
  const noun = options.noun ?? "column";
  const fixed: ColumnMapping = {};
  const used = new Set<string>();
  for (const role of MAPPING_ROLES) {
    const wanted = explicit?.[role];
    if (wanted === undefined) continue;
    const column = findColumn(columns, wanted);
    if (column === undefined) {
      throw new IngestFileError(
        `Cannot map columns: ${noun} '${wanted}' (given for ${ROLE_LABELS[role]}) is not in the file; available ${noun}s: ${listColumns(columns)}`,
      );
    }
    fixed[role] = column;
    used.add(column);
  }
  const mapping = assignRoles(columns, fixed, used);
  const missing = required.filter((role) => mapping[role] === undefined);
  if (missing.length > 0) {
    const labels = missing.map((role) => ROLE_LABELS[role]).join(" or ");
    const flags = missing.map((role) => `--map ${role}=${noun.toUpperCase()}`).join(" ");
    throw new IngestFileError(
      `Cannot map columns: no ${labels} ${noun} found among ${listColumns(columns)}; pass ${flags}${options.hint ? `. ${options.hint}` : ""}`,
    );
  }
  const index = {} as Record<MappingRole, number>;
  for (const role of MAPPING_ROLES) {
    const column = mapping[role];
    index[role] = column === undefined ? -1 : columns.indexOf(column);
  }
  return { mapping, index };
}

function assignRoles(columns: readonly string[], fixed: ColumnMapping, used: Set<string>): ColumnMapping {
  const mapping: ColumnMapping = { ...fixed };
  const normalized = columns.map(normalizeColumnName);
  const claim = (role: MappingRole, matches: (name: string) => boolean): boolean => {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      if (!used.has(column) && matches(normalized[i]!)) {
        mapping[role] = column;
        used.add(column);
        return true;
      }
    }
    return false;
  };
  for (const role of MAPPING_ROLES) {
    if (mapping[role] !== undefined) continue;
    let found = false;
    for (const candidate of CANDIDATES[role]) {
      if ((found = claim(role, (name) => name === candidate))) break;
    }
    if (!found) {
      for (const suffix of SUFFIXES[role] ?? []) {
        if (claim(role, (name) => name.endsWith(suffix))) break;
      }
    }
  }
  return mapping;
}

function findColumn(columns: readonly string[], wanted: string): string | undefined {
  if (columns.includes(wanted)) return wanted;
  const folded = wanted.trim().toLowerCase();
  return columns.find((column) => column.trim().toLowerCase() === folded);
}

/** `[a, b, c]`, shortened after 40 names. */
export function listColumns(columns: readonly string[]): string {
  const shown = columns.slice(0, 40).join(", ");
  return columns.length > 40 ? `[${shown}, … ${columns.length - 40} more]` : `[${shown}]`;
}
