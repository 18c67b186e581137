import { detectColumnMapping, resolveColumnMapping, uniqueColumnNames, type MappingRole } from "../column-mapping";
import { parseDecimal } from "../decimal";
import { rejectRow } from "../rejection";
import type { ColumnMapping, ParsedEvent, ParsedRow } from "../types";
import { isEmptyCell, isRejection, quote, revenueFromCell, timestampOrReject, type FieldsConverter } from "./event-fields";

/**
 * Generic CSV / TSV with a header row: mapped columns feed the event fields, every other non-empty cell
 * becomes a string property named after its column. Empty cells are left out of `properties`.
 */

export interface DelimitedConverter {
  /** Column names as used for properties and messages (blank / repeated header cells renamed). */
  columns: string[];
  mapping: ColumnMapping;
  convert: FieldsConverter;
}

export interface DelimitedConverterOptions {
  timezone: string;
  mapping?: ColumnMapping;
  /** Printed between fields when a whole row is shown in a rejection. */
  delimiter: string;
}

const CSV_REQUIRED: readonly MappingRole[] = ["user_id", "event_name", "timestamp"];

/** @throws IngestFileError when a required column cannot be found or a mapped column does not exist. */
export function createCsvConverter(header: readonly string[], options: DelimitedConverterOptions): DelimitedConverter {
  const columns = uniqueColumnNames(header);
  const guess = detectColumnMapping(columns);
  const looksLikeTransactions = guess.event_name === undefined && guess.user_id !== undefined && guess.revenue !== undefined;
  const resolved = resolveColumnMapping(columns, options.mapping, CSV_REQUIRED, {
    hint: looksLikeTransactions
      ? "This looks like a transaction log: choose the transactions format to load every row as a purchase"
      : undefined,
  });
  return {
    columns,
    mapping: resolved.mapping,
    convert: buildDelimitedConverter(columns, resolved.index, { ...options, eventName: null, revenueRequired: false }),
  };
}

export interface DelimitedRowRules extends DelimitedConverterOptions {
  /** Fixed event name (transactions), or null to read it from the mapped column. */
  eventName: string | null;
  /** Transactions: a row without an amount is not a purchase. */
  revenueRequired: boolean;
  /** False for header-less logs, whose field count comes from their column positions. */
  hasHeader?: boolean;
}

/** The per-row work for every delimited format; kept free of closures over arrays it does not need. */
export function buildDelimitedConverter(
  columns: readonly string[],
  index: Record<MappingRole, number>,
  rules: DelimitedRowRules,
): FieldsConverter {
  const width = columns.length;
  const userAt = index.user_id;
  const eventAt = index.event_name;
  const timestampAt = index.timestamp;
  const revenueAt = index.revenue;
  const insertIdAt = index.insert_id;
  const quantityAt = index.quantity;
  const mapped = new Set([userAt, eventAt, timestampAt, revenueAt, insertIdAt, quantityAt]);
  const propertyAt: number[] = [];
  for (let i = 0; i < width; i++) if (!mapped.has(i)) propertyAt.push(i);
  const propertyNames = propertyAt.map((i) => columns[i]!);
  const { timezone, delimiter, eventName: fixedEventName, revenueRequired } = rules;
  const widthSource = rules.hasHeader === false ? "expected" : "header has";

  return (fields: string[], line: number): ParsedRow => {
    if (fields.length !== width && !onlyEmptyExtras(fields, width)) {
      return rejectRow(line, "", fields.join(delimiter), `row has ${fields.length} fields, ${widthSource} ${width}`);
    }
    const rawUser = fields[userAt]!;
    const userId = rawUser.trim();
    if (userId === "") return rejectRow(line, columns[userAt]!, rawUser, "user id is empty");

    let eventName: string;
    if (fixedEventName !== null) eventName = fixedEventName;
    else {
      const rawEvent = fields[eventAt]!;
      eventName = rawEvent.trim();
      if (eventName === "") return rejectRow(line, columns[eventAt]!, rawEvent, "event name is empty");
    }

    const ts = timestampOrReject(fields[timestampAt]!, columns[timestampAt]!, line, timezone);
    if (typeof ts !== "number") return ts;

    let revenue: number | null = null;
    if (revenueAt >= 0) {
      const rawRevenue = fields[revenueAt]!;
      if (revenueRequired && isEmptyCell(rawRevenue)) return rejectRow(line, columns[revenueAt]!, rawRevenue, "revenue is empty");
      const parsed = revenueFromCell(rawRevenue, columns[revenueAt]!, line);
      if (isRejection(parsed)) return parsed;
      revenue = parsed;
    }

    const properties: Record<string, unknown> = {};
    if (quantityAt >= 0) {
      const rawQuantity = fields[quantityAt]!;
      if (!isEmptyCell(rawQuantity)) {
        const quantity = parseDecimal(rawQuantity);
        if (quantity === null) return rejectRow(line, columns[quantityAt]!, rawQuantity, `quantity ${quote(rawQuantity)} is not a number`);
        properties.quantity = quantity;
      }
    }
    for (let k = 0; k < propertyAt.length; k++) {
      const value = fields[propertyAt[k]!]!;
      if (value !== "") properties[propertyNames[k]!] = value;
    }

    let insertId: string | null = null;
    if (insertIdAt >= 0) {
      const rawInsertId = fields[insertIdAt]!.trim();
      if (rawInsertId !== "") insertId = rawInsertId;
    }

    const event: ParsedEvent = { kind: "event", line, userId, eventName, ts, revenue, properties, insertId, traits: null };
    return event;
  };
}

/** Trailing delimiters (`a,b,c,`) add empty fields; such rows are still well-formed. */
function onlyEmptyExtras(fields: string[], width: number): boolean {
  if (fields.length < width) return false;
  for (let i = width; i < fields.length; i++) if (fields[i] !== "") return false;
  return true;
}
