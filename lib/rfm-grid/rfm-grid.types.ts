import { z } from "zod";

// Response shapes of GET /api/datasets/[name]/rfm-grid and …/rfm-grid/cell.
// The scope (saved definition, filters) is the segments' query string
// (segment-scope.types.ts) with modelId fixed to "rfm". No database imports: the browser imports this file.

export const rfmScoreSchema = z.coerce.number().int().min(1).max(5);

/** One cell of the recency score × frequency score grid. */
export const rfmGridCellSchema = z.object({
  recencyScore: z.number().int().min(1).max(5),
  frequencyScore: z.number().int().min(1).max(5),
  users: z.number().int().min(0),
  /** users ÷ users in view (scored or not) × 100; null when nobody is in view. */
  percent: z.number().min(0).max(100).nullable(),
  /** Mean monetary value of the cell's users; null for an empty cell. */
  averageMonetary: z.number().nullable(),
  /** The named segment the definition's lookup table gives this cell. */
  segment: z.string(),
});
export type RfmGridCell = z.infer<typeof rfmGridCellSchema>;

export const rfmGridSchema = z.object({
  datasetName: z.string(),
  definitionName: z.string().nullable(),
  definitionVersion: z.number().int().nullable(),
  mode: z.enum(["percentile", "threshold"]),
  asOf: z.string(),
  asOfDay: z.string(),
  stale: z.boolean(),
  /** Users the filters select (everyone without filters). */
  usersInView: z.number().int().min(0),
  /** Users in view without a recency or frequency value: in no cell ("Not scored"). */
  unscoredUsers: z.number().int().min(0),
  /** 25 cells, recency score 5 → 1 (rows), frequency score 1 → 5 (columns). */
  cells: z.array(rfmGridCellSchema),
  /** Named segments in definition order with their size (= the sum of their cells = the Segments page size). */
  segments: z.array(z.object({ name: z.string(), users: z.number().int().min(0) })),
  definition: z.string(),
  warnings: z.array(z.string()),
});
export type RfmGrid = z.infer<typeof rfmGridSchema>;

/** Paging and format of a cell's member list (…/rfm-grid/cell?r=5&f=4&page=1). */
export const rfmCellQuerySchema = z.object({
  r: rfmScoreSchema,
  f: rfmScoreSchema,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type RfmCellQuery = z.infer<typeof rfmCellQuerySchema>;

export const rfmCellMemberSchema = z.object({
  userId: z.string(),
  recencyDays: z.number().nullable(),
  frequency: z.number().nullable(),
  monetary: z.number().nullable(),
  recencyScore: z.number().int(),
  frequencyScore: z.number().int(),
  monetaryScore: z.number().int(),
});
export type RfmCellMember = z.infer<typeof rfmCellMemberSchema>;

export const rfmCellMembersSchema = z.object({
  datasetName: z.string(),
  recencyScore: z.number().int(),
  frequencyScore: z.number().int(),
  segment: z.string(),
  total: z.number().int().min(0),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  /** Highest monetary value first, then user id. */
  rows: z.array(rfmCellMemberSchema),
});
export type RfmCellMembers = z.infer<typeof rfmCellMembersSchema>;
