import { idFromJson, isJsonObject } from "../json-value";
import { rejectRow } from "../rejection";
import type { ParsedEvent, ParsedRow } from "../types";
import { firstPresent, isRejection, revenueFromJson, timestampOrReject, type JsonConverter } from "./event-fields";

/**
 * Mixpanel raw export rows: `{"event": …, "properties": {"distinct_id", "time", "$insert_id", …}}`.
 * `properties.time` is epoch seconds in the raw export but milliseconds in some pipelines; the unit is read
 * from the magnitude (see timestamp.ts). Properties other than distinct_id, time and $insert_id are kept.
 * Revenue: properties.revenue, else $revenue, else $amount (the people-analytics charge amount).
 */

const CONSUMED = new Set(["distinct_id", "time", "$insert_id"]);

export function createMixpanelConverter(options: { timezone: string }): JsonConverter {
  const { timezone } = options;
  return (value: unknown, line: number, text: string): ParsedRow => {
    if (!isJsonObject(value)) return rejectRow(line, "", text, "row is not a JSON object");
    const source = value.properties;
    if (!isJsonObject(source)) return rejectRow(line, "properties", source ?? "", "properties is missing (expected an object with distinct_id and time)");
    const eventName = idFromJson(value.event);
    if (eventName === null) return rejectRow(line, "event", value.event ?? "", "event name is empty");
    const userId = idFromJson(source.distinct_id);
    if (userId === null) return rejectRow(line, "properties.distinct_id", source.distinct_id ?? "", "user id is empty");
    const ts = timestampOrReject(source.time, "properties.time", line, timezone);
    if (typeof ts !== "number") return ts;
    const revenueSource = firstPresent(source, ["revenue", "$revenue", "$amount"]);
    const revenue = revenueSource ? revenueFromJson(revenueSource.value, `properties.${revenueSource.key}`, line) : null;
    if (isRejection(revenue)) return revenue;

    const properties: Record<string, unknown> = {};
    for (const key in source) if (!CONSUMED.has(key)) properties[key] = source[key];

    const event: ParsedEvent = {
      kind: "event",
      line,
      userId,
      eventName,
      ts,
      revenue,
      properties,
      insertId: idFromJson(source.$insert_id),
      traits: null,
    };
    return event;
  };
}
