/**
 * Line and bar colours of chart series: a segment keeps the colour it has on
 * the Segments page (components/segments/segment-colors.ts) on every chart,
 * and series shown together never share one.
 */
import { segmentColors } from "@/components/segments/segment-colors";
import { EVERYONE_ELSE } from "../analytics/user-groups.types";

/** The "Everyone" reference line (drawn dashed). */
export const OVERALL_COLOR = "#0f172a";
const EVERYONE_ELSE_COLOR = "#94a3b8";

/** The colour of each of the series `names` shown together (see segmentColors). */
export function seriesColors(names: readonly string[]): (name: string) => string {
  const colorOf = segmentColors(names.filter((name) => name !== EVERYONE_ELSE));
  return (name) => (name === EVERYONE_ELSE ? EVERYONE_ELSE_COLOR : colorOf(name).hex);
}

/** Colours of a line chart's series, the overall ("Everyone") line in its own dark colour. */
export function lineColors(series: readonly { name: string; overall: boolean }[]): (line: { name: string; overall: boolean }) => string {
  const colorOf = seriesColors(series.filter((line) => !line.overall).map((line) => line.name));
  return (line) => (line.overall ? OVERALL_COLOR : colorOf(line.name));
}
