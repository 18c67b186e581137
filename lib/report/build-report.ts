/**
 * The segmentation report of a dataset: Part 1 the segment table (Segment |
 * Criteria | % of users | Behavior notes | Suggested action) of one
 * definition, Part 2 the recommendations its numbers trigger, then the
 * charts that go with them as tables.
 */
import type { Db } from "../db/db";
import { recommendForScope } from "../recommendations/segment-recommendations";
import { upsellTiming } from "../recommendations/upsell-timing";
import { computeSegments } from "../segments/compute-segments";
import { findDefinitionModel } from "../segments/segment-definitions";
import { scoreScope } from "../segments/segment-scope";
import { segmentScopeSchema, type SegmentScope } from "../segments/segment-scope.types";
import { reportSchema, type Report, type ReportTable } from "./report.types";

/** "Name" or "Name@3" → the saved definition (its model looked up), or the latest saved one, or the default rules. */
async function reportScope(db: Db, datasetName: string, definition: string | undefined): Promise<SegmentScope> {
  const match = definition === undefined ? null : /^(.*?)(?:@(\d+))?$/.exec(definition)!;
  const found = await findDefinitionModel(db, datasetName, match?.[1]?.trim());
  if (!found) return segmentScopeSchema.parse({});
  const version = match?.[2] === undefined ? undefined : Number(match[2]);
  return segmentScopeSchema.parse({ modelId: found.modelId, definitionRef: { name: found.name, version } });
}

export interface ReportOptions {
  definition?: string;
  /** Chart tables to append (each chart module contributes its own builder). */
  tables?: (db: Db, datasetName: string, scope: SegmentScope) => Promise<ReportTable[]>;
  now?: Date;
}

export async function buildReport(db: Db, datasetName: string, options: ReportOptions = {}): Promise<Report> {
  const scope = await reportScope(db, datasetName, options.definition);
  const table = await computeSegments(db, datasetName, scope);
  const scored = await scoreScope(db, datasetName, scope);
  const timing = await upsellTiming(db, datasetName);
  const [dataset] = await db.query<{ timezone: string; kind: string }>(`SELECT timezone, kind FROM datasets WHERE name = $1`, [datasetName]);
  return reportSchema.parse({
    dataset: datasetName,
    timezone: dataset!.timezone,
    kind: dataset!.kind,
    generatedAt: (options.now ?? new Date()).toISOString(),
    segments: table,
    recommendations: [...recommendForScope(scored), ...(timing ? [timing] : [])],
    tables: options.tables ? await options.tables(db, datasetName, scope) : [],
  });
}
