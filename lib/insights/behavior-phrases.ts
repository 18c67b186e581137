import type { BehaviorKind } from "./insights.types";

function firstDays(days: number): string {
  return days === 1 ? "first day" : `first ${days} days`;
}

/**
 * The behavior as the clause after "Users who …":
 * "did invite_teammate 3+ times in their first 7 days", "came from the social channel".
 * `minCount` is k of "≥ k times" (null for channel and plan).
 */
export function behaviorClause(kind: BehaviorKind, subject: string, minCount: number | null, days: number): string {
  const times = minCount !== null && minCount > 1 ? ` ${minCount}+ times` : "";
  switch (kind) {
    case "event":
      return `did ${subject}${times} in their ${firstDays(days)}`;
    case "feature":
      return `used ${subject}${times} in their ${firstDays(days)}`;
    case "sessions":
      return `had ${minCount ?? 1}+ sessions in their ${firstDays(days)}`;
    case "channel":
      return subject === "" ? "came with no channel recorded" : `came from the ${subject} channel`;
    case "plan":
      return subject === "" ? "started with no plan recorded" : `started on the ${subject} plan`;
  }
}

/** A count behavior as a noun phrase: "3+ sessions in the first 7 days", "2+ view_pricing events in the first 7 days". */
export function countBehaviorNoun(kind: "event" | "feature" | "sessions", subject: string, k: number, days: number): string {
  const what = kind === "sessions" ? "sessions" : kind === "feature" ? `uses of ${subject}` : `${subject} events`;
  return `${k}+ ${what} in the ${firstDays(days)}`;
}
