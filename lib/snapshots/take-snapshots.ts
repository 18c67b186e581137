/**
 * Takes snapshots of a saved definition's segments at period ends: for each
 * month (or ISO week) end between the dataset's first event and its as-of,
 * the features are computed as of that instant into a temp table (the same
 * statement as a feature refresh; user_features and user_profiles are not
 * touched), scored with the definition, and every user's segment is stored.
 *
 * - Period end = local midnight (dataset timezone) ending a calendar month, or
 *   an ISO week (Monday 00:00 local). Only ends at or before the dataset's
 *   as-of (the local midnight after its last event) are taken: a period still
 *   under way has no end yet.
 * - Idempotent: an end that already has a snapshot of this definition version
 *   is kept as it is ("already taken"), so a scheduler may rerun the job. A
 *   month end that is also a week end is one snapshot (same instant, same
 *   features).
 * - Cost: one feature computation per new snapshot (events before that end).
 */
import { copyRow } from "../db/copy-text";
import type { Db, Queryable } from "../db/db";
import { endOfLocalDay } from "../features/as-of";
import { computeFeaturesIntoTempTable } from "../features/refresh-features";
import type { AnyDefinition, ModelId } from "../definitions/models";
import type { FeatureStore } from "../scoring/feature-store";
import type { RfmOptions } from "../scoring/rfm";
import { scoreModel } from "../scoring/score-model";
import type { Segmentation } from "../scoring/segmentation";
import { readFeatureStore, storeWithEventCounts } from "../segments/feature-cache";
import { definitionEvents } from "../segments/membership-columns";
import { SNAPSHOT_COLUMNS, toSnapshot, type SnapshotSqlRow } from "./list-snapshots";
import { resolveSnapshotDefinition, type SnapshotDefinition } from "./snapshot-definition";
import {
  takeSnapshotsRequestSchema,
  takeSnapshotsResultSchema,
  type SnapshotPeriod,
  type SnapshotProgress,
  type TakeSnapshotsRequestInput,
  type TakeSnapshotsResult,
  type TakenSnapshot,
} from "./snapshot.types";

// Serialises snapshots of one definition version: two runs must not both compute the same end.
const SNAPSHOT_LOCK = 727010;
const SNAPSHOT_FEATURES_TABLE = "snapshot_features";
const COPY_CHUNK_USERS = 50_000;
const PERIOD_STEP: Record<SnapshotPeriod, string> = { month: "1 month", week: "1 week" };

// scoreModel is typed per model; a validated (modelId, definition) pair is consistent by construction.
const scoreAnyModel = scoreModel as (modelId: ModelId, store: FeatureStore, definition: AnyDefinition, options: RfmOptions) => Segmentation;

export interface PeriodEnd {
  asOf: Date;
  /** The last local day of the period (YYYY-MM-DD). */
  asOfDay: string;
}

/**
 * The period ends after the dataset's first event, up to its as-of, in the
 * dataset timezone (PostgreSQL's tz data, the same that buckets feature days).
 */
export async function periodEnds(db: Db, dataset: SnapshotDefinition["dataset"], period: SnapshotPeriod): Promise<PeriodEnd[]> {
  const [range] = await db.query<{ first: Date | null; last: Date | null }>(
    `SELECT min(ts) AS first, max(ts) AS last FROM events WHERE dataset_id = $1`,
    [dataset.id],
  );
  if (!range?.first || !range.last) return [];
  const asOf = endOfLocalDay(new Date(range.last), dataset.timezone);
  return db.transaction(async (tx) => {
    // date_trunc and interval arithmetic on timestamptz follow the session TimeZone: local months and weeks, DST included.
    await tx.query(`SELECT set_config('TimeZone', $1, true)`, [dataset.timezone]);
    const rows = await tx.query<{ as_of: Date | string; as_of_day: string }>(
      `SELECT p.as_of, (p.as_of - interval '1 millisecond')::date::text AS as_of_day
       FROM generate_series(date_trunc($1::text, $2::timestamptz) + $3::interval, $4::timestamptz, $3::interval) AS p(as_of)
       ORDER BY p.as_of`,
      [period, range.first, PERIOD_STEP[period], asOf],
    );
    return rows.map((row) => ({ asOf: new Date(row.as_of), asOfDay: row.as_of_day }));
  });
}

/**
 * @throws NotFoundError (dataset, definition); DefinitionValidationError; ZodError for a bad request.
 * @example
 *   await takeSnapshots(db, "demo-saas", { definition: "Lifecycle", period: "month" })
 *   // { taken: 5, alreadyTaken: 1, snapshots: [{ asOfDay: "2025-06-30", users: 1204, status: "already taken", … }, …] }
 */
export async function takeSnapshots(
  db: Db,
  datasetName: string,
  request: TakeSnapshotsRequestInput,
  onProgress?: (progress: SnapshotProgress) => void,
): Promise<TakeSnapshotsResult> {
  const { definition: name, version, period, from, to } = takeSnapshotsRequestSchema.parse(request);
  const definition = await resolveSnapshotDefinition(db, datasetName, name, version);
  const ends = (await periodEnds(db, definition.dataset, period)).filter(
    (end) => (from === undefined || end.asOfDay >= from) && (to === undefined || end.asOfDay <= to),
  );
  const snapshots: TakenSnapshot[] = [];
  for (const end of ends) {
    const snapshot = await takeSnapshot(db, definition, period, end);
    snapshots.push(snapshot);
    onProgress?.({ type: "progress", done: snapshots.length, total: ends.length, asOfDay: end.asOfDay, status: snapshot.status });
  }
  const taken = snapshots.filter((snapshot) => snapshot.status === "taken").length;
  return takeSnapshotsResultSchema.parse({
    dataset: definition.dataset.name,
    timezone: definition.dataset.timezone,
    definitionName: definition.name,
    modelId: definition.modelId,
    definitionVersion: definition.version,
    period,
    snapshots,
    taken,
    alreadyTaken: snapshots.length - taken,
  });
}

async function readSnapshot(tx: Queryable, definitionId: number, asOf: Date): Promise<SnapshotSqlRow | undefined> {
  const [row] = await tx.query<SnapshotSqlRow>(
    `SELECT ${SNAPSHOT_COLUMNS} FROM segment_snapshots sn JOIN segment_definitions sd ON sd.id = sn.definition_id
     WHERE sn.definition_id = $1 AND sn.as_of = $2`,
    [definitionId, asOf],
  );
  return row;
}

/** One period end, in one transaction: computed and stored, or the stored one when it exists. */
async function takeSnapshot(db: Db, definition: SnapshotDefinition, period: SnapshotPeriod, end: PeriodEnd): Promise<TakenSnapshot> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1, $2)`, [SNAPSHOT_LOCK, definition.id]);
    const existing = await readSnapshot(tx, definition.id, end.asOf);
    if (existing) return { ...toSnapshot(existing), status: "already taken" as const };

    const { dataset } = definition;
    const { users } = await computeFeaturesIntoTempTable(tx, db.engine, dataset.id, end.asOf, SNAPSHOT_FEATURES_TABLE);
    const features = await readFeatureStore(tx, { table: SNAPSHOT_FEATURES_TABLE, datasetId: dataset.id, size: users, asOf: end.asOf, timeZone: dataset.timezone });
    const store = await storeWithEventCounts(tx, dataset.id, features, definitionEvents(definition.modelId, definition.definition));
    const { labels, segments } = scoreAnyModel(definition.modelId, store, definition.definition, {});

    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO segment_snapshots (dataset_id, definition_id, period, as_of, as_of_day, segments, user_count)
       VALUES ($1, $2, $3, $4, $5::date, $6::text[], $7) RETURNING id`,
      [dataset.id, definition.id, period, end.asOf, end.asOfDay, segments, store.size],
    );
    const snapshotId = row!.id;
    for (let start = 0; start < store.size; start += COPY_CHUNK_USERS) {
      let rows = "";
      const stop = Math.min(start + COPY_CHUNK_USERS, store.size);
      for (let i = start; i < stop; i++) rows += copyRow([snapshotId, store.userIds[i]!, labels[i]!]);
      await tx.copyText("segment_snapshot_members", ["snapshot_id", "user_id", "segment"], rows);
    }
    return { ...toSnapshot((await readSnapshot(tx, definition.id, end.asOf))!), status: "taken" as const };
  });
}
