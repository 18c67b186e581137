/**
 * DAU / WAU / MAU and active days per week from the in-memory activity: the
 * same numbers as STICKINESS_SQL (lib/stickiness/stickiness-query.ts), which
 * stays the reference (a test compares the built charts of both).
 */
import type { ActiveDaysRow, StickinessChangeRow } from "../stickiness/stickiness-math";
import { MAU_DAYS, WAU_DAYS } from "../stickiness/stickiness-math";
import { epochDay, isoDate, type ActivityStore } from "./activity-store";
import { mondayOf } from "./activity-retention";

export interface ActivityStickinessParams {
  /** Last local day that counts (epoch day). */
  lastDay: number;
  purchasesOnly: boolean;
  /** First local day read (YYYY-MM-DD): activity before it is ignored, as in the SQL. */
  queryFrom: string;
  /** Monday of the oldest and Sunday of the newest full week counted. */
  weekFrom: string;
  weekTo: string;
}

/** One change row per day from queryFrom to lastDay (the chart builder carries values over, so every day is a valid "change"). */
export function stickinessFromActivity(store: ActivityStore, params: ActivityStickinessParams): { changes: StickinessChangeRow[]; activeDays: ActiveDaysRow[] } {
  const { userStart, days, purchased } = store;
  const from = epochDay(params.queryFrom);
  const weekFrom = epochDay(params.weekFrom);
  const weekTo = epochDay(params.weekTo);
  const span = Math.max(0, params.lastDay - from + 1);
  const dau = new Int32Array(span);
  // +1 where a user's covered run starts, −1 where it ends: a running sum is WAU (MAU).
  const wauDelta = new Int32Array(span + WAU_DAYS + 1);
  const mauDelta = new Int32Array(span + MAU_DAYS + 1);
  // Monday (epoch day) → users by active days 1…7.
  const weeks = new Map<number, Int32Array>();
  const countWeek = (monday: number, activeDays: number) => {
    if (monday < weekFrom || monday + 6 > weekTo) return;
    let histogram = weeks.get(monday);
    if (!histogram) weeks.set(monday, (histogram = new Int32Array(7)));
    histogram[activeDays - 1]!++;
  };

  for (let user = 0; user + 1 < userStart.length; user++) {
    let wauEnd = -1;
    let mauEnd = -1;
    let week = -1;
    let weekDays = 0;
    for (let k = userStart[user]!; k < userStart[user + 1]!; k++) {
      const day = days[k]!;
      if (day > params.lastDay) break;
      if (day < from || (params.purchasesOnly && purchased[k] !== 1)) continue;
      const at = day - from;
      dau[at]!++;
      const wauStart = Math.max(at, wauEnd);
      if (at + WAU_DAYS > wauStart) {
        wauDelta[wauStart]!++;
        wauDelta[at + WAU_DAYS]!--;
        wauEnd = at + WAU_DAYS;
      }
      const mauStart = Math.max(at, mauEnd);
      if (at + MAU_DAYS > mauStart) {
        mauDelta[mauStart]!++;
        mauDelta[at + MAU_DAYS]!--;
        mauEnd = at + MAU_DAYS;
      }
      const monday = mondayOf(day);
      if (monday !== week) {
        if (week >= 0) countWeek(week, weekDays);
        week = monday;
        weekDays = 0;
      }
      weekDays++;
    }
    if (week >= 0) countWeek(week, weekDays);
  }

  const changes: StickinessChangeRow[] = [];
  let wau = 0;
  let mau = 0;
  for (let at = 0; at < span; at++) {
    wau += wauDelta[at]!;
    mau += mauDelta[at]!;
    changes.push({ day: isoDate(from + at), dau: dau[at]!, wau, mau });
  }
  const activeDays: ActiveDaysRow[] = [];
  for (const [monday, histogram] of weeks) {
    histogram.forEach((users, index) => {
      if (users > 0) activeDays.push({ week: isoDate(monday), activeDays: index + 1, users });
    });
  }
  return { changes, activeDays };
}
