import type { RetentionCell, RetentionCohort, RetentionMode, RetentionUnit } from "./retention.types";

/**
 * Cohort retention from per-cohort counts, in pure TypeScript (no I/O, no clock).
 *
 * Definitions (also printed under the matrix, see describeRetention):
 * - Dates are local calendar dates in the dataset timezone (YYYY-MM-DD).
 *   Week = ISO week starting Monday; month = calendar month.
 * - A user's first-seen day = local date of their first event before as-of
 *   (transaction datasets: first purchase). Cohort = the cohort-unit period
 *   containing it.
 * - Period N of a user = the N-th period-unit period after the one containing
 *   their first-seen day (period 0 = that period, so period 0 is 100% for
 *   every non-empty cohort).
 * - N-period ("bracket") retention at N = users active in exactly period N.
 *   Unbounded retention at N = users active in period N or any later period
 *   (before as-of), so unbounded ≥ N-period at every N.
 * - 0/0 policy: a cohort with no users has percent null ("—"), never 0 or 100.
 * - A cell whose period has not started for any user of the cohort (as of
 *   as-of day) is "future": users and percent are null, not 0. A cell under
 *   way for some users is "partial" (its count may still grow).
 */

/** One row of the retention SQL: counts for one cohort and one period index 0..maxPeriod. */
export interface RetentionCountRow {
  cohortStart: string;
  period: number;
  /** Users of the cohort active in exactly this period. */
  activeUsers: number;
  /** Users of the cohort whose last active period is this one (periods past maxPeriod count at maxPeriod). */
  lastActiveUsers: number;
}

export interface RetentionMathInput {
  rows: readonly RetentionCountRow[];
  cohortUnit: RetentionUnit;
  periodUnit: RetentionUnit;
  /** Largest period index shown (periods 0..maxPeriod). */
  maxPeriod: number;
  mode: RetentionMode;
  /** Last local day with data included (as-of − 1 ms, dataset timezone); null when there are no events. */
  asOfDay: string | null;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function toUtcMs(date: string): number {
  if (!DATE.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** The first day of the day/week(ISO, Monday)/month containing `date`. */
export function periodStart(date: string, unit: RetentionUnit): string {
  if (unit === "day") return fromUtcMs(toUtcMs(date));
  if (unit === "week") {
    const weekday = (new Date(toUtcMs(date)).getUTCDay() + 6) % 7; // Monday = 0
    return addDays(date, -weekday);
  }
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the period `count` units after the period starting at `start`. */
export function addPeriods(start: string, unit: RetentionUnit, count: number): string {
  if (unit === "day") return addDays(start, count);
  if (unit === "week") return addDays(start, 7 * count);
  const d = new Date(toUtcMs(start));
  return fromUtcMs(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + count, 1));
}

/**
 * Retention percent with the 0/0 policy: null when the cohort is empty.
 * @example retentionPercent(1, 3) // 33.33333333333333
 */
export function retentionPercent(users: number, cohortSize: number): number | null {
  if (cohortSize === 0) return null; // 0/0: no rate rather than a misleading 0% or 100%
  return (users / cohortSize) * 100;
}

/** Whether period N of a cohort is complete, under way, or not yet started on asOfDay. */
export function cellState(
  cohortStart: string,
  cohortUnit: RetentionUnit,
  periodUnit: RetentionUnit,
  period: number,
  asOfDay: string,
): RetentionCell["state"] {
  const cohortLastDay = addDays(addPeriods(cohortStart, cohortUnit, 1), -1);
  // The earliest user of the cohort reaches period N first, the latest user finishes it last.
  const earliestStart = addPeriods(periodStart(cohortStart, periodUnit), periodUnit, period);
  const latestEnd = addPeriods(periodStart(cohortLastDay, periodUnit), periodUnit, period + 1); // exclusive
  if (earliestStart > asOfDay) return "future";
  if (latestEnd <= addDays(asOfDay, 1)) return "complete";
  return "partial";
}

/**
 * Builds the matrix: every cohort period from the first one with data through
 * the one containing asOfDay (empty cohorts included, size 0), each with
 * periods 0..maxPeriod.
 */
export function buildRetentionMatrix(input: RetentionMathInput): RetentionCohort[] {
  const { rows, cohortUnit, periodUnit, maxPeriod, mode, asOfDay } = input;
  if (!Number.isInteger(maxPeriod) || maxPeriod < 0) throw new RangeError("maxPeriod must be a non-negative integer");
  if (asOfDay === null || rows.length === 0) return [];

  const byCohort = new Map<string, { active: number[]; last: number[] }>();
  for (const row of rows) {
    if (row.period < 0 || row.period > maxPeriod) throw new RangeError(`period ${row.period} outside 0..${maxPeriod}`);
    let counts = byCohort.get(row.cohortStart);
    if (!counts) {
      counts = { active: new Array<number>(maxPeriod + 1).fill(0), last: new Array<number>(maxPeriod + 1).fill(0) };
      byCohort.set(row.cohortStart, counts);
    }
    counts.active[row.period]! += row.activeUsers;
    counts.last[row.period]! += row.lastActiveUsers;
  }

  const firstCohort = [...byCohort.keys()].sort()[0]!;
  const lastCohort = periodStart(asOfDay, cohortUnit);
  const cohorts: RetentionCohort[] = [];
  for (let start = periodStart(firstCohort, cohortUnit); start <= lastCohort; start = addPeriods(start, cohortUnit, 1)) {
    const counts = byCohort.get(start);
    const active = counts?.active ?? new Array<number>(maxPeriod + 1).fill(0);
    const last = counts?.last ?? new Array<number>(maxPeriod + 1).fill(0);
    const size = last.reduce((sum, n) => sum + n, 0); // each user has exactly one last period
    const cells: RetentionCell[] = [];
    let atOrAfter = size; // unbounded: users whose last period is ≥ N
    for (let period = 0; period <= maxPeriod; period++) {
      const users = mode === "unbounded" ? atOrAfter : active[period]!;
      atOrAfter -= last[period]!;
      const state = cellState(start, cohortUnit, periodUnit, period, asOfDay);
      cells.push(
        state === "future"
          ? { period, users: null, percent: null, state }
          : { period, users, percent: retentionPercent(users, size), state },
      );
    }
    cohorts.push({ start, size, cells });
  }
  return cohorts;
}

const UNIT_WORDS: Record<RetentionUnit, string> = { day: "day", week: "week (ISO, Monday start)", month: "calendar month" };

/** The exact definition the matrix uses, in words, for the UI info line, the API and the CLI. */
export function describeRetention(options: {
  cohortUnit: RetentionUnit;
  periodUnit: RetentionUnit;
  mode: RetentionMode;
  timezone: string;
  transactions: boolean;
}): string {
  const activity = options.transactions ? "made a purchase (transaction dataset: retention = repeat purchase)" : "had any event";
  const seen = options.transactions ? "first purchase" : "first event";
  const rule =
    options.mode === "unbounded"
      ? `Unbounded retention: share of the cohort that ${activity} in period N or any later period.`
      : `N-period retention: share of the cohort that ${activity} in exactly period N.`;
  return (
    `Cohort = ${UNIT_WORDS[options.cohortUnit]} of each user's ${seen}; period N = the N-th ${UNIT_WORDS[options.periodUnit]} after the one containing it (period 0 = 100%). ` +
    `${rule} Calendar periods in the dataset timezone ${options.timezone}, not rolling 24-hour windows. ` +
    `Empty cohorts show "—" (0/0); periods not yet started show blank, periods under way are marked partial.`
  );
}
