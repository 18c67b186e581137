import { idFromJson, isJsonObject, traitText } from "../json-value";
import { rejectRow } from "../rejection";
import type { ParsedEvent, ParsedRow } from "../types";
import { isRejection, revenueFromJson, timestampOrReject, type JsonConverter } from "./event-fields";

/**
 * GA4 BigQuery export rows, flattened to one JSON object per line.
 * - user: user_id when set, else user_pseudo_id (the device/browser id);
 * - time: event_timestamp, microseconds since epoch, as a number or — in real BigQuery NDJSON extracts,
 *   where INT64 is written as a string — a digit string;
 * - properties: event_params flattened to {key: first non-null of string/int/float/double value};
 *   ecommerce.transaction_id and non-empty items are kept too;
 * - revenue: event_value_in_usd, else ecommerce.purchase_revenue_in_usd;
 * - traits: country, channel ("source / medium"), source, medium, device_category, and user_properties;
 * - no insert id: GA4 has no dedupe key.
 * GA4 placeholders — "(not set)", "<Other>", "(data deleted)" — are not data and are dropped.
 */

const PLACEHOLDERS = new Set(["(not set)", "<Other>", "(data deleted)", "(not provided)", "(none)"]);

export function createGa4Converter(): JsonConverter {
  return (value: unknown, line: number, text: string): ParsedRow => {
    if (!isJsonObject(value)) return rejectRow(line, "", text, "row is not a JSON object");
    const userId = idFromJson(value.user_id) ?? idFromJson(value.user_pseudo_id);
    if (userId === null) {
      return rejectRow(line, "user_pseudo_id", value.user_pseudo_id ?? "", "user id is empty (user_id and user_pseudo_id are both null)");
    }
    const eventName = idFromJson(value.event_name);
    if (eventName === null) return rejectRow(line, "event_name", value.event_name ?? "", "event name is empty");
    // Always UTC: the export's timestamps are absolute instants.
    const ts = timestampOrReject(value.event_timestamp, "event_timestamp", line, "UTC");
    if (typeof ts !== "number") return ts;

    const ecommerce = isJsonObject(value.ecommerce) ? value.ecommerce : null;
    const revenue =
      value.event_value_in_usd !== null && value.event_value_in_usd !== undefined
        ? revenueFromJson(value.event_value_in_usd, "event_value_in_usd", line)
        : revenueFromJson(ecommerce?.purchase_revenue_in_usd, "ecommerce.purchase_revenue_in_usd", line);
    if (isRejection(revenue)) return revenue;

    const properties = flattenParams(value.event_params);
    const transactionId = ecommerce ? idFromJson(ecommerce.transaction_id) : null;
    if (transactionId !== null && !PLACEHOLDERS.has(transactionId)) properties.transaction_id = transactionId;
    if (Array.isArray(value.items) && value.items.length > 0) properties.items = value.items;

    const event: ParsedEvent = {
      kind: "event",
      line,
      userId,
      eventName,
      ts,
      revenue,
      properties,
      insertId: null,
      traits: readTraits(value),
    };
    return event;
  };
}

/** `[{key, value: {string_value, int_value, float_value, double_value}}]` → `{key: value}`. */
export function flattenParams(params: unknown): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  if (!Array.isArray(params)) return flat;
  for (const param of params) {
    if (!isJsonObject(param) || typeof param.key !== "string") continue;
    const slotValue = paramValue(param.value);
    if (slotValue !== null) flat[param.key] = slotValue;
  }
  return flat;
}

function paramValue(slots: unknown): string | number | null {
  if (!isJsonObject(slots)) return null;
  const text = slots.string_value;
  if (typeof text === "string") return PLACEHOLDERS.has(text) ? null : text;
  for (const slot of ["int_value", "float_value", "double_value"] as const) {
    const number = slots[slot];
    if (typeof number === "number") return number;
    if (typeof number === "string" && number !== "") {
      // BigQuery NDJSON writes INT64 as a string; keep it exact when it would not fit a double.
      const parsed = Number(number);
      return Number.isSafeInteger(parsed) || (!Number.isInteger(parsed) && Number.isFinite(parsed)) ? parsed : number;
    }
  }
  return null;
}

function readTraits(row: Record<string, unknown>): Record<string, string> | null {
  const traits: Record<string, string> = {};
  const set = (key: string, raw: unknown) => {
    const text = traitText(raw);
    if (text !== null && text !== "" && !PLACEHOLDERS.has(text)) traits[key] = text;
  };
  if (isJsonObject(row.geo)) set("country", row.geo.country);
  if (isJsonObject(row.traffic_source)) {
    const { source, medium } = row.traffic_source;
    set("source", source);
    set("medium", medium);
    if (traits.source !== undefined && traits.medium !== undefined) traits.channel = `${traits.source} / ${traits.medium}`;
  }
  if (isJsonObject(row.device)) set("device_category", row.device.category);
  const userProperties = flattenParams(row.user_properties);
  for (const key in userProperties) set(key, userProperties[key]);
  return Object.keys(traits).length > 0 ? traits : null;
}
