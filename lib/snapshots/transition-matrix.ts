import { cachedAnalysis } from "../analytics/result-cache";
import type { Db, Queryable } from "../db/db";
import { requireDatasetId } from "../datasets/find-dataset-id";
import { NotFoundError } from "../http/not-found-error";
import { SegmentsRequestError } from "../segments/segment-errors";
import { listSnapshots } from "./list-snapshots";
import { buildTransitions, describeTransitions, type TransitionCountRow } from "./transition-math";
import { transitionMatrixSchema, type Snapshot, type TransitionMatrix, type TransitionsQuery } from "./snapshot.types";

/**
 * One output row = one (segment index at `from`, segment index at `to`) pair
 * with its number of users; NULL = the user is absent from that snapshot. A
 * full join on the members' primary key (snapshot_id, user_id): two index
 * range scans merged, no sort.
 */
export const TRANSITION_COUNTS_SQL = `
SELECT a.segment::int AS from_segment, b.segment::int AS to_segment, count(*)::int AS users
FROM (SELECT user_id, segment FROM segment_snapshot_members WHERE snapshot_id = $1) a
FULL JOIN (SELECT user_id, segment FROM segment_snapshot_members WHERE snapshot_id = $2) b ON b.user_id = a.user_id
GROUP BY 1, 2`;

export async function queryTransitionCounts(db: Queryable, fromSnapshotId: number, toSnapshotId: number): Promise<TransitionCountRow[]> {
  const rows = await db.query<{ from_segment: number | null; to_segment: number | null; users: number }>(TRANSITION_COUNTS_SQL, [fromSnapshotId, toSnapshotId]);
  return rows.map((row) => ({ from: row.from_segment, to: row.to_segment, users: Number(row.users) }));
}

function pick(snapshots: Snapshot[], day: string, which: "from" | "to"): Snapshot {
  const found = snapshots.find((snapshot) => snapshot.asOfDay === day);
  if (found) return found;
  throw new NotFoundError(`There is no snapshot dated ${day} (${which}); the snapshots are dated ${snapshots.map((snapshot) => snapshot.asOfDay).join(", ")}.`);
}

/**
 * The transition matrix between two snapshots of one definition version (the
 * latest version with snapshots unless given); `from`/`to` default to the two
 * latest snapshot dates. Snapshots are immutable, so the result is cached by
 * the pair of snapshot ids.
 * @throws NotFoundError (dataset, no snapshots, no snapshot at a date); SegmentsRequestError when `from` is not before `to`.
 */
export async function getTransitionMatrix(db: Db, datasetName: string, query: TransitionsQuery): Promise<TransitionMatrix> {
  const list = await listSnapshots(db, datasetName, { definition: query.definition });
  const version = query.version ?? Math.max(0, ...list.snapshots.map((snapshot) => snapshot.definitionVersion));
  const snapshots = list.snapshots.filter((snapshot) => snapshot.definitionVersion === version);
  if (snapshots.length === 0) {
    const which = query.version === undefined ? `"${query.definition}"` : `version ${query.version} of "${query.definition}"`;
    throw new NotFoundError(`There are no snapshots of ${which} in dataset "${datasetName}" yet: take them first (strata snapshot --dataset ${datasetName} --definition "${query.definition}").`);
  }
  const days = snapshots.map((snapshot) => snapshot.asOfDay);
  const fromDay = query.from ?? days.at(-2) ?? days[0]!;
  const toDay = query.to ?? days.at(-1)!;
  if (fromDay >= toDay) {
    throw new SegmentsRequestError("invalid_request", `The first date (${fromDay}) must be before the second (${toDay}); transitions need two snapshots.`);
  }
  const from = pick(snapshots, fromDay, "from");
  const to = pick(snapshots, toDay, "to");
  const datasetId = await requireDatasetId(db, datasetName);

  return cachedAnalysis(db, datasetId, "segment-transitions", { from: from.id, to: to.id }, async () => {
    const table = buildTransitions({ fromSegments: from.segments, toSegments: to.segments, rows: await queryTransitionCounts(db, from.id, to.id) });
    const end = (snapshot: Snapshot) => ({ snapshotId: snapshot.id, asOf: snapshot.asOf, asOfDay: snapshot.asOfDay, users: snapshot.users });
    // Parse the output too, so API, CLI and UI cannot drift from the schema.
    return transitionMatrixSchema.parse({
      dataset: list.dataset,
      timezone: list.timezone,
      definitionName: from.definitionName,
      modelId: from.modelId,
      definitionVersion: version,
      from: end(from),
      to: end(to),
      ...table,
      definition: describeTransitions(list.timezone),
    });
  });
}
