import type { Db } from "../db/db";
import { buildReport } from "./build-report";
import { renderHtml } from "./render-html";
import { renderMarkdown } from "./render-markdown";
import { reportChartTables } from "./report-tables";
import type { ReportFormat } from "./report.types";

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
};

/** The report with its chart tables, in one format: what the API, the CLI and the download buttons serve. */
export async function renderReport(db: Db, datasetName: string, options: { format: ReportFormat; definition?: string }): Promise<string> {
  const report = await buildReport(db, datasetName, { definition: options.definition, tables: reportChartTables });
  if (options.format === "md") return renderMarkdown(report);
  if (options.format === "html") return renderHtml(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** "demo-saas-segmentation-report.md" */
export function reportFileName(datasetName: string, format: ReportFormat): string {
  return `${datasetName.replace(/[^A-Za-z0-9._-]+/g, "-")}-segmentation-report.${format}`;
}
