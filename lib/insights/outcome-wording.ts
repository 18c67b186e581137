import { formatMultiple, formatNumber, formatPercent } from "../definitions/plain-numbers";
import type { GroupComparison } from "./group-comparison";
import type { Outcome } from "./insights.types";

/** Default days after the first-seen day over which outcomes are observed: the `retained` feature's Day 28. */
export const DEFAULT_OUTCOME_WINDOW_DAYS = 28;

/** The outcome as the predicate of "Users who … ___ 2.8× as often". */
function outcomeVerb(outcome: Outcome, window: number): string {
  if (outcome === "retained") return `were retained at Day ${window}`;
  if (outcome === "converted") return `converted within ${window} days`;
  return `churned by Day ${window}`;
}

/** The outcome as a noun: "Day-28 retention 61% vs 18%". */
export function outcomeNoun(outcome: Outcome, window: number): string {
  if (outcome === "retained") return `Day-${window} retention`;
  if (outcome === "converted") return `${window}-day conversion`;
  return `Day-${window} churn`;
}

/** Exact definition, printed under the results. */
export function outcomeDefinition(outcome: Outcome, window: number): string {
  const feature = window === DEFAULT_OUTCOME_WINDOW_DAYS ? " (the `retained` feature)" : "";
  if (outcome === "retained") return `Retained = active again on a local day ${window} or more days after the first-seen day${feature}.`;
  if (outcome === "converted") return `Converted = did the dataset's conversion event within local days 0–${window - 1} after the first-seen day.`;
  return `Churned = not active on any local day ${window} or more days after the first-seen day, or did the dataset's cancel event before the as-of.`;
}

export const CAUSATION_CAVEAT = "correlation, not causation";

function count(users: number): string {
  return formatNumber(users, 0);
}

/**
 * "Users who did invite_teammate in their first 7 days were retained at Day 28
 * 2.8× as often (61% vs 22%, n = 820 vs 4,180) — correlation, not causation."
 * Lower rates say "less often"; a zero "without" rate (no multiple) says "more often".
 */
export function comparisonSentence(phrase: string, outcome: Outcome, window: number, comparison: GroupComparison): string {
  const { rateWith, rateWithout, lift } = comparison;
  const rates = `${rateWith === null ? "–" : formatPercent(rateWith)} vs ${rateWithout === null ? "–" : formatPercent(rateWithout)}`;
  const sizes = `n = ${count(comparison.usersWith)} vs ${count(comparison.usersWithout)}`;
  let how: string;
  if (lift === null) how = rateWith !== null && rateWithout !== null && rateWith > rateWithout ? "more often" : "as often";
  else if (lift >= 1) how = `${formatMultiple(lift)} as often`;
  else how = "less often";
  const small = comparison.smallSample ? " Small sample: treat as a hint." : "";
  return `Users who ${phrase} ${outcomeVerb(outcome, window)} ${how} (${rates}, ${sizes}) — ${CAUSATION_CAVEAT}.${small}`;
}
