import { CATEGORY_TITLES, CORRELATION_NOTE, SEGMENT_COLUMNS, playbookLabel, reportSubtitle, reportTitle, segmentRows } from "./report-text";
import type { Report } from "./report.types";

/** Pipes and newlines would break a Markdown table cell; "<" would open raw HTML in most renderers. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\r?\n/g, " ");
}

function table(columns: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(columns), line(columns.map(() => "---")), ...rows.map(line)].join("\n");
}

export function renderMarkdown(report: Report): string {
  const parts = [`# ${reportTitle(report)}`, reportSubtitle(report)];
  if (report.segments.warnings.length > 0) parts.push(report.segments.warnings.map((warning) => `> ${warning}`).join("\n"));
  parts.push("## Part 1 — Segments", table(SEGMENT_COLUMNS, segmentRows(report)));
  parts.push("## Part 2 — Recommendations", `${CORRELATION_NOTE} ${cell(playbookLabel(report))}`);
  if (report.recommendations.length === 0) parts.push("No playbook rule fired for these segments.");
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const items = report.recommendations.filter((item) => item.category === category);
    if (items.length === 0) continue;
    parts.push(
      `### ${title}`,
      items.map((item) => `- **${cell(item.segment)}** — ${cell(item.finding)} → **${cell(item.action)}** _(for ${item.audience.join(", ")})_`).join("\n"),
    );
  }
  for (const chart of report.tables) {
    parts.push(`## ${chart.title}`, chart.caption);
    parts.push(chart.rows.length > 0 ? table(chart.columns, chart.rows) : `_${chart.note ?? "No data."}_`);
  }
  return `${parts.join("\n\n")}\n`;
}
