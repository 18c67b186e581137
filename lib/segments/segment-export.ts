/**
 * A segment's users as CSV: user id, segment, scores, the features behind
 * them, dimensions. Streamed in chunks of a few thousand rows straight from
 * the in-memory store, so a million-row export never becomes one string; every
 * cell goes through csvCell (formula injection neutralised).
 */
import { csvLine } from "../csv/csv-cell";
import type { Db } from "../db/db";
import { DIMENSION_NAMES, type DimensionName } from "../definitions/dimension-filters";
import type { ModelId } from "../definitions/models";
import { FEATURE_COLUMNS, isTableFeature } from "./feature-columns";
import { exportFileName } from "./export-file-name";
import { membershipColumns, membershipValues, type MembershipColumn } from "./membership-columns";
import { dimensionValue, segmentMemberIndices } from "./segment-members";
import { scoreScope, segmentIndex } from "./segment-scope";
import { segmentExportRequestSchema, type SegmentExportRequestInput } from "./segment-export.types";

/** Rows per yielded chunk: a few hundred KB of text. */
export const EXPORT_CHUNK_ROWS = 5_000;

export interface SegmentCsvExport {
  /** `<dataset>_<segment>_v<version>|draft_<as-of day>.csv` */
  fileName: string;
  /** The segment's name as the definition spells it. */
  segment: string;
  /** Data rows the CSV will hold (the segment's size within the filters). */
  rows: number;
  header: string[];
  definitionVersion: number | null;
  /** The CSV text: the header line first, then chunks of EXPORT_CHUNK_ROWS rows (CRLF line ends). */
  chunks: AsyncIterable<string>;
}

const SCORE_HEADERS: Partial<Record<ModelId, string>> = {
  rfm: "rfm_cell",
  "usage-tiers": "percent_rank",
  "engagement-score": "engagement_score",
  intent: "intent_score",
  clusters: "distance_to_centroid",
};

function snakeCase(name: string): string {
  return name.replace(/([a-z])([A-Z0-9])/g, "$1_$2").replace(/([0-9])([a-zA-Z])/g, "$1_$2").toLowerCase();
}

/** A column's CSV header: table features keep their user_features column name. */
export function csvHeader(column: MembershipColumn, modelId: ModelId): string {
  switch (column.kind) {
    case "feature":
      return isTableFeature(column.key) ? FEATURE_COLUMNS[column.key] : snakeCase(column.key);
    case "eventCount":
      return `${column.event}_count`;
    case "score":
      if (column.key !== "score") return snakeCase(column.key);
      return SCORE_HEADERS[modelId] ?? (column.label === "Criteria met" ? "criteria_met" : "pql_points");
  }
}

const DIMENSION_HEADERS: Record<DimensionName, string> = { channel: "channel", plan: "plan", country: "country", signupMonth: "signup_month" };

/**
 * Scores the request and prepares the CSV of one segment. Problems (unknown
 * dataset, segment, invalid definition) throw here, before any byte is sent.
 */
export async function exportSegmentCsv(db: Db, datasetName: string, request: SegmentExportRequestInput): Promise<SegmentCsvExport> {
  const { segment, ...scope } = segmentExportRequestSchema.parse(request);
  const scored = await scoreScope(db, datasetName, scope);
  const index = segmentIndex(scored, segment);
  const segmentName = scored.segmentation.segments[index]!;
  const members = segmentMemberIndices(scored, index);
  const columns = membershipColumns(scored.modelId, scored.definition);
  const header = ["user_id", "segment", ...columns.map((column) => csvHeader(column, scored.modelId)), ...DIMENSION_NAMES.map((name) => DIMENSION_HEADERS[name])];
  const { store, segmentation } = scored;
  const values = columns.map((column) => membershipValues(column, store, segmentation));

  async function* chunks(): AsyncGenerator<string> {
    yield csvLine(header);
    for (let start = 0; start < members.length; start += EXPORT_CHUNK_ROWS) {
      const lines: string[] = [];
      for (let k = start; k < Math.min(members.length, start + EXPORT_CHUNK_ROWS); k++) {
        const user = members[k]!;
        const cells: (string | number | null)[] = [store.userIds[user]!, segmentName];
        for (const column of values) {
          const value = column[user]!;
          cells.push(value === value ? value : null);
        }
        for (const dimension of DIMENSION_NAMES) cells.push(dimensionValue(store, dimension, user));
        lines.push(csvLine(cells));
      }
      yield lines.join("");
    }
  }

  return {
    fileName: exportFileName({
      datasetName: scored.features.datasetName,
      segment: segmentName,
      definitionVersion: scored.saved?.version ?? null,
      asOfDay: scored.asOfDay,
    }),
    segment: segmentName,
    rows: members.length,
    header,
    definitionVersion: scored.saved?.version ?? null,
    chunks: chunks(),
  };
}
