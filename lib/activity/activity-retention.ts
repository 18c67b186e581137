/**
 * Cohort retention counts from the in-memory activity: the same numbers as
 * RETENTION_MATRIX_SQL (lib/retention/retention-matrix.ts), which stays the
 * reference (a test runs both on the same data). Calendar units in local
 * days: week = ISO week (Monday start), month = calendar month.
 */
import type { RetentionCountRow } from "../retention/retention-math";
import type { RetentionUnit } from "../retention/retention.types";
import { isoDate, type ActivityStore } from "./activity-store";

/** Monday on or before an epoch day (1970-01-01 was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** Months since January 1970 of an epoch day. */
export function monthIndex(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth() - 1970 * 12;
}

function firstOfMonth(month: number): number {
  return Date.UTC(1970, month, 1) / 86_400_000;
}

/** Start (epoch day) of the unit containing `day`, and the unit's ordinal for period arithmetic. */
function unitOf(unit: RetentionUnit, day: number, months: (day: number) => number): { start: number; ordinal: number } {
  if (unit === "day") return { start: day, ordinal: day };
  if (unit === "week") {
    const monday = mondayOf(day);
    return { start: monday, ordinal: monday / 7 };
  }
  const month = months(day);
  return { start: firstOfMonth(month), ordinal: month };
}

export interface ActivityRetentionParams {
  /** Last local day that counts (epoch day): activity after it is ignored. */
  lastDay: number;
  /** Only purchase days count (transaction datasets). */
  purchasesOnly: boolean;
  cohort: RetentionUnit;
  period: RetentionUnit;
  maxPeriod: number;
}

export function retentionCountsFromActivity(store: ActivityStore, params: ActivityRetentionParams): RetentionCountRow[] {
  const { userStart, days, purchased } = store;
  const monthCache = new Map<number, number>();
  const months = (day: number) => {
    let month = monthCache.get(day);
    if (month === undefined) monthCache.set(day, (month = monthIndex(day)));
    return month;
  };
  // cohort start → counts per period (0..maxPeriod): active users, users whose last period is N.
  const cohorts = new Map<number, { active: Int32Array; last: Int32Array }>();
  const width = params.maxPeriod + 1;
  const seen = new Uint8Array(width);
  for (let user = 0; user + 1 < userStart.length; user++) {
    let first = -1;
    let lastPeriod = -1;
    let counts: { active: Int32Array; last: Int32Array } | undefined;
    let firstOrdinal = 0;
    seen.fill(0);
    for (let k = userStart[user]!; k < userStart[user + 1]!; k++) {
      const day = days[k]!;
      if (day > params.lastDay) break;
      if (params.purchasesOnly && purchased[k] !== 1) continue;
      if (first < 0) {
        first = day;
        const cohortStart = unitOf(params.cohort, day, months).start;
        counts = cohorts.get(cohortStart);
        if (!counts) cohorts.set(cohortStart, (counts = { active: new Int32Array(width), last: new Int32Array(width) }));
        firstOrdinal = unitOf(params.period, day, months).ordinal;
      }
      const period = params.period === "day" ? day - first : unitOf(params.period, day, months).ordinal - firstOrdinal;
      if (period <= params.maxPeriod && seen[period] === 0) {
        seen[period] = 1;
        counts!.active[period]!++;
      }
      lastPeriod = period;
    }
    if (first >= 0) counts!.last[Math.min(lastPeriod, params.maxPeriod)]!++;
  }
  const rows: RetentionCountRow[] = [];
  for (const start of [...cohorts.keys()].sort((a, b) => a - b)) {
    const { active, last } = cohorts.get(start)!;
    for (let period = 0; period < width; period++) {
      if (active[period] === 0 && last[period] === 0) continue;
      rows.push({ cohortStart: isoDate(start), period, activeUsers: active[period]!, lastActiveUsers: last[period]! });
    }
  }
  return rows;
}
