import { formatMultiple, formatNumber, formatPercent } from "@/lib/definitions/plain-numbers";
import type { Outcome } from "@/lib/insights/insights.types";

// The same number formatting as the API's sentences (lib/definitions/plain-numbers), so "37% vs 13.8%" reads identically in both.

export const OUTCOME_LABELS: Record<Outcome, string> = { retained: "retention", converted: "conversion", churned: "churn" };

/** "Raises retention", "Lowers churn". */
export function directionHeading(direction: "raises" | "lowers", outcome: Outcome): string {
  return `${direction === "raises" ? "Raises" : "Lowers"} ${OUTCOME_LABELS[outcome]}`;
}

/** A rate or "–" when undefined (0/0). */
export function rateText(rate: number | null): string {
  return rate === null ? "–" : formatPercent(rate);
}

export function liftText(lift: number | null): string {
  return lift === null ? "–" : formatMultiple(lift);
}

/** Percentage points with a sign: 0.232 → "+23.2 pp". */
export function pointsText(difference: number | null): string {
  if (difference === null) return "–";
  const points = formatNumber(difference * 100, 1);
  return `${difference > 0 ? "+" : ""}${points} pp`;
}

/** "[+14.1, +31.9]" in percentage points, or "–". */
export function intervalText(lower: number | null, upper: number | null): string {
  if (lower === null || upper === null) return "–";
  const signed = (value: number) => `${value > 0 ? "+" : ""}${formatNumber(value * 100, 1)}`;
  return `[${signed(lower)}, ${signed(upper)}]`;
}

export function countText(users: number): string {
  return formatNumber(users, 0);
}
