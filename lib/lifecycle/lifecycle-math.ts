import { addDays, addPeriods, periodStart } from "../retention/retention-math";
import type { LifecycleInterval, LifecycleIntervalRow } from "./lifecycle.types";

/**
 * Lifecycle (PostHog's definitions, Amplitude's new / current / resurrected /
 * dormant) from per-interval status counts, in pure TypeScript (no I/O, no clock).
 *
 * - Intervals are local calendar days, ISO weeks (Monday start) or calendar
 *   months in the dataset timezone; a user is active in an interval when they
 *   have at least one activity event in it (before as-of).
 * - New: active this interval, and this is the interval of their first activity ever.
 * - Returning: active this interval and the previous one.
 * - Resurrecting: active this interval, not the previous one, but in some earlier one.
 * - Dormant: active the previous interval, not this one; reported as a negative count.
 * - So new + returning + resurrecting = active users of the interval, and
 *   dormant(t) = −(active(t−1) − returning(t)).
 */

export const LIFECYCLE_STATUSES = ["new", "returning", "resurrecting", "dormant"] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/** One row of the lifecycle SQL: users with one status in the interval starting on `start`. */
export interface LifecycleCountRow {
  start: string;
  status: LifecycleStatus;
  users: number;
}

export interface LifecycleMathInput {
  rows: readonly LifecycleCountRow[];
  interval: LifecycleInterval;
  /** Number of intervals shown, ending with the one containing asOfDay. */
  periods: number;
  /** Last local day with data included (as-of − 1 ms, dataset timezone); null when there are no events. */
  asOfDay: string | null;
}

/** The first interval shown: `periods` intervals ending with the one that contains asOfDay. */
export function firstShownInterval(asOfDay: string, interval: LifecycleInterval, periods: number): string {
  return addPeriods(periodStart(asOfDay, interval), interval, -(periods - 1));
}

/**
 * The chart's intervals, oldest first: from the first interval with any
 * activity (or dormancy) inside the window through the one containing
 * asOfDay, zero-filled, the last one marked partial unless asOfDay is its last
 * day. Leading intervals before the data starts are dropped rather than drawn
 * as empty bars.
 * @throws RangeError when periods is not a positive integer or a row lies outside the window.
 */
export function buildLifecycle(input: LifecycleMathInput): LifecycleIntervalRow[] {
  const { rows, interval, periods, asOfDay } = input;
  if (!Number.isInteger(periods) || periods < 1) throw new RangeError("periods must be a positive integer");
  if (asOfDay === null || rows.length === 0) return [];
  const first = firstShownInterval(asOfDay, interval, periods);
  const last = periodStart(asOfDay, interval);

  const counts = new Map<string, Record<LifecycleStatus, number>>();
  for (const row of rows) {
    if (row.start < first || row.start > last || periodStart(row.start, interval) !== row.start) {
      throw new RangeError(`interval ${row.start} is not a ${interval} start between ${first} and ${last}`);
    }
    let count = counts.get(row.start);
    if (!count) {
      count = { new: 0, returning: 0, resurrecting: 0, dormant: 0 };
      counts.set(row.start, count);
    }
    count[row.status] += row.users;
  }

  const dataStart = [...counts.keys()].sort()[0]!;
  const intervals: LifecycleIntervalRow[] = [];
  for (let start = dataStart; start <= last; start = addPeriods(start, interval, 1)) {
    const count = counts.get(start) ?? { new: 0, returning: 0, resurrecting: 0, dormant: 0 };
    const end = addDays(addPeriods(start, interval, 1), -1);
    intervals.push({
      start,
      end,
      new: count.new,
      returning: count.returning,
      resurrecting: count.resurrecting,
      dormant: 0 - count.dormant, // not -count.dormant: that is -0 for none, which JSON prints as 0 but equality does not
      active: count.new + count.returning + count.resurrecting,
      partial: end > asOfDay,
    });
  }
  return intervals;
}

const INTERVAL_WORDS: Record<LifecycleInterval, string> = { day: "day", week: "week (ISO, Monday start)", month: "calendar month" };

/** The exact definitions, in words, for the UI info tooltip, the API and the CLI. */
export function describeLifecycle(options: { interval: LifecycleInterval; timezone: string; activityEvent: string | null; transactions: boolean }): string {
  const activity =
    options.activityEvent === null
      ? "any event"
      : options.transactions && options.activityEvent === "purchase"
        ? 'a purchase (transaction dataset: "purchase" events)'
        : `a "${options.activityEvent}" event`;
  const unit = INTERVAL_WORDS[options.interval];
  return (
    `Active = had ${activity} in the ${unit}, in the dataset timezone ${options.timezone}. ` +
    `New: active, and it is the ${options.interval} of their first activity. Returning: active this ${options.interval} and the previous one. ` +
    `Resurrecting: active this ${options.interval}, inactive the previous one, active at some earlier time. ` +
    `Dormant (shown below zero): active the previous ${options.interval}, inactive this one. ` +
    `New + returning + resurrecting = active users; PostHog's definitions (Amplitude: new / current / resurrected / dormant). ` +
    `The ${options.interval} containing the as-of day is partial until it ends.`
  );
}
