import { formatStepText, type FunnelQuery } from "./funnel.types";

const UNIT_SINGULAR = { minutes: "minute", hours: "hour", days: "day" } as const;

/** The exact rule, in words: printed under the chart, in its info tooltip and by the CLI. */
export function describeFunnel(query: FunnelQuery, timezone: string): string {
  const { amount, unit } = query.window;
  const window = `${amount} ${amount === 1 ? UNIT_SINGULAR[unit] : unit}${unit === "days" ? " (24-hour days)" : ""}`;
  const order =
    query.order === "strict"
      ? "each next step must be the user's very next event (strict order: any other event in between breaks the attempt)"
      : "each next step must happen at or after the previous one (the same timestamp counts; other events in between are fine)";
  const cohort = query.breakdown.startsWith("cohort:")
    ? ` Cohort = the ${query.breakdown === "cohort:week" ? "ISO week (Monday start)" : "calendar month"} of the user's first event of any kind, in ${timezone}.`
    : "";
  return (
    `Steps: ${query.steps.map(formatStepText).join(" → ")}. Every occurrence of step 1 opens an attempt; ` +
    `within ${window} of that step 1 (a step exactly at the limit counts), ${order}, and each step needs its own event. ` +
    `A user counts once, at the furthest step of any attempt; times between steps are medians over users, ` +
    `measured on the earliest attempt that got that far.${cohort}`
  );
}
