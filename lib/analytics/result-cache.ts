/**
 * Chart results (retention, funnels, lifecycle…) cached per database,
 * dataset, kind and parameters. Each lookup first reads the dataset's data
 * version — one cheap query over small tables — so anything that changes the
 * answer (an ingest batch, a feature refresh, a saved definition,
 * a settings edit) makes the next request recompute, from any process.
 */
import type { Db, Queryable } from "../db/db";

export const RESULT_CACHE_SETTINGS = {
  /** Results kept at once; the least recently used goes first. */
  maxEntries: 256,
};

interface CacheEntry {
  version: string;
  value: Promise<unknown>;
}

interface CacheState {
  byDatabase: WeakMap<object, Map<string, CacheEntry>>;
}

// On globalThis so that Next's dev-mode module reloads keep one cache per process.
const globalCache = globalThis as unknown as { strataResultCache?: CacheState };
function entriesOf(db: Db): Map<string, CacheEntry> {
  globalCache.strataResultCache ??= { byDatabase: new WeakMap() };
  let entries = globalCache.strataResultCache.byDatabase.get(db);
  if (!entries) {
    entries = new Map();
    globalCache.strataResultCache.byDatabase.set(db, entries);
  }
  return entries;
}

/** Forgets every cached result (tests, benchmarks measuring cold runs). */
export function clearAnalysisCache(): void {
  globalCache.strataResultCache = { byDatabase: new WeakMap() };
}

/**
 * Everything a chart's answer can depend on besides its parameters. Accepted
 * counts grow with each committed ingest batch, so a running ingest also
 * invalidates; the settings hash covers timezone and event configuration.
 */
export async function readDataVersion(db: Queryable, datasetId: number): Promise<string> {
  const [row] = await db.query<{ version: string | null }>(
    `SELECT concat_ws(':',
       (SELECT md5(d::text) FROM datasets d WHERE d.id = $1),
       (SELECT concat(max(id), '/', sum(accepted)) FROM ingest_jobs WHERE dataset_id = $1),
       (SELECT max(id) FROM feature_refreshes WHERE dataset_id = $1),
       (SELECT max(id) FROM segment_definitions WHERE dataset_id = $1)
     ) AS version`,
    [datasetId],
  );
  return row?.version ?? "";
}

/** JSON with sorted object keys, so {a, b} and {b, a} are the same parameters. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Date) return item.toISOString();
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/**
 * The cached result of `compute` for these parameters at the dataset's
 * current data version, else computes it (concurrent identical requests share
 * one computation). Failures are not cached.
 */
export async function cachedAnalysis<T>(db: Db, datasetId: number, kind: string, params: unknown, compute: () => Promise<T>): Promise<T> {
  const entries = entriesOf(db);
  const key = `${datasetId}|${kind}|${stableKey(params)}`;
  const version = await readDataVersion(db, datasetId);
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    // Re-insert: Map order is the recency order the eviction reads.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  entries.set(key, { version, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  while (entries.size > RESULT_CACHE_SETTINGS.maxEntries) entries.delete(entries.keys().next().value!);
  return value;
}
