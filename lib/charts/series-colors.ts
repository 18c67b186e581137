/**
 * Line and bar colours of chart series: a segment keeps the colour it has on
 * the Segments page (components/segments/segment-colors.ts) on every chart.
 */
import { segmentColor } from "@/components/segments/segment-colors";
import { EVERYONE_ELSE } from "../analytics/user-groups.types";

/** The "Everyone" reference line (drawn dashed). */
export const OVERALL_COLOR = "#0f172a";
const EVERYONE_ELSE_COLOR = "#94a3b8";

export function seriesColor(name: string): string {
  return name === EVERYONE_ELSE ? EVERYONE_ELSE_COLOR : segmentColor(name).hex;
}
