/**
 * A dataset's activity (activity_days) in memory as typed arrays: per user,
 * the sorted local days on which they were active. Retention and lifecycle
 * then run over ~3M integers in tens of milliseconds instead of grouping
 * 10M events in SQL for seconds (perf-anchors.md). Loaded by one binary COPY
 * and cached per data version like every chart result.
 */
import { cachedAnalysis } from "../analytics/result-cache";
import { readBinaryCopy } from "../db/binary-copy";
import type { Db } from "../db/db";
import { endOfLocalDay, instantInLocalDay } from "../features/as-of";
import { PURCHASE_EVENT } from "../features/feature-sql";
import { syncActivityRollup } from "./activity-rollup";

export interface ActivityStore {
  timezone: string;
  userIds: string[];
  /** User u's days are days[userStart[u] … userStart[u + 1]), ascending. */
  userStart: Int32Array;
  /** Local dates as days since 1970-01-01. */
  days: Int32Array;
  /** 1 when the user made a purchase that day (transactions: the activity that counts). */
  purchased: Uint8Array;
}

export const EPOCH_DAY_MS = 86_400_000;

/** "2026-03-02" → 20514 (days since 1970-01-01). */
export function epochDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / EPOCH_DAY_MS;
}

export function isoDate(day: number): string {
  return new Date(day * EPOCH_DAY_MS).toISOString().slice(0, 10);
}

async function loadActivityStore(db: Db, datasetId: number): Promise<ActivityStore> {
  await syncActivityRollup(db, datasetId);
  return db.transaction(async (tx) => {
    await tx.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    const [meta] = await tx.query<{ rows: number; timezone: string }>(
      `SELECT (SELECT count(*)::int FROM activity_days WHERE dataset_id = $1) AS rows, timezone FROM datasets WHERE id = $1`,
      [datasetId],
    );
    const size = meta!.rows;
    if (!Number.isSafeInteger(datasetId)) throw new RangeError(`Not a dataset id: ${datasetId}`);
    // COPY takes no parameters: the id is inlined, checked above to be an integer.
    // One ordered read (one snapshot) of user, day, purchased; each user id is decoded once, at its first day.
    const userIds: string[] = [];
    const firstRow: number[] = [];
    const days = new Float64Array(size);
    const purchased = new Float64Array(size);
    const rows = await readBinaryCopy(
      tx.copyOutBinary(
        `SELECT user_id, (day - DATE '1970-01-01')::int4, purchased FROM activity_days WHERE dataset_id = ${datasetId} ORDER BY user_id, day`,
      ),
      [
        {
          type: "text-run",
          into: (row, value) => {
            userIds.push(value!);
            firstRow.push(row);
          },
        },
        { type: "int4", into: days },
        { type: "bool", into: purchased },
      ],
      size,
    );
    if (rows !== size) throw new Error(`Activity cache: expected ${size} activity_days rows, read ${rows}`);
    const userStart = new Int32Array(userIds.length + 1);
    userStart.set(firstRow);
    userStart[userIds.length] = size;
    return { timezone: meta!.timezone, userIds, userStart, days: Int32Array.from(days), purchased: Uint8Array.from(purchased) };
  });
}

/** The dataset's activity, rolled up to date and loaded once per data version. */
export function getActivityStore(db: Db, datasetId: number): Promise<ActivityStore> {
  return cachedAnalysis(db, datasetId, "activity-store", {}, () => loadActivityStore(db, datasetId));
}

/** The latest local day with activity (purchases only, for transaction datasets); null when there is none. */
export function lastActiveDay(store: ActivityStore, purchasesOnly: boolean): number | null {
  let last: number | null = null;
  for (let user = 0; user + 1 < store.userStart.length; user++) {
    for (let k = store.userStart[user + 1]! - 1; k >= store.userStart[user]!; k--) {
      if (purchasesOnly && store.purchased[k] !== 1) continue;
      if (last === null || store.days[k]! > last) last = store.days[k]!;
      break;
    }
  }
  return last;
}

/**
 * Whether the rollup can answer for this as-of and activity: it holds whole
 * local days (so the as-of must be a local midnight, as every default and
 * every date-only as-of is) and knows "any event" and "purchase" only.
 */
export function activityRollupAnswers(asOf: Date, activityEvent: string | null, timezone: string): boolean {
  if (activityEvent !== null && activityEvent !== PURCHASE_EVENT) return false;
  return endOfLocalDay(asOf.getTime() - 1, timezone).getTime() === asOf.getTime();
}

/** The default as-of of an activity chart: the end of the local day of the last activity (purchases only, for transactions); null without any. */
export function defaultActivityAsOf(store: ActivityStore, purchasesOnly: boolean): Date | null {
  const last = lastActiveDay(store, purchasesOnly);
  return last === null ? null : endOfLocalDay(instantInLocalDay(isoDate(last), store.timezone), store.timezone);
}
