import { formatNumber, formatPercent } from "@/lib/definitions/plain-numbers";
import type { LifecycleInterval } from "@/lib/lifecycle/lifecycle.types";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mar 2" for a day or the week starting then, "Mar 2026" for a month (local dates, no Date parsing: no timezone shift). */
export function intervalLabel(start: string, interval: LifecycleInterval): string {
  const month = MONTHS[Number(start.slice(5, 7)) - 1]!;
  return interval === "month" ? `${month} ${start.slice(0, 4)}` : `${month} ${Number(start.slice(8, 10))}`;
}

/** Signed user counts as the chart shows them: 1,234 and −56. */
export function formatUsers(value: number): string {
  return formatNumber(value, 0);
}

/** A 0–100 percent with the 0/0 policy: "—" when there is no rate. */
export function formatPercentOrDash(percent: number | null): string {
  return percent === null ? "—" : formatPercent(percent / 100);
}
