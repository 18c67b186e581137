import type { Queryable } from "../db/db";
import { isoTimestamp } from "../datasets/iso-timestamp";
import { DEFINITION_MODEL_SQL, requireSnapshotDataset } from "./snapshot-definition";
import { snapshotListSchema, type Snapshot, type SnapshotList } from "./snapshot.types";

export interface SnapshotSqlRow {
  id: number;
  name: string;
  model_id: string;
  version: number;
  period: "month" | "week";
  as_of: Date | string;
  as_of_day: string;
  segments: string[];
  user_count: number;
  created_at: Date | string;
}

/** Columns of segment_snapshots `sn` joined with its definition `sd`, shaped as SnapshotSqlRow. */
export const SNAPSHOT_COLUMNS = `sn.id, sd.name, sd.model_id, sd.version, sn.period, sn.as_of, sn.as_of_day::text AS as_of_day, sn.segments, sn.user_count, sn.created_at`;

export function toSnapshot(row: SnapshotSqlRow): Snapshot {
  return {
    id: row.id,
    definitionName: row.name,
    modelId: row.model_id,
    definitionVersion: row.version,
    period: row.period,
    asOf: isoTimestamp(row.as_of),
    asOfDay: row.as_of_day,
    segments: row.segments,
    users: row.user_count,
    createdAt: isoTimestamp(row.created_at),
  };
}

/**
 * A dataset's stored snapshots, oldest first per definition version; with
 * `definition`, only that saved definition's (every version).
 * @throws NotFoundError for an unknown dataset.
 */
export async function listSnapshots(db: Queryable, datasetName: string, options: { definition?: string } = {}): Promise<SnapshotList> {
  const dataset = await requireSnapshotDataset(db, datasetName);
  const rows = await db.query<SnapshotSqlRow>(
    `SELECT ${SNAPSHOT_COLUMNS}
     FROM segment_snapshots sn JOIN segment_definitions sd ON sd.id = sn.definition_id
     WHERE sn.dataset_id = $1 AND ($2::text IS NULL OR (sd.name = $2::text AND sd.model_id = ${DEFINITION_MODEL_SQL}))
     ORDER BY sd.name, sd.model_id, sd.version, sn.as_of`,
    [dataset.id, options.definition ?? null],
  );
  return snapshotListSchema.parse({ dataset: dataset.name, timezone: dataset.timezone, snapshots: rows.map(toSnapshot) });
}
