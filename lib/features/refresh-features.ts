import { syncActivityRollup } from "../activity/activity-rollup";
import { ident, type Db, type Queryable } from "../db/db";
import { assertTimeZone, resolveAsOf } from "./as-of";
import { FeatureRefreshError } from "./feature-refresh-error";
import {
  featureParams,
  featureRefreshSql,
  FIXED_TRAIT_KEYS,
  MAX_CORE_FEATURES,
  MAX_TRAIT_KEYS,
  PURCHASE_EVENT,
  REFRESH_USERS_TABLE,
  USER_FEATURES_TABLE,
  type FeatureSqlParams,
  type FeatureTarget,
} from "./feature-sql";
import { planRefresh, type RequestedMode } from "./refresh-plan";

export interface RefreshOptions {
  /** Exclusive upper bound on event time; default: end of the last event's local day. */
  asOf?: Date;
  /** "auto" (default) refreshes incrementally when that gives the same rows as a full refresh. */
  mode?: RequestedMode;
}

export interface RefreshResult {
  mode: "full" | "incremental";
  /** user_features rows (re)written by this refresh: all users (full) or users with new events (incremental). */
  users: number;
  asOf: Date;
  durationMs: number;
}

export { FeatureRefreshError };

interface DatasetSettings {
  id: number;
  timezone: string;
  session_timeout_minutes: number;
  signup_event: string | null;
  conversion_event: string | null;
  cancel_event: string | null;
  activation_event: string | null;
  core_features: string[] | null;
  dimensions: string[] | null;
  kind: string;
}

// Serialises refreshes of one dataset (two refreshes must not interleave their delete+insert).
const REFRESH_LOCK = 727002;

/**
 * Recomputes `user_features` (and upserts `user_profiles`) for a dataset and
 * records the run in `feature_refreshes`, all in one transaction. Definitions:
 * see feature-sql.ts.
 */
export async function refreshFeatures(db: Db, datasetId: number, options: RefreshOptions = {}): Promise<RefreshResult> {
  const started = performance.now();
  const requested = options.mode ?? "auto";
  if (options.asOf !== undefined && !Number.isFinite(options.asOf.getTime())) {
    throw new FeatureRefreshError("asOf is not a valid date.");
  }
  const result = await db.transaction(async (tx): Promise<RefreshResult> => {
    await setFeatureWorkMem(tx, db.engine);
    await tx.query(`SELECT pg_advisory_xact_lock($1, $2)`, [REFRESH_LOCK, datasetId]);

    const settings = await readSettings(tx, datasetId);
    const previous = await readPreviousRefresh(tx, datasetId);
    const jobs = await readJobWatermark(tx, datasetId);
    const asOf = resolveAsOf(options.asOf, options.asOf ? null : await readLastEventAt(tx, datasetId), settings.timezone);
    if (asOf === null) {
      throw new FeatureRefreshError(`Dataset ${datasetId} has no events yet: load events before computing features.`);
    }
    const plan = planRefresh({ requested, asOf, previous, maxJobId: jobs.maxJobId });
    const params = await statementParams(tx, settings, asOf);

    let users: number;
    if (plan.mode === "full") {
      await tx.query(`DELETE FROM user_features WHERE dataset_id = $1`, [datasetId]);
      users = await runFeatureStatement(tx, "dataset", params);
    } else {
      await tx.exec(`CREATE TEMP TABLE ${REFRESH_USERS_TABLE} (user_id text PRIMARY KEY) ON COMMIT DROP`);
      await tx.query(
        `INSERT INTO ${REFRESH_USERS_TABLE} (user_id) SELECT DISTINCT user_id FROM events WHERE dataset_id = $1 AND job_id > $2`,
        [datasetId, plan.sinceJobId],
      );
      await tx.exec(`ANALYZE ${REFRESH_USERS_TABLE}`);
      await tx.query(
        `DELETE FROM user_features f USING ${REFRESH_USERS_TABLE} s WHERE f.dataset_id = $1 AND f.user_id = s.user_id`,
        [datasetId],
      );
      users = await runFeatureStatement(tx, "listed_users", params);
    }

    const durationMs = Math.round(performance.now() - started);
    await tx.query(
      `INSERT INTO feature_refreshes (dataset_id, mode, as_of, last_job_id, users, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
      [datasetId, plan.mode, asOf, jobs.watermark, users, durationMs],
    );
    return { mode: plan.mode, users, asOf, durationMs };
  });
  // Charts read the activity rollup: bring it up to date with the data the features just saw.
  await syncActivityRollup(db, datasetId);
  return result;
}

/**
 * Computes every user's features as of `asOf` into a new TEMP table `table`
 * (shaped like user_features, dropped at commit) with the same statement as a
 * refresh, leaving user_features, user_profiles and feature_refreshes as they
 * are: features as of a past date, for segment snapshots. Call inside a
 * transaction and read the table before it ends.
 */
export async function computeFeaturesIntoTempTable(
  tx: Queryable,
  engine: Db["engine"],
  datasetId: number,
  asOf: Date,
  table: string,
): Promise<{ users: number; asOfDay: string }> {
  if (!Number.isFinite(asOf.getTime())) throw new FeatureRefreshError("asOf is not a valid date.");
  await setFeatureWorkMem(tx, engine);
  const params = await statementParams(tx, await readSettings(tx, datasetId), asOf);
  await tx.exec(`CREATE TEMP TABLE ${ident(table)} (LIKE ${USER_FEATURES_TABLE}) ON COMMIT DROP`);
  const users = await runFeatureStatement(tx, "dataset", params, { into: table });
  return { users, asOfDay: params.asOfDay };
}

async function setFeatureWorkMem(tx: Queryable, engine: Db["engine"]): Promise<void> {
  // One sort of every event by (user, ts): the default 4MB spills to disk.
  // Measured on 1M events: PGlite 7.6 s → 4.0 s with 64MB (its WASM heap is
  // small, so less than the 256MB given to a PostgreSQL server).
  await tx.query(engine === "postgres" ? `SET LOCAL work_mem = '256MB'` : `SET LOCAL work_mem = '64MB'`);
}

async function runFeatureStatement(
  tx: Queryable,
  scope: "dataset" | "listed_users",
  params: FeatureSqlParams,
  target: FeatureTarget = {},
): Promise<number> {
  // The statement buckets days with ts::date, i.e. in the session TimeZone: the dataset's, for this transaction only.
  await tx.query(`SELECT set_config('TimeZone', $1, true)`, [params.timezone]);
  const [row] = await tx.query<{ users: number }>(featureRefreshSql(scope, params.traitKeys.length, target), featureParams(params));
  return row?.users ?? 0;
}

async function readSettings(tx: Queryable, datasetId: number): Promise<DatasetSettings> {
  const [settings] = await tx.query<DatasetSettings>(
    `SELECT id, timezone, session_timeout_minutes, signup_event, conversion_event, cancel_event, activation_event, core_features, dimensions, kind
     FROM datasets WHERE id = $1`,
    [datasetId],
  );
  if (!settings) throw new FeatureRefreshError(`Dataset ${datasetId} does not exist.`);
  try {
    assertTimeZone(settings.timezone);
  } catch (error) {
    throw new FeatureRefreshError(`Dataset ${datasetId}: ${(error as Error).message}`);
  }
  if (!(settings.session_timeout_minutes > 0)) {
    throw new FeatureRefreshError(`Dataset ${datasetId}: session timeout must be a positive number of minutes.`);
  }
  const core = new Set(settings.core_features ?? []);
  if (core.size > MAX_CORE_FEATURES) {
    throw new FeatureRefreshError(`Dataset ${datasetId}: at most ${MAX_CORE_FEATURES} core features are supported, got ${core.size}.`);
  }
  return settings;
}

async function readPreviousRefresh(tx: Queryable, datasetId: number) {
  const [row] = await tx.query<{ as_of: Date; last_job_id: number }>(
    `SELECT as_of, last_job_id FROM feature_refreshes WHERE dataset_id = $1 ORDER BY id DESC LIMIT 1`,
    [datasetId],
  );
  return row ? { asOf: new Date(row.as_of), lastJobId: row.last_job_id } : null;
}

/**
 * maxJobId: the largest events.job_id of the dataset. watermark: the job id
 * recorded as included — maxJobId, lowered to just below the oldest job that
 * may still add events under its id (running, or failed with lines committed:
 * ingest resumes those), so the next incremental refresh rereads its users.
 */
async function readJobWatermark(tx: Queryable, datasetId: number): Promise<{ maxJobId: number | null; watermark: number }> {
  const [row] = await tx.query<{ max_job_id: number | null; open_job_id: number | null }>(
    `SELECT (SELECT max(job_id) FROM events WHERE dataset_id = $1) AS max_job_id,
            (SELECT min(id) FROM ingest_jobs
              WHERE dataset_id = $1 AND (status = 'running' OR (status = 'failed' AND lines_committed > 0))) AS open_job_id`,
    [datasetId],
  );
  const maxJobId = row?.max_job_id ?? null;
  let watermark = maxJobId ?? 0;
  if (row?.open_job_id != null) watermark = Math.min(watermark, row.open_job_id - 1);
  return { maxJobId, watermark };
}

async function readLastEventAt(tx: Queryable, datasetId: number): Promise<Date | null> {
  const [row] = await tx.query<{ last: Date | null }>(`SELECT max(ts) AS last FROM events WHERE dataset_id = $1`, [datasetId]);
  return row?.last ? new Date(row.last) : null;
}

async function statementParams(tx: Queryable, settings: DatasetSettings, asOf: Date): Promise<FeatureSqlParams> {
  // The as-of day from the database's own tz data, the same data that buckets the events.
  const [day] = await tx.query<{ as_of_day: string }>(
    `SELECT (($1::timestamptz - interval '1 millisecond') AT TIME ZONE $2::text)::date::text AS as_of_day`,
    [asOf, settings.timezone],
  );
  const traitKeys = [...new Set<string>([...FIXED_TRAIT_KEYS, ...(settings.dimensions ?? []).filter((key) => key !== "")])];
  if (traitKeys.length > MAX_TRAIT_KEYS) {
    throw new FeatureRefreshError(`Dataset ${settings.id}: at most ${MAX_TRAIT_KEYS - FIXED_TRAIT_KEYS.length} extra dimensions are supported.`);
  }
  return {
    datasetId: settings.id,
    asOf,
    asOfDay: day!.as_of_day,
    timezone: settings.timezone,
    sessionTimeoutMinutes: settings.session_timeout_minutes,
    signupEvent: settings.signup_event,
    conversionEvent: settings.conversion_event,
    cancelEvent: settings.cancel_event,
    activationEvent: settings.activation_event,
    coreFeatures: [...new Set(settings.core_features ?? [])],
    frequencyEvent: settings.kind === "transactions" ? PURCHASE_EVENT : null,
    traitKeys,
  };
}
