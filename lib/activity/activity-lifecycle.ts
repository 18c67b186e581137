/**
 * Lifecycle status counts from the in-memory activity: the same rows as
 * LIFECYCLE_SQL (lib/lifecycle/lifecycle-query.ts), which stays the reference
 * (a test runs both on the same data).
 */
import type { LifecycleCountRow, LifecycleStatus } from "../lifecycle/lifecycle-math";
import type { LifecycleInterval } from "../lifecycle/lifecycle.types";
import { epochDay, isoDate, type ActivityStore } from "./activity-store";
import { mondayOf, monthIndex } from "./activity-retention";

export interface ActivityLifecycleParams {
  /** Last local day that counts (epoch day). */
  lastDay: number;
  purchasesOnly: boolean;
  interval: LifecycleInterval;
  /** First and last interval starts shown (YYYY-MM-DD). */
  first: string;
  last: string;
}

const STATUSES: readonly LifecycleStatus[] = ["new", "returning", "resurrecting", "dormant"];
const [NEW, RETURNING, RESURRECTING, DORMANT] = [0, 1, 2, 3];
const STATUS_NAME_ORDER = STATUSES.map((_, index) => index).sort((a, b) => (STATUSES[a]! < STATUSES[b]! ? -1 : 1));

function firstOfMonth(month: number): number {
  return Date.UTC(1970, month, 1) / 86_400_000;
}

export function lifecycleCountsFromActivity(store: ActivityStore, params: ActivityLifecycleParams): LifecycleCountRow[] {
  const { userStart, days, purchased } = store;
  const first = epochDay(params.first);
  const last = epochDay(params.last);
  const startOf = (day: number): number =>
    params.interval === "day" ? day : params.interval === "week" ? mondayOf(day) : firstOfMonth(monthIndex(day));
  const nextStart = (start: number): number =>
    params.interval === "day" ? start + 1 : params.interval === "week" ? start + 7 : firstOfMonth(monthIndex(start) + 1);
  // Interval start (epoch day) → users per status; dates are formatted once per interval at the end.
  const counts = new Map<number, Int32Array>();
  const add = (start: number, status: number) => {
    let tally = counts.get(start);
    if (!tally) counts.set(start, (tally = new Int32Array(STATUSES.length)));
    tally[status]!++;
  };

  for (let user = 0; user + 1 < userStart.length; user++) {
    let previous = -1;
    // Walk the user's distinct interval starts in order, one behind: each is settled when the next is known.
    const settle = (start: number, next: number | null) => {
      if (start >= first) add(start, previous < 0 ? NEW : nextStart(previous) === start ? RETURNING : RESURRECTING);
      const after = nextStart(start);
      if ((next === null || next > after) && after >= first && after <= last) add(after, DORMANT);
      previous = start;
    };
    let current = -1;
    for (let k = userStart[user]!; k < userStart[user + 1]!; k++) {
      const day = days[k]!;
      if (day > params.lastDay) break;
      if (params.purchasesOnly && purchased[k] !== 1) continue;
      const start = startOf(day);
      if (start === current) continue;
      if (current >= 0) settle(current, start);
      current = start;
    }
    if (current >= 0) settle(current, null);
  }
  // The SQL's order: by start, then by status name.
  const rows: LifecycleCountRow[] = [];
  for (const start of [...counts.keys()].sort((a, b) => a - b)) {
    const tally = counts.get(start)!;
    for (const status of STATUS_NAME_ORDER) if (tally[status]! > 0) rows.push({ start: isoDate(start), status: STATUSES[status]!, users: tally[status]! });
  }
  return rows;
}
