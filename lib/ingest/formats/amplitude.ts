import { idFromJson, isJsonObject, traitsFromObject } from "../json-value";
import { rejectRow } from "../rejection";
import type { ParsedEvent, ParsedRow } from "../types";
import { firstPresent, isRejection, revenueFromJson, timestampOrReject, type JsonConverter } from "./event-fields";

/**
 * Amplitude Export API rows (one JSON object per line).
 * - user: user_id, else device_id (user_id is null until the user logs in);
 * - time: event_time, "YYYY-MM-DD HH:MM:SS.ffffff" in UTC without a zone marker — not the dataset timezone;
 * - insert id: $insert_id; traits: user_properties (values as text);
 * - properties: event_properties plus a few top-level context fields under their own names;
 * - revenue: event_properties.revenue, event_properties.$revenue, then top-level revenue / $revenue.
 */

/** Top-level fields worth keeping for segmentation (device, place, session); the rest is export plumbing. */
export const AMPLITUDE_CONTEXT_FIELDS = [
  "session_id",
  "platform",
  "os_name",
  "os_version",
  "device_type",
  "device_family",
  "country",
  "region",
  "city",
  "language",
  "version_name",
] as const;

const EVENT_TIME_ZONE = "UTC";

export function createAmplitudeConverter(): JsonConverter {
  return (value: unknown, line: number, text: string): ParsedRow => {
    if (!isJsonObject(value)) return rejectRow(line, "", text, "row is not a JSON object");
    const userId = idFromJson(value.user_id) ?? idFromJson(value.device_id);
    if (userId === null) return rejectRow(line, "user_id", value.user_id ?? "", "user id is empty (user_id and device_id are both null)");
    const eventName = idFromJson(value.event_type);
    if (eventName === null) return rejectRow(line, "event_type", value.event_type ?? "", "event name is empty");
    const ts = timestampOrReject(value.event_time, "event_time", line, EVENT_TIME_ZONE);
    if (typeof ts !== "number") return ts;

    const eventProperties = isJsonObject(value.event_properties) ? value.event_properties : null;
    const fromEvent = firstPresent(eventProperties, ["revenue", "$revenue"]);
    const fromTop = fromEvent ? null : firstPresent(value, ["revenue", "$revenue"]);
    const revenue = fromEvent
      ? revenueFromJson(fromEvent.value, `event_properties.${fromEvent.key}`, line)
      : fromTop
        ? revenueFromJson(fromTop.value, fromTop.key, line)
        : null;
    if (isRejection(revenue)) return revenue;

    const properties: Record<string, unknown> = {};
    for (const field of AMPLITUDE_CONTEXT_FIELDS) {
      const contextValue = value[field];
      if (contextValue !== null && contextValue !== undefined && contextValue !== "") properties[field] = contextValue;
    }
    if (eventProperties) Object.assign(properties, eventProperties);

    const event: ParsedEvent = {
      kind: "event",
      line,
      userId,
      eventName,
      ts,
      revenue,
      properties,
      insertId: idFromJson(value.$insert_id),
      traits: traitsFromObject(value.user_properties),
    };
    return event;
  };
}
