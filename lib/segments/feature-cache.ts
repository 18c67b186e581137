/**
 * A dataset's per-user features in memory, as a columnar FeatureStore, so that
 * a threshold change re-scores without touching the database
 * (perf-anchors.md: a recount of 1M users costs ≈120 ms in PostgreSQL,
 * ≈10 ms over typed arrays).
 *
 * - Loaded once per (dataset, latest feature_refreshes id) and kept in a
 *   process-wide cache; every request first asks the database for the latest
 *   refresh id (one indexed lookup) and reloads when a newer refresh exists.
 * - Loaded in one REPEATABLE READ transaction by a single binary COPY, decoded
 *   straight into typed arrays: no million row objects, no text parsing of
 *   numbers (the pg driver's per-value parsing cost 5× what the server did).
 * - Percent ranks and other per-store results are cached by the scoring module
 *   on the store's identity, so they live exactly as long as this entry.
 * - Event counts (intent, PQL) are not in user_features: they are counted from
 *   events on first use, per event name, and kept with the entry.
 */
import { ident, type Db, type Queryable } from "../db/db";
import type { DimensionName } from "../definitions/dimension-filters";
import { FEATURES, type FeatureName } from "../definitions/features";
import { readBinaryCopy, type BinaryField } from "../db/binary-copy";
import { USER_FEATURES_TABLE } from "../features/feature-sql";
import { NotFoundError } from "../http/not-found-error";
import { createFeatureStore, type DimensionColumn, type FeatureStore } from "../scoring/feature-store";
import { FEATURE_COLUMNS, TABLE_FEATURES, type TableFeatureName } from "./feature-columns";
import { SegmentsRequestError } from "./segment-errors";

export const FEATURE_CACHE_SETTINGS = {
  /** Datasets kept in memory at once (a 1M-user store is a few hundred MB); the least recently used goes first. */
  maxDatasets: 4,
};

/** What the database says about a dataset's features right now: one cheap query per request. */
export interface FeatureVersion {
  datasetId: number;
  datasetName: string;
  timezone: string;
  /** Latest feature_refreshes id; null when features were never computed. */
  refreshId: number | null;
  refreshedAt: Date | null;
  asOf: Date | null;
  /** Events arrived in ingest jobs after the latest refresh: the features (and every segment) are stale. */
  eventsSinceRefresh: boolean;
}

/** A dataset's features as one store, with the refresh they came from. */
export interface DatasetFeatures {
  datasetId: number;
  datasetName: string;
  timezone: string;
  refreshId: number;
  refreshedAt: Date;
  /** The features' as-of instant (exclusive). */
  asOf: Date;
  store: FeatureStore;
  /** Milliseconds the load from the database took (when this request loaded it). */
  loadMs: number;
  eventsSinceRefresh: boolean;
}

interface CacheEntry {
  refreshId: number;
  loading: Promise<DatasetFeatures>;
  /** Event counts loaded so far (name → count per user, store order); null = the event never occurred. */
  eventCounts: Map<string, Float64Array | null>;
  /** The store with the loaded event counts attached, rebuilt when more are loaded. */
  storeWithEvents: { names: string; store: FeatureStore } | null;
}

interface CacheState {
  byDatabase: WeakMap<object, Map<number, CacheEntry>>;
}

// On globalThis so that Next's dev-mode module reloads keep one cache per process.
const globalCache = globalThis as unknown as { strataFeatureCache?: CacheState };
function cacheState(): CacheState {
  globalCache.strataFeatureCache ??= { byDatabase: new WeakMap() };
  return globalCache.strataFeatureCache;
}

function entriesOf(db: Db): Map<number, CacheEntry> {
  const state = cacheState();
  let entries = state.byDatabase.get(db);
  if (!entries) {
    entries = new Map();
    state.byDatabase.set(db, entries);
  }
  return entries;
}

/** Forgets every cached store (tests; or after a dataset was deleted and its memory should go now). */
export function clearFeatureCache(): void {
  globalCache.strataFeatureCache = { byDatabase: new WeakMap() };
}

interface VersionRow {
  id: number;
  name: string;
  timezone: string;
  refresh_id: number | null;
  refreshed_at: Date | string | null;
  as_of: Date | string | null;
  last_job_id: number | null;
  max_job_id: number | null;
}

/**
 * The latest refresh of a dataset's features and whether events arrived since.
 * @throws NotFoundError when there is no dataset of that name.
 */
export async function readFeatureVersion(db: Queryable, datasetName: string): Promise<FeatureVersion> {
  const [row] = await db.query<VersionRow>(
    `SELECT d.id, d.name, d.timezone,
            r.id AS refresh_id, r.finished_at AS refreshed_at, r.as_of, r.last_job_id,
            (SELECT max(e.job_id) FROM events e WHERE e.dataset_id = d.id) AS max_job_id
     FROM datasets d
     LEFT JOIN LATERAL (
       SELECT id, finished_at, as_of, last_job_id FROM feature_refreshes WHERE dataset_id = d.id ORDER BY id DESC LIMIT 1
     ) r ON true
     WHERE d.name = $1`,
    [datasetName],
  );
  if (!row) throw new NotFoundError(`There is no dataset named "${datasetName}".`);
  return {
    datasetId: row.id,
    datasetName: row.name,
    timezone: row.timezone,
    refreshId: row.refresh_id,
    refreshedAt: row.refreshed_at === null ? null : new Date(row.refreshed_at),
    asOf: row.as_of === null ? null : new Date(row.as_of),
    eventsSinceRefresh: row.max_job_id !== null && (row.last_job_id === null || row.max_job_id > row.last_job_id),
  };
}

/**
 * The dataset's features, from the cache when its latest refresh is the one
 * cached, else loaded now (concurrent requests share one load).
 * @throws NotFoundError for an unknown dataset; SegmentsRequestError "features_missing" before the first refresh.
 */
export async function getDatasetFeatures(db: Db, datasetName: string): Promise<DatasetFeatures> {
  const version = await readFeatureVersion(db, datasetName);
  if (version.refreshId === null) {
    throw new SegmentsRequestError(
      "features_missing",
      `Dataset "${datasetName}" has no computed features yet: run a feature refresh first (strata refresh --dataset ${datasetName}).`,
    );
  }
  const entries = entriesOf(db);
  let entry = entries.get(version.datasetId);
  let loadedNow = false;
  if (entry && entry.refreshId === version.refreshId) {
    // Map order is recency of use: re-insert to mark it most recently used.
    entries.delete(version.datasetId);
    entries.set(version.datasetId, entry);
  } else {
    entry = startLoad(db, version, entries);
    loadedNow = true;
  }
  const features = await entry.loading;
  return { ...features, loadMs: loadedNow ? features.loadMs : 0, eventsSinceRefresh: version.eventsSinceRefresh };
}

function startLoad(db: Db, version: FeatureVersion, entries: Map<number, CacheEntry>): CacheEntry {
  const entry: CacheEntry = {
    refreshId: version.refreshId!,
    loading: loadDatasetFeatures(db, version),
    eventCounts: new Map(),
    storeWithEvents: null,
  };
  entries.delete(version.datasetId);
  entries.set(version.datasetId, entry);
  while (entries.size > FEATURE_CACHE_SETTINGS.maxDatasets) entries.delete(entries.keys().next().value!);
  entry.loading.then(
    (features) => {
      // A refresh may have committed between the version check and the load's snapshot.
      entry.refreshId = features.refreshId;
    },
    () => {
      if (entries.get(version.datasetId) === entry) entries.delete(version.datasetId);
    },
  );
  return entry;
}

/** Builds a dictionary-encoded column page by page; codes end up in sorted-dictionary order, like encodeDimension. */
class DimensionEncoder {
  private readonly firstCodes = new Map<string, number>();
  readonly codes: Int32Array;
  constructor(size: number) {
    this.codes = new Int32Array(size);
  }
  set(index: number, value: string | null): void {
    if (value === null) {
      this.codes[index] = -1;
      return;
    }
    let code = this.firstCodes.get(value);
    if (code === undefined) {
      code = this.firstCodes.size;
      this.firstCodes.set(value, code);
    }
    this.codes[index] = code;
  }
  finish(): DimensionColumn {
    const dictionary = [...this.firstCodes.keys()].sort();
    const remap = new Int32Array(dictionary.length);
    dictionary.forEach((value, sortedCode) => {
      remap[this.firstCodes.get(value)!] = sortedCode;
    });
    const codes = this.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) codes[i] = remap[codes[i]!]!;
    return { codes, dictionary };
  }
}

const TABLE_DIMENSIONS = ["channel", "plan", "country"] as const satisfies readonly DimensionName[];

/** The binary type each feature column is read as (and cast to, so a changed column type fails loudly, not silently). */
function binaryType(feature: TableFeatureName): "float8" | "int4" | "bool" | "timestamptz" {
  const info = FEATURES[feature];
  if ("timestamp" in info) return "timestamptz";
  if (info.phrase.style === "flag") return "bool";
  return info.integer ? "int4" : "float8";
}

/** user_id, every table feature, the dimensions; ordered by user id (store order = user id order). */
function featuresQuery(table: string, datasetId: number): string {
  if (!Number.isSafeInteger(datasetId)) throw new RangeError(`Not a dataset id: ${datasetId}`);
  const features = TABLE_FEATURES.map((feature) => `${FEATURE_COLUMNS[feature]}::${binaryType(feature)}`);
  // COPY takes no parameters: the dataset id is inlined, checked above to be an integer.
  return `SELECT user_id, ${features.join(", ")}, ${TABLE_DIMENSIONS.join(", ")} FROM ${ident(table)} WHERE dataset_id = ${datasetId} ORDER BY user_id`;
}

export interface FeatureRowsSource {
  /** user_features, or a temp table shaped like it (features as of a past date, see computeFeaturesIntoTempTable). */
  table: string;
  datasetId: number;
  /** Rows the table holds for the dataset (the typed arrays are allocated once at this size). */
  size: number;
  asOf: Date;
  timeZone: string;
}

/** Reads a dataset's feature rows into a FeatureStore by one binary COPY, decoded straight into typed arrays. */
export async function readFeatureStore(tx: Queryable, source: FeatureRowsSource): Promise<FeatureStore> {
  const { size } = source;
  const columns = {} as Record<TableFeatureName, Float64Array>;
  for (const feature of TABLE_FEATURES) columns[feature] = new Float64Array(size);
  const userIds: string[] = new Array(size);
  const dimensions = TABLE_DIMENSIONS.map(() => new DimensionEncoder(size));
  const fields: BinaryField[] = [
    { type: "text", into: (row, value) => void (userIds[row] = value!) },
    ...TABLE_FEATURES.map((feature): BinaryField => ({ type: binaryType(feature), into: columns[feature] })),
    ...dimensions.map((encoder): BinaryField => ({ type: "text", into: (row, value) => encoder.set(row, value) })),
  ];
  const rows = await readBinaryCopy(tx.copyOutBinary(featuresQuery(source.table, source.datasetId)), fields, size);
  if (rows !== size) throw new Error(`Feature cache: expected ${size} ${source.table} rows, read ${rows}`);
  const dims: Partial<Record<DimensionName, DimensionColumn>> = {};
  TABLE_DIMENSIONS.forEach((name, d) => {
    dims[name] = dimensions[d]!.finish();
  });
  return createFeatureStore({
    userIds,
    asOf: source.asOf.getTime(),
    columns: columns as Partial<Record<FeatureName, Float64Array>>,
    dims,
    timeZone: source.timeZone,
  });
}

async function loadDatasetFeatures(db: Db, version: FeatureVersion): Promise<DatasetFeatures> {
  const started = performance.now();
  const result = await db.transaction(async (tx) => {
    // One snapshot for the refresh row, the count and the rows: a refresh committing mid-load cannot mix two versions.
    await tx.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    const [refresh] = await tx.query<{ id: number; finished_at: Date | string; as_of: Date | string; users: number }>(
      `SELECT r.id, r.finished_at, r.as_of, (SELECT count(*)::int FROM user_features f WHERE f.dataset_id = $1) AS users
       FROM feature_refreshes r WHERE r.dataset_id = $1 ORDER BY r.id DESC LIMIT 1`,
      [version.datasetId],
    );
    if (!refresh) throw new SegmentsRequestError("features_missing", `Dataset "${version.datasetName}" has no computed features yet.`);
    const asOf = new Date(refresh.as_of);
    const store = await readFeatureStore(tx, {
      table: USER_FEATURES_TABLE,
      datasetId: version.datasetId,
      size: refresh.users,
      asOf,
      timeZone: version.timezone,
    });
    return { refreshId: refresh.id, refreshedAt: new Date(refresh.finished_at), asOf, store };
  });
  return {
    datasetId: version.datasetId,
    datasetName: version.datasetName,
    timezone: version.timezone,
    ...result,
    loadMs: Math.round(performance.now() - started),
    eventsSinceRefresh: version.eventsSinceRefresh,
  };
}

/**
 * The features' store with per-user counts of the named events attached
 * (events before the features' as-of: the feature window), for intent and PQL.
 * Counts are loaded from events once per event name and kept with the cache entry;
 * an event nobody did gets no column, so the scorer warns that it never occurred.
 */
export async function withEventCounts(db: Db, features: DatasetFeatures, eventNames: readonly string[]): Promise<FeatureStore> {
  if (eventNames.length === 0) return features.store;
  const entry = entriesOf(db).get(features.datasetId);
  // Not cached (evicted meanwhile, or a newer refresh replaced it): count into a throwaway map.
  const counts = entry && entry.refreshId === features.refreshId ? entry.eventCounts : new Map<string, Float64Array | null>();
  for (const name of new Set(eventNames)) {
    if (!counts.has(name)) counts.set(name, await loadEventCounts(db, features.datasetId, features.store, name));
  }
  const present = [...counts].filter((pair): pair is [string, Float64Array] => pair[1] !== null).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (present.length === 0) return features.store;
  const names = present.map(([name]) => name).join("\u0000");
  if (entry && entry.storeWithEvents?.names === names) return entry.storeWithEvents.store;
  // A new object (scoring caches key on store identity); the columns themselves are shared.
  const store: FeatureStore = { ...features.store, eventCounts: Object.fromEntries(present) };
  if (entry && counts === entry.eventCounts) entry.storeWithEvents = { names, store };
  return store;
}

/**
 * A store (not the cached one: e.g. features as of a past date) with per-user
 * counts of the named events before its as-of attached, loaded now and not
 * kept; same rules as withEventCounts.
 */
export async function storeWithEventCounts(db: Queryable, datasetId: number, store: FeatureStore, eventNames: readonly string[]): Promise<FeatureStore> {
  const present: [string, Float64Array][] = [];
  for (const name of [...new Set(eventNames)].sort()) {
    const column = await loadEventCounts(db, datasetId, store, name);
    if (column) present.push([name, column]);
  }
  return present.length === 0 ? store : { ...store, eventCounts: Object.fromEntries(present) };
}

async function loadEventCounts(db: Queryable, datasetId: number, store: FeatureStore, eventName: string): Promise<Float64Array | null> {
  if (store.asOf === null) throw new Error("Event counts need the store's as-of");
  const rows = await db.query<{ user_id: string; n: number }>(
    `SELECT e.user_id, count(*)::int AS n
     FROM events e
     WHERE e.dataset_id = $1 AND e.event_name = $2 AND e.ts < $3
     GROUP BY e.user_id`,
    [datasetId, eventName, new Date(store.asOf)],
  );
  if (rows.length === 0) return null;
  const indexOf = userIndex(store);
  const column = new Float64Array(store.size);
  for (const row of rows) {
    const index = indexOf.get(row.user_id);
    if (index !== undefined) column[index] = row.n; // users loaded after the refresh have no features row: not scored
  }
  return column;
}

const userIndexes = new WeakMap<FeatureStore, Map<string, number>>();

/** user id → position in the store, built on first use and dropped with the store. */
export function userIndex(store: FeatureStore): Map<string, number> {
  let index = userIndexes.get(store);
  if (!index) {
    index = new Map();
    for (let i = 0; i < store.userIds.length; i++) index.set(store.userIds[i]!, i);
    userIndexes.set(store, index);
  }
  return index;
}
