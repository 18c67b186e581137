import type { ConvertPoint } from "@/lib/time-to-convert/time-to-convert.types";

/** "66.7%" or "—" when nobody was observed that long (0/0). */
export function formatConvertPercent(point: ConvertPoint): string {
  return point.percent === null ? "—" : `${point.percent.toFixed(1)}%`;
}

/** "2 of 3 users converted" — the point's numerator and n. */
export function formatConvertCount(point: ConvertPoint): string {
  return `${point.converted.toLocaleString("en-US")} of ${point.eligible.toLocaleString("en-US")} users converted`;
}

/** "9.5 days" or "—" without converters. */
export function formatMedianDays(days: number | null): string {
  return days === null ? "—" : `${days.toFixed(1)} days`;
}
