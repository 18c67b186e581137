import { resolveColumnMapping, type MappingRole } from "../column-mapping";
import { idFromJson, isJsonObject, traitsFromObject } from "../json-value";
import { rejectRow } from "../rejection";
import type { ColumnMapping, ParsedEvent, ParsedRow } from "../types";
import { isRejection, quote, revenueFromJson, timestampOrReject, type JsonConverter } from "./event-fields";

/**
 * Generic NDJSON (or a JSON array) of flat event objects, mapped like CSV columns: keys are auto-detected
 * from names (`user_id`, `event`, `timestamp`, …) or given in the mapping. Every other top-level key becomes
 * a property with its JSON value as is; a nested `properties` object is merged into the properties and a
 * nested `traits` object becomes the row's traits.
 */

const REQUIRED: readonly MappingRole[] = ["user_id", "event_name", "timestamp"];
const NESTED = new Set(["properties", "traits"]);

export interface NdjsonConverter {
  mapping: ColumnMapping;
  convert: JsonConverter;
}

/**
 * @param keys top-level keys seen in the first objects of the file (for auto-detection and messages).
 * @throws IngestFileError when a required key cannot be found or a mapped key was never seen.
 */
export function createNdjsonConverter(keys: readonly string[], options: { timezone: string; mapping?: ColumnMapping }): NdjsonConverter {
  const { mapping } = resolveColumnMapping(keys, options.mapping, REQUIRED, { noun: "key" });
  const userKey = mapping.user_id!;
  const eventKey = mapping.event_name!;
  const timestampKey = mapping.timestamp!;
  const revenueKey = mapping.revenue;
  const insertIdKey = mapping.insert_id;
  const quantityKey = mapping.quantity;
  const consumed = new Set<string>([userKey, eventKey, timestampKey]);
  if (revenueKey) consumed.add(revenueKey);
  if (insertIdKey) consumed.add(insertIdKey);
  const { timezone } = options;

  const convert = (value: unknown, line: number, text: string): ParsedRow => {
    if (!isJsonObject(value)) return rejectRow(line, "", text, "row is not a JSON object");
    const userId = idFromJson(value[userKey]);
    if (userId === null) return rejectRow(line, userKey, value[userKey] ?? "", "user id is empty");
    const eventName = idFromJson(value[eventKey]);
    if (eventName === null) return rejectRow(line, eventKey, value[eventKey] ?? "", "event name is empty");
    const ts = timestampOrReject(value[timestampKey], timestampKey, line, timezone);
    if (typeof ts !== "number") return ts;
    const revenue = revenueKey ? revenueFromJson(value[revenueKey], revenueKey, line) : null;
    if (isRejection(revenue)) return revenue;

    const properties: Record<string, unknown> = {};
    for (const key in value) {
      if (!consumed.has(key) && !NESTED.has(key)) properties[key] = value[key];
    }
    if (quantityKey && value[quantityKey] !== undefined && value[quantityKey] !== null) {
      const quantity = revenueFromJson(value[quantityKey], quantityKey, line);
      if (isRejection(quantity)) return rejectRow(line, quantityKey, value[quantityKey], `quantity ${quote(value[quantityKey])} is not a number`);
      if (quantityKey !== "quantity") delete properties[quantityKey];
      properties.quantity = quantity;
    }
    if (isJsonObject(value.properties)) Object.assign(properties, value.properties);

    const event: ParsedEvent = {
      kind: "event",
      line,
      userId,
      eventName,
      ts,
      revenue,
      properties,
      insertId: insertIdKey ? idFromJson(value[insertIdKey]) : null,
      traits: traitsFromObject(value.traits),
    };
    return event;
  };
  return { mapping, convert };
}
