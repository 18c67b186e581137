/**
 * A dataset's activity (activity_days) in memory as typed arrays: per user,
 * the sorted local days on which they were active. Retention and lifecycle
 * then run over ~3M integers in tens of milliseconds instead of grouping
 * 10M events in SQL for seconds (perf-anchors.md). Loaded by one binary COPY
 * of activity_users (the days packed per user: 500k rows, not 2.7M) and cached
 * per data version like every chart result.
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

/** Growable typed arrays of the days read so far (the total is only known at the end). */
class DayBuffer {
  days = new Int32Array(1 << 16);
  purchased = new Uint8Array(1 << 16);

  reserve(size: number): void {
    if (size <= this.days.length) return;
    const capacity = Math.max(size, this.days.length * 2);
    const days = new Int32Array(capacity);
    days.set(this.days);
    const purchased = new Uint8Array(capacity);
    purchased.set(this.purchased);
    this.days = days;
    this.purchased = purchased;
  }
}

async function loadActivityStore(db: Db, datasetId: number): Promise<ActivityStore> {
  await syncActivityRollup(db, datasetId);
  if (!Number.isSafeInteger(datasetId)) throw new RangeError(`Not a dataset id: ${datasetId}`);
  return db.transaction(async (tx) => {
    const [meta] = await tx.query<{ timezone: string }>(`SELECT timezone FROM datasets WHERE id = $1`, [datasetId]);
    // activity_users: one row per user with the days packed (see its migration), in storage order
    // (no ORDER BY: nothing here depends on user order, and sorting 500k ids by collation costs ~0.5 s).
    // A row's fields may be decoded twice (a row split across chunks), so every write is by row.
    const userIds: string[] = [];
    const userStart: number[] = [0];
    const buffer = new DayBuffer();
    const rows = await readBinaryCopy(
      // COPY takes no parameters: the id is inlined, checked above to be an integer.
      tx.copyOutBinary(`SELECT user_id, days, purchased FROM activity_users WHERE dataset_id = ${datasetId}`),
      [
        { type: "text", into: (row, value) => void (userIds[row] = value!) },
        {
          type: "bytes",
          into: (row, packed) => {
            const count = packed!.byteLength / 4;
            const at = userStart[row]!;
            buffer.reserve(at + count);
            // Big-endian int4s (int4send), read byte by byte: cheaper than a DataView per user.
            const days = buffer.days;
            for (let k = 0, b = 0; k < count; k++, b += 4) days[at + k] = (packed![b]! << 24) | (packed![b + 1]! << 16) | (packed![b + 2]! << 8) | packed![b + 3]!;
            userStart[row + 1] = at + count;
          },
        },
        {
          type: "bytes",
          into: (row, flags) => {
            const at = userStart[row]!;
            if (flags!.byteLength !== userStart[row + 1]! - at) throw new Error(`Activity cache: user ${userIds[row]} has ${flags!.byteLength} purchase flags for ${userStart[row + 1]! - at} days`);
            buffer.purchased.set(flags!, at);
          },
        },
      ],
      Number.MAX_SAFE_INTEGER,
    );
    const size = userStart[rows]!;
    return {
      timezone: meta!.timezone,
      userIds,
      userStart: Int32Array.from(userStart),
      days: buffer.days.slice(0, size),
      purchased: buffer.purchased.slice(0, size),
    };
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
