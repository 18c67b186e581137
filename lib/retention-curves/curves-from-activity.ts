/**
 * Retention-curve tallies from the in-memory activity rollup (lib/activity):
 * the same rows as RETENTION_CURVES_SQL, which stays the reference (a test
 * runs both on the same data), in tens of milliseconds instead of grouping
 * every event in SQL. Calendar units as the cohort matrix: local days, ISO
 * weeks (Monday start), calendar months.
 */
import { mondayOf, monthIndex } from "../activity/activity-retention";
import type { ActivityStore } from "../activity/activity-store";
import type { RetentionUnit } from "../retention/retention.types";
import type { CurveTallyRow } from "./retention-curves-math";

export interface CurveActivityParams {
  /** Last local day that counts (epoch day): the as-of day. */
  lastDay: number;
  /** Only purchase days count (transaction datasets). */
  purchasesOnly: boolean;
  period: RetentionUnit;
  maxPeriod: number;
  /** Group of each store user (by user id); users missing here go to `otherGroup`. */
  groupOf: (userId: string) => number | undefined;
  otherGroup: number;
  groupCount: number;
}

/** Ordinal of the period containing an epoch day: day number, Monday / 7, or month index. */
function ordinal(unit: RetentionUnit, day: number): number {
  if (unit === "day") return day;
  if (unit === "week") return mondayOf(day) / 7;
  return monthIndex(day);
}

export function curveTalliesFromActivity(store: ActivityStore, params: CurveActivityParams): CurveTallyRow[] {
  const { userStart, days, purchased, userIds } = store;
  const { maxPeriod, period: unit } = params;
  const periods = maxPeriod + 1;
  const elapsedSlots = maxPeriod + 2; // elapsed −1..maxPeriod
  const cellsPerGroup = periods * elapsedSlots;
  const active = new Float64Array(params.groupCount * cellsPerGroup);
  const last = new Float64Array(params.groupCount * cellsPerGroup);
  const seen = new Uint8Array(periods);
  const endOrdinal = ordinal(unit, params.lastDay + 1); // the period containing the day after the as-of day
  for (let user = 0; user + 1 < userStart.length; user++) {
    let firstOrdinal = 0;
    let lastPeriod = -1;
    let base = -1; // offset of this user's (group, elapsed) tallies
    seen.fill(0);
    for (let k = userStart[user]!; k < userStart[user + 1]!; k++) {
      const day = days[k]!;
      if (day > params.lastDay) break;
      if (params.purchasesOnly && purchased[k] !== 1) continue;
      if (base < 0) {
        firstOrdinal = ordinal(unit, day);
        const group = params.groupOf(userIds[user]!) ?? params.otherGroup;
        const elapsed = Math.min(endOrdinal - firstOrdinal - 1, maxPeriod);
        base = group * cellsPerGroup + elapsed + 1;
      }
      const period = ordinal(unit, day) - firstOrdinal;
      if (period <= maxPeriod && seen[period] === 0) {
        seen[period] = 1;
        active[base + period * elapsedSlots]!++;
      }
      lastPeriod = period;
    }
    if (base >= 0) last[base + Math.min(lastPeriod, maxPeriod) * elapsedSlots]!++;
  }
  const rows: CurveTallyRow[] = [];
  for (let group = 0; group < params.groupCount; group++) {
    for (let period = 0; period < periods; period++) {
      for (let slot = 0; slot < elapsedSlots; slot++) {
        const at = group * cellsPerGroup + period * elapsedSlots + slot;
        if (active[at] === 0 && last[at] === 0) continue;
        rows.push({ group, period, elapsed: slot - 1, activeUsers: active[at]!, lastActiveUsers: last[at]! });
      }
    }
  }
  return rows;
}
