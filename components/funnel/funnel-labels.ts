import { formatCount } from "@/components/format/numbers";
import { EVERYONE_SERIES, type FunnelResult, type FunnelSeries } from "@/lib/funnel/funnel.types";
import { lineColors } from "@/lib/charts/series-colors";

/** "12.5%" with one decimal, or "—" for a 0/0 rate. */
export function formatFunnelPercent(percent: number | null): string {
  return percent === null ? "—" : `${percent.toFixed(1)}%`;
}

export function formatUsers(users: number): string {
  return formatCount(users);
}

/** Each series' colour: Everyone in the overall colour, the breakdown's series distinct from each other. */
export function seriesFills(funnel: FunnelResult): (name: string) => string {
  const colorOf = lineColors(funnel.series.map((series) => ({ name: series.name, overall: series.name === EVERYONE_SERIES })));
  return (name) => colorOf({ name, overall: name === EVERYONE_SERIES });
}

/** The series drawn as bars: the breakdown's series when there is one (they add up to Everyone), else Everyone. */
export function chartSeries(funnel: FunnelResult): FunnelSeries[] {
  return funnel.series.length > 1 ? funnel.series.slice(1) : funnel.series;
}
