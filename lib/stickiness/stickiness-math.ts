import { addDays, periodStart } from "../retention/retention-math";
import type { ActiveDaysBucket, ActiveDaysWeek, StickinessDay } from "./stickiness.types";

/**
 * Stickiness from per-day and per-week counts, in pure TypeScript (no I/O, no clock).
 *
 * Definitions (local calendar days in the dataset timezone; a user is active
 * on a day with at least one activity event that day, before as-of):
 * - DAU(d) = users active on day d.
 * - WAU(d) = users active on any of the 7 days d−6 … d (trailing, not the ISO week).
 * - MAU(d) = users active on any of the 30 days d−29 … d.
 * - DAU/MAU(d) = DAU(d) ÷ MAU(d); 0/0 (no one active in 30 days) is null, not 0%.
 * - Active days per week: for each full ISO week (Monday–Sunday, ending on or
 *   before the as-of day), each weekly-active user falls in one bucket 1…7 by
 *   their number of active days that week; the aggregate sums user-weeks over
 *   the weeks and divides by the summed weekly-active users.
 */

export const WAU_DAYS = 7;
export const MAU_DAYS = 30;

/** Days and weeks the query must read and the chart shows. All dates are local YYYY-MM-DD. */
export interface StickinessWindow {
  /** First day drawn: `days` days ending with the as-of day. */
  displayFrom: string;
  /** Monday of the oldest full week and Sunday of the newest one aggregated. */
  weekFrom: string;
  weekTo: string;
  /** First active day the query reads: enough history for MAU on displayFrom and for the oldest week. */
  queryFrom: string;
}

/**
 * @example stickinessWindow("2026-03-25", 7, 2)
 * // { displayFrom: "2026-03-19", weekFrom: "2026-03-09", weekTo: "2026-03-22", queryFrom: "2026-02-18" }
 */
export function stickinessWindow(asOfDay: string, days: number, weeks: number): StickinessWindow {
  if (!Number.isInteger(days) || days < 1 || !Number.isInteger(weeks) || weeks < 1) throw new RangeError("days and weeks must be positive integers");
  const displayFrom = addDays(asOfDay, -(days - 1));
  // The newest full week ends on the as-of day when that is a Sunday, else on the Sunday before.
  const weekTo = addDays(periodStart(addDays(asOfDay, 1), "week"), -1);
  const weekFrom = addDays(weekTo, -(7 * weeks - 1));
  const mauFrom = addDays(displayFrom, -(MAU_DAYS - 1));
  return { displayFrom, weekFrom, weekTo, queryFrom: mauFrom < weekFrom ? mauFrom : weekFrom };
}

/**
 * DAU/MAU as a percent with the 0/0 policy.
 * @example dauMauPercent(3, 12) // 25
 */
export function dauMauPercent(dau: number, mau: number): number | null {
  if (mau === 0) return null; // nobody active in 30 days: no ratio rather than a misleading 0%
  return (dau / mau) * 100;
}

/** One row of the stickiness SQL per day on which anything changed: DAU of that day, WAU and MAU from that day on. */
export interface StickinessChangeRow {
  day: string;
  dau: number;
  wau: number;
  mau: number;
}

/**
 * Every day from displayFrom through asOfDay. The SQL returns only days on
 * which a count changed; on other days DAU is 0 and WAU / MAU carry over from
 * the last change. Leading days with MAU 0 (before the data starts) are dropped.
 */
export function buildDaily(rows: readonly StickinessChangeRow[], displayFrom: string, asOfDay: string): StickinessDay[] {
  const sorted = [...rows].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const daily: StickinessDay[] = [];
  let next = 0;
  let wau = 0;
  let mau = 0;
  for (let day = displayFrom; day <= asOfDay; day = addDays(day, 1)) {
    let dau = 0;
    while (next < sorted.length && sorted[next]!.day <= day) {
      const row = sorted[next++]!;
      wau = row.wau;
      mau = row.mau;
      dau = row.day === day ? row.dau : 0;
    }
    if (daily.length === 0 && mau === 0) continue;
    daily.push({ day, dau, wau, mau, dauMauPercent: dauMauPercent(dau, mau) });
  }
  return daily;
}

/** One row of the active-days SQL: `users` were active on exactly `activeDays` days of the week starting `week`. */
export interface ActiveDaysRow {
  week: string;
  activeDays: number;
  users: number;
}

/**
 * Per-week histograms (from the first week with data through weekTo,
 * zero-filled) and their sum as shares of weekly-active user-weeks.
 * @throws RangeError for a row outside the weeks or with activeDays outside 1…7.
 */
export function buildActiveDaysPerWeek(
  rows: readonly ActiveDaysRow[],
  weekFrom: string,
  weekTo: string,
): { weeks: ActiveDaysWeek[]; weeklyActiveUserWeeks: number; buckets: ActiveDaysBucket[] } {
  const byWeek = new Map<string, number[]>();
  for (const row of rows) {
    if (row.week < weekFrom || row.week > weekTo || periodStart(row.week, "week") !== row.week) throw new RangeError(`week ${row.week} is not a Monday between ${weekFrom} and ${weekTo}`);
    if (!Number.isInteger(row.activeDays) || row.activeDays < 1 || row.activeDays > 7) throw new RangeError(`activeDays ${row.activeDays} outside 1…7`);
    let histogram = byWeek.get(row.week);
    if (!histogram) byWeek.set(row.week, (histogram = new Array<number>(7).fill(0)));
    histogram[row.activeDays - 1]! += row.users;
  }
  const weeks: ActiveDaysWeek[] = [];
  const totals = new Array<number>(7).fill(0);
  const firstWeek = [...byWeek.keys()].sort()[0];
  if (firstWeek !== undefined) {
    for (let start = firstWeek; start <= weekTo; start = addDays(start, 7)) {
      const byActiveDays = byWeek.get(start) ?? new Array<number>(7).fill(0);
      byActiveDays.forEach((users, index) => (totals[index]! += users));
      weeks.push({ start, weeklyActive: byActiveDays.reduce((sum, users) => sum + users, 0), byActiveDays });
    }
  }
  const weeklyActiveUserWeeks = totals.reduce((sum, users) => sum + users, 0);
  const buckets = totals.map((users, index) => ({
    days: index + 1,
    users,
    percent: weeklyActiveUserWeeks === 0 ? null : (users / weeklyActiveUserWeeks) * 100, // 0/0: no share
  }));
  return { weeks, weeklyActiveUserWeeks, buckets };
}

/** The exact definitions, in words, for the UI info tooltip, the API and the CLI. */
export function describeStickiness(options: { timezone: string; activityEvent: string | null }): string {
  const activity = options.activityEvent === null ? "any event" : `a "${options.activityEvent}" event`;
  return (
    `Active on a day = had ${activity} that local calendar day in the dataset timezone ${options.timezone}. ` +
    `DAU = users active that day; WAU = users active on any of the trailing 7 days ending that day; MAU = the trailing 30 days. ` +
    `DAU/MAU = DAU ÷ MAU ("—" when MAU is 0). ` +
    `Active days per week: for each full ISO week (Monday–Sunday), weekly-active users by how many of its 7 days they were active, summed over the weeks, as % of weekly-active user-weeks.`
  );
}
