import { CATEGORY_TITLES, CORRELATION_NOTE, SEGMENT_COLUMNS, playbookLabel, reportSubtitle, reportTitle, segmentRows } from "./report-text";
import type { Report } from "./report.types";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Every data string goes through this: segment names and event names are user input. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function table(columns: string[], rows: string[][]): string {
  const head = columns.map((column) => `<th>${escapeHtml(column)}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map((value) => `<td>${escapeHtml(value)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;color:#0f172a;max-width:1100px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #e2e8f0}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #cbd5e1;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f1f5f9}
.muted{color:#475569}.warn{background:#fef3c7;padding:.5rem}@media print{body{margin:0}h2{break-after:avoid}table{break-inside:auto}}`;

/** A standalone HTML document (inline style, no scripts), printable and safe to email. */
export function renderHtml(report: Report): string {
  const parts = [`<h1>${escapeHtml(reportTitle(report))}</h1>`, `<p class="muted">${escapeHtml(reportSubtitle(report))}</p>`];
  for (const warning of report.segments.warnings) parts.push(`<p class="warn">${escapeHtml(warning)}</p>`);
  parts.push("<h2>Part 1 — Segments</h2>", table(SEGMENT_COLUMNS, segmentRows(report)));
  parts.push("<h2>Part 2 — Recommendations</h2>", `<p class="muted">${escapeHtml(CORRELATION_NOTE)} ${escapeHtml(playbookLabel(report))}</p>`);
  if (report.recommendations.length === 0) parts.push("<p>No playbook rule fired for these segments.</p>");
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const items = report.recommendations.filter((item) => item.category === category);
    if (items.length === 0) continue;
    const list = items
      .map((item) => `<li><strong>${escapeHtml(item.segment)}</strong> — ${escapeHtml(item.finding)} → <strong>${escapeHtml(item.action)}</strong> <em>(for ${escapeHtml(item.audience.join(", "))})</em></li>`)
      .join("\n");
    parts.push(`<h3>${escapeHtml(title)}</h3>`, `<ul>\n${list}\n</ul>`);
  }
  for (const chart of report.tables) {
    parts.push(`<h2>${escapeHtml(chart.title)}</h2>`, `<p class="muted">${escapeHtml(chart.caption)}</p>`);
    parts.push(chart.rows.length > 0 ? table(chart.columns, chart.rows) : `<p><em>${escapeHtml(chart.note ?? "No data.")}</em></p>`);
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(reportTitle(report))}</title><style>${STYLE}</style></head>\n<body>\n${parts.join("\n")}\n</body></html>\n`;
}
