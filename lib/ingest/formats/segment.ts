import { idFromJson, isJsonObject, traitsFromObject, type JsonObject } from "../json-value";
import { rejectRow } from "../rejection";
import type { ParsedEvent, ParsedRow } from "../types";
import { isRejection, quote, revenueFromJson, timestampOrReject, type JsonConverter } from "./event-fields";

/**
 * Segment spec calls (track / page / screen / identify / group / alias), one object per line or a JSON array.
 * - track → the `event` name; page → "Page Viewed"; screen → "Screen Viewed" (Segment's own destination names);
 * - identify → an event named "$identify" carrying the traits: the loader stores identifies as events too,
 *   so every input row is counted (accepted + rejected + duplicates = total);
 * - group → "$group" (group id and traits as properties), alias → "$alias" (previousId as a property).
 * User: userId, else anonymousId. Time: timestamp (else originalTimestamp, receivedAt, sentAt).
 * messageId is the insert id; revenue comes from properties.revenue.
 */

export const SEGMENT_CALL_TYPES = ["track", "page", "screen", "identify", "group", "alias"] as const;

const FIXED_EVENT_NAMES: Record<string, string> = {
  page: "Page Viewed",
  screen: "Screen Viewed",
  identify: "$identify",
  group: "$group",
  alias: "$alias",
};

const TIME_FIELDS = ["timestamp", "originalTimestamp", "receivedAt", "sentAt"] as const;

export function createSegmentConverter(options: { timezone: string }): JsonConverter {
  const { timezone } = options;
  return (value: unknown, line: number, text: string): ParsedRow => {
    if (!isJsonObject(value)) return rejectRow(line, "", text, "row is not a JSON object");
    const type = value.type ?? (typeof value.event === "string" ? "track" : undefined);
    if (typeof type !== "string" || type === "") {
      return rejectRow(line, "type", "", "type is missing (expected track, page, screen, identify, group or alias)");
    }

    let eventName: string;
    if (type === "track") {
      const name = idFromJson(value.event);
      if (name === null) return rejectRow(line, "event", value.event, "event name is empty");
      eventName = name;
    } else {
      const fixed = FIXED_EVENT_NAMES[type];
      if (fixed === undefined) {
        return rejectRow(line, "type", type, `type ${quote(type)} is not a Segment call (track, page, screen, identify, group, alias)`);
      }
      eventName = fixed;
    }

    const userId = idFromJson(value.userId) ?? idFromJson(value.anonymousId);
    if (userId === null) return rejectRow(line, "userId", value.userId ?? "", "user id is empty (userId and anonymousId are both missing)");

    let timeField: string = TIME_FIELDS[0];
    for (const field of TIME_FIELDS) {
      if (value[field] !== undefined && value[field] !== null) {
        timeField = field;
        break;
      }
    }
    const ts = timestampOrReject(value[timeField], timeField, line, timezone);
    if (typeof ts !== "number") return ts;

    const properties: Record<string, unknown> = isJsonObject(value.properties) ? value.properties : {};
    const revenue = revenueFromJson(properties.revenue, "properties.revenue", line);
    if (isRejection(revenue)) return revenue;

    let traits: Record<string, string> | null;
    if (type === "identify") traits = traitsFromObject(value.traits);
    else {
      traits = isJsonObject(value.context) ? traitsFromObject(value.context.traits) : null;
      addCallFields(type, value, properties);
    }

    const event: ParsedEvent = {
      kind: "event",
      line,
      userId,
      eventName,
      ts,
      revenue,
      properties,
      insertId: idFromJson(value.messageId),
      traits,
    };
    return event;
  };
}

/** Fields of page / screen / group / alias calls that live outside `properties` in the spec. */
function addCallFields(type: string, call: JsonObject, properties: Record<string, unknown>): void {
  if (type === "page" || type === "screen") {
    if (call.name !== undefined && properties.name === undefined) properties.name = call.name;
    if (call.category !== undefined && properties.category === undefined) properties.category = call.category;
  } else if (type === "group") {
    if (call.groupId !== undefined) properties.groupId = call.groupId;
    if (isJsonObject(call.traits)) properties.groupTraits = call.traits;
  } else if (type === "alias") {
    if (call.previousId !== undefined) properties.previousId = call.previousId;
  }
}
