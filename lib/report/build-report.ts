/**
 * The segmentation report of a dataset: Part 1 the segment table (Segment |
 * Criteria | % of users | Behavior notes | Suggested action) of one
 * definition, Part 2 the recommendations its numbers trigger, then the
 * charts that go with them as tables.
 */
import { cachedAnalysis } from "../analytics/result-cache";
import type { Db } from "../db/db";
import { playbookInForce } from "../recommendations/recommendation-playbook";
import { recommendForScope } from "../recommendations/segment-recommendations";
import { upsellTiming } from "../recommendations/upsell-timing";
import { computeSegments } from "../segments/compute-segments";
import { findDefinitionModel } from "../segments/segment-definitions";
import { scoreScope } from "../segments/segment-scope";
import { segmentScopeSchema, type SegmentScope } from "../segments/segment-scope.types";
import { reportSchema, type Report, type ReportTable } from "./report.types";

/** "Name" or "Name@3" → the saved definition (its model looked up), or the latest saved one, or the default rules. */
export async function reportScope(db: Db, datasetName: string, definition: string | undefined): Promise<SegmentScope> {
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
  const playbook = await playbookInForce(db, datasetName);
  const [dataset] = await db.query<{ id: number; timezone: string; kind: string }>(`SELECT id, timezone, kind FROM datasets WHERE name = $1`, [datasetName]);
  // Keyed by the playbook version as well as the data version: saving a playbook makes the next report recompute.
  const recommendations = await cachedAnalysis(db, dataset!.id, "recommendations", { scope, playbookVersion: playbook.version }, async () => {
    const scored = await scoreScope(db, datasetName, scope);
    const timing = await upsellTiming(db, datasetName);
    return [...recommendForScope(scored, playbook.rules), ...(timing ? [timing] : [])];
  });
  return reportSchema.parse({
    dataset: datasetName,
    timezone: dataset!.timezone,
    kind: dataset!.kind,
    generatedAt: (options.now ?? new Date()).toISOString(),
    segments: table,
    recommendations,
    playbook: { version: playbook.version, builtIn: playbook.builtIn, note: playbook.note, savedAt: playbook.savedAt },
    tables: options.tables ? await options.tables(db, datasetName, scope) : [],
  });
}
