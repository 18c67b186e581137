import type { RetentionUnit } from "@/lib/retention/retention.types";
import type { CurvePoint } from "@/lib/retention-curves/retention-curves.types";

/** "week 3", "day 0" */
export function periodName(unit: RetentionUnit, period: number): string {
  return `${unit} ${period}`;
}

/** "66.7%" or "—" when nobody is eligible yet (0/0). */
export function formatCurvePercent(point: CurvePoint): string {
  return point.percent === null ? "—" : `${point.percent.toFixed(1)}%`;
}

/** "2 of 3 users" — the point's numerator and n. */
export function formatCurveCount(point: CurvePoint): string {
  return `${point.users.toLocaleString("en-US")} of ${point.eligible.toLocaleString("en-US")} users`;
}
