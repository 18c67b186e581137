/**
 * Words shared by the Markdown and HTML renderings of a report, so both say
 * the same thing.
 */
import { formatNumber } from "../definitions/plain-numbers";
import { utcMinute } from "../datasets/iso-timestamp";
import type { Report } from "./report.types";

export const CATEGORY_TITLES: Record<Report["recommendations"][number]["category"], string> = {
  lifecycle: "Lifecycle interventions",
  "feature-adoption": "Feature-adoption nudges",
  monetization: "Monetization levers",
};

export function reportTitle(report: Report): string {
  return `Segmentation report — ${report.dataset}`;
}

export function definitionLabel(report: Report): string {
  const { definitionName, definitionVersion, modelId } = report.segments;
  return definitionName ? `${definitionName} v${definitionVersion} (${modelId})` : `default ${modelId} definition (unsaved)`;
}

/** One line under the title: what data, which definition, when. */
export function reportSubtitle(report: Report): string {
  const stale = report.segments.stale ? " Events arrived after the features were computed: numbers are stale until a refresh." : "";
  return (
    `${formatNumber(report.segments.totalUsers, 0)} users, data as of ${report.segments.asOfDay} (end of day, ${report.timezone}); ` +
    `segments from ${definitionLabel(report)}; generated ${utcMinute(report.generatedAt)}.${stale}`
  );
}

export const SEGMENT_COLUMNS = ["Segment", "Criteria", "% of users", "Behavior notes", "Suggested action"];

export function segmentRows(report: Report): string[][] {
  return report.segments.segments.map((segment) => [
    segment.name,
    segment.criteria,
    `${formatNumber(segment.percent, 1)}% (${formatNumber(segment.users, 0)})`,
    segment.behaviorNotes.join("; "),
    segment.suggestedAction ?? "",
  ]);
}

export const CORRELATION_NOTE = "Recommendations come from correlations in this data, not from experiments: test an intervention before rolling it out.";

/** Which playbook the recommendations came from: "Rules from playbook v3 (saved 2026-07-01 09:30 UTC: "Stricter upsell")." */
export function playbookLabel(report: Report): string {
  const { playbook } = report;
  if (playbook.builtIn) return "Rules from the built-in playbook (v0: never edited for this dataset).";
  const note = playbook.note ? `: "${playbook.note}"` : "";
  return `Rules from playbook v${playbook.version} (saved ${utcMinute(playbook.savedAt!)}${note}).`;
}
