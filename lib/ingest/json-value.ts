/** Small readers for values inside parsed JSON rows (vendor exports and generic NDJSON). */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An identifier (user id, insert id) as a trimmed string; null when absent or empty. Numbers become strings. */
export function idFromJson(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return String(value);
  return null;
}

/** A profile trait value as text: strings as they are, numbers and booleans printed, objects as JSON. */
export function traitText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? null;
}

/** Traits from a JSON object of profile properties; null when there are none. */
export function traitsFromObject(source: unknown): Record<string, string> | null {
  if (!isJsonObject(source)) return null;
  let traits: Record<string, string> | null = null;
  for (const key in source) {
    const text = traitText(source[key]);
    if (text === null) continue;
    (traits ??= {})[key] = text;
  }
  return traits;
}
