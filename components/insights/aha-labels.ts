import type { AhaThreshold } from "@/lib/insights/insights.types";

/** The URL id of an aha curve: "sessions:" or "event:invite_teammate" (a core feature keeps its own kind). */
export function ahaId(threshold: AhaThreshold): string {
  return `${threshold.kind}:${threshold.subject}`;
}

/** "sessions", "invite_teammate events", "uses of export (core feature)". */
export function ahaSubjectLabel(threshold: AhaThreshold): string {
  if (threshold.kind === "sessions") return "sessions";
  if (threshold.kind === "feature") return `uses of ${threshold.subject} (core feature)`;
  return `${threshold.subject} events`;
}

/** The curve to show: the one in the URL, else the first with a best k (sessions come first), else the first. */
export function chosenThreshold(thresholds: readonly AhaThreshold[], id: string | undefined): AhaThreshold | undefined {
  return thresholds.find((threshold) => ahaId(threshold) === id) ?? thresholds.find((threshold) => threshold.bestK !== null) ?? thresholds[0];
}
