import { z } from "zod";
import { playbookRefSchema } from "../recommendations/playbook.types";
import { AUDIENCES, RECOMMENDATION_CATEGORIES } from "../recommendations/recommendation-rules";
import { computeSegmentsResponseSchema } from "../segments/compute-segments.types";

// The segmentation report as data: the JSON API returns it; the Markdown,
// HTML and printable page render it, so all four say the same numbers.

export const recommendationSchema = z.object({
  ruleId: z.string(),
  segment: z.string(),
  category: z.enum(RECOMMENDATION_CATEGORIES),
  audience: z.array(z.enum(AUDIENCES)),
  users: z.number().int(),
  finding: z.string(),
  action: z.string(),
  evidence: z.array(z.string()),
});

/** A chart's numbers as a table: how the report carries charts into Markdown and print. */
export const reportTableSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The exact definition of the numbers (as the chart's info tooltip). */
  caption: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** Why the table is empty or missing, when it is. */
  note: z.string().nullable(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const reportSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  kind: z.string(),
  generatedAt: z.string(),
  segments: computeSegmentsResponseSchema.pick({
    modelId: true,
    definitionName: true,
    definitionVersion: true,
    asOf: true,
    asOfDay: true,
    stale: true,
    totalUsers: true,
    segments: true,
    warnings: true,
  }),
  recommendations: z.array(recommendationSchema),
  /** The playbook version the recommendations came from (0 = the built-in rules). */
  playbook: playbookRefSchema,
  tables: z.array(reportTableSchema),
});
export type Report = z.infer<typeof reportSchema>;

export const reportFormatSchema = z.enum(["json", "md", "html"]);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

/** Query string of GET /api/datasets/[name]/report and the CLI flags. */
export const reportQuerySchema = z.object({
  format: reportFormatSchema.default("json"),
  /** A saved definition "Name" or "Name@3"; default: the most recently saved one, else the default behavior rules. */
  definition: z.string().trim().min(1).optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;
