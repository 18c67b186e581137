/**
 * The RFM grid (recency score × frequency score) of a dataset and the users of
 * one cell, scored on the cached features through the segments' own path
 * (scoreScope), so the grid agrees with the Segments page to the user.
 */
import { cachedAnalysis } from "../analytics/result-cache";
import type { Db } from "../db/db";
import { csvLine } from "../csv/csv-cell";
import type { RfmDefinition } from "../definitions/rfm";
import { NotFoundError } from "../http/not-found-error";
import type { RfmSegmentation } from "../scoring/rfm";
import { exportFileName } from "../segments/export-file-name";
import { sortMembers } from "../segments/segment-members";
import { scoreScope, type ScoredScope } from "../segments/segment-scope";
import type { SegmentScope } from "../segments/segment-scope.types";
import { buildRfmGrid, rfmCellMembers } from "./rfm-grid-math";
import { rfmCellMembersSchema, rfmGridSchema, type RfmCellMembers, type RfmCellQuery, type RfmGrid } from "./rfm-grid.types";

interface ScoredRfm {
  scored: ScoredScope;
  definition: RfmDefinition;
  rfm: RfmSegmentation;
}

async function scoreRfmScope(db: Db, datasetName: string, scope: SegmentScope): Promise<ScoredRfm> {
  const scored = await scoreScope(db, datasetName, { ...scope, modelId: "rfm" });
  // modelId "rfm" is scored by scoreRfm: its segmentation carries the per-user scores.
  return { scored, definition: scored.definition as RfmDefinition, rfm: scored.segmentation as RfmSegmentation };
}

async function datasetId(db: Db, name: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = $1`, [name]);
  if (!row) throw new NotFoundError(`There is no dataset named "${name}".`);
  return row.id;
}

function describeGrid(definition: RfmDefinition): string {
  const scoring =
    definition.mode === "percentile"
      ? `scores 1–5 from each user's percent rank among ${definition.rankScope === "filtered" ? "the filtered users" : "all users"} (cut points ${definition.percentileCutPoints.join(" / ")}; most recent = 5; equal values share a score)`
      : "scores 1–5 from fixed thresholds (most recent = 5)";
  return (
    `Rows: recency score, columns: frequency score; ${scoring}. ` +
    `Each cell shows its users, their share of the users in view and their average monetary value; its border and label name the segment the definition's lookup table gives it. ` +
    `A named segment's cells add up to its size on the Segments page. Users without recency or frequency are in no cell ("Not scored").`
  );
}

async function computeRfmGrid(db: Db, datasetName: string, scope: SegmentScope): Promise<RfmGrid> {
  const { scored, definition, rfm } = await scoreRfmScope(db, datasetName, scope);
  const counts = buildRfmGrid({
    recencyScores: rfm.recencyScores,
    frequencyScores: rfm.frequencyScores,
    monetary: scored.store.columns.monetary,
    filterMask: scored.filterMask,
    definition,
  });
  return rfmGridSchema.parse({
    datasetName: scored.features.datasetName,
    definitionName: scored.saved?.name ?? null,
    definitionVersion: scored.saved?.version ?? null,
    mode: definition.mode,
    asOf: scored.features.asOf.toISOString(),
    asOfDay: scored.asOfDay,
    stale: scored.features.eventsSinceRefresh,
    ...counts,
    definition: describeGrid(definition),
    warnings: scored.warnings,
  });
}

/**
 * The 5×5 grid for a saved RFM definition (scope.definitionRef) or the
 * default, over the users the scope's filters select; cached per data version and scope.
 * @throws as scoreScope (unknown dataset or definition, features missing, invalid definition).
 */
export async function getRfmGrid(db: Db, datasetName: string, scope: SegmentScope): Promise<RfmGrid> {
  const id = await datasetId(db, datasetName);
  return cachedAnalysis(db, id, "rfm-grid", { datasetName, scope: { ...scope, modelId: "rfm" } }, () => computeRfmGrid(db, datasetName, scope));
}

interface CellMembers {
  scored: ScoredRfm;
  /** Users of the cell in view. */
  total: number;
  /** Member positions (the first `limit` of them), highest monetary first, then user id. */
  ordered: Uint32Array;
}

async function cellMembers(db: Db, datasetName: string, scope: SegmentScope, r: number, f: number, limit?: number): Promise<CellMembers> {
  const scored = await scoreRfmScope(db, datasetName, scope);
  const members = rfmCellMembers(
    { recencyScores: scored.rfm.recencyScores, frequencyScores: scored.rfm.frequencyScores, filterMask: scored.scored.filterMask },
    r,
    f,
  );
  return { scored, total: members.length, ordered: sortMembers(members, scored.scored.store.columns.monetary, "desc", limit) };
}

function memberRow(scored: ScoredRfm, user: number) {
  const { columns, userIds } = scored.scored.store;
  const orNull = (value: number) => (value === value ? value : null);
  return {
    userId: userIds[user]!,
    recencyDays: orNull(columns.recencyDays[user]!),
    frequency: orNull(columns.frequency[user]!),
    monetary: orNull(columns.monetary[user]!),
    recencyScore: scored.rfm.recencyScores[user]!,
    frequencyScore: scored.rfm.frequencyScores[user]!,
    monetaryScore: scored.rfm.monetaryScores[user]!,
  };
}

/** One page of the users of cell (r, f), highest monetary first. */
export async function listRfmCellMembers(db: Db, datasetName: string, scope: SegmentScope, query: RfmCellQuery): Promise<RfmCellMembers> {
  const { scored, total, ordered } = await cellMembers(db, datasetName, scope, query.r, query.f, query.page * query.pageSize);
  const first = (query.page - 1) * query.pageSize;
  const rows = Array.from(ordered.subarray(first, first + query.pageSize), (user) => memberRow(scored, user));
  return rfmCellMembersSchema.parse({
    datasetName: scored.scored.features.datasetName,
    recencyScore: query.r,
    frequencyScore: query.f,
    segment: scored.definition.grid[query.r - 1]![query.f - 1]!,
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    rows,
  });
}

const CSV_COLUMNS = ["user_id", "recency_days", "frequency", "monetary", "recency_score", "frequency_score", "monetary_score", "segment"] as const;

/** Every user of cell (r, f) as CSV (formula-safe cells), highest monetary first, with a file name saying what it holds. */
export async function rfmCellCsv(db: Db, datasetName: string, scope: SegmentScope, r: number, f: number): Promise<{ fileName: string; csv: string }> {
  const { scored, ordered } = await cellMembers(db, datasetName, scope, r, f);
  const segment = scored.definition.grid[r - 1]![f - 1]!;
  let csv = csvLine(CSV_COLUMNS);
  for (const user of ordered) {
    const row = memberRow(scored, user);
    csv += csvLine([row.userId, row.recencyDays, row.frequency, row.monetary, row.recencyScore, row.frequencyScore, row.monetaryScore, segment]);
  }
  const fileName = exportFileName({
    datasetName: scored.scored.features.datasetName,
    segment: `rfm r${r} f${f} ${segment}`,
    definitionVersion: scored.scored.saved?.version ?? null,
    asOfDay: scored.scored.asOfDay,
  });
  return { fileName, csv };
}
