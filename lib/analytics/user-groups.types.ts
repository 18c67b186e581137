import { z } from "zod";
import { DIMENSION_NAMES, type DimensionName } from "../definitions/dimension-filters";

/**
 * How a chart splits users into series: by a saved segment definition
 * (scored on the current features, as in the segment explorer) or by a
 * dimension. No database imports: the browser parses URLs with this too.
 *
 *   "channel" | "plan" | "country" | "signupMonth"
 *   "segment:<saved definition name>"            (latest version)
 *   "segment:<saved definition name>@<version>"
 */
export type GroupBy = { kind: "dimension"; dimension: DimensionName } | { kind: "definition"; name: string; version?: number };

const SEGMENT_PREFIX = "segment:";

export function parseGroupBy(text: string): GroupBy | string {
  const value = text.trim();
  if ((DIMENSION_NAMES as readonly string[]).includes(value)) return { kind: "dimension", dimension: value as DimensionName };
  if (!value.startsWith(SEGMENT_PREFIX)) {
    return `groupBy must be one of ${DIMENSION_NAMES.join(", ")} or "segment:<saved definition name>[@version]"`;
  }
  const match = /^(.*?)(?:@(\d+))?$/.exec(value.slice(SEGMENT_PREFIX.length).trim())!;
  const name = match[1]!.trim();
  if (!name) return "groupBy segment: needs a saved definition name, e.g. segment:Lifecycle";
  return match[2] === undefined ? { kind: "definition", name } : { kind: "definition", name, version: Number(match[2]) };
}

export function formatGroupBy(groupBy: GroupBy): string {
  if (groupBy.kind === "dimension") return groupBy.dimension;
  return `${SEGMENT_PREFIX}${groupBy.name}${groupBy.version === undefined ? "" : `@${groupBy.version}`}`;
}

/** Query-string value → GroupBy, with the sentence above as the error. */
export const groupBySchema = z.string().transform((text, context): GroupBy => {
  const parsed = parseGroupBy(text);
  if (typeof parsed === "string") {
    context.addIssue({ code: "custom", message: parsed });
    return z.NEVER;
  }
  return parsed;
});

/** Series name of users who are in no group (not in the features yet, or past the dimension's top values). */
export const EVERYONE_ELSE = "Everyone else";
/** Dimension values beyond this many become one "Other" series: a chart with 200 lines helps nobody. */
export const MAX_DIMENSION_GROUPS = 8;
