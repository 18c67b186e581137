import type { RetentionMode, RetentionUnit } from "../retention/retention.types";
import type { CurveSeries } from "./retention-curves.types";

/**
 * Retention curves per group from per-user tallies, in pure TypeScript (no I/O, no clock).
 *
 * Definitions (also printed under the chart, see describeRetentionCurves). The
 * periods are the cohort matrix's (lib/retention/retention-math.ts): local
 * calendar days / ISO weeks / calendar months in the dataset timezone, period
 * 0 = the one containing the user's first-seen day.
 * - Eligible for period N: a user whose period N has fully ended by the as-of
 *   day (its last local day ≤ as-of day). Users first seen too recently to
 *   have completed period N are left out of point N, both from the numerator
 *   and the denominator (right-censoring), so a curve never dips just because
 *   recent users have not had time to come back. n = eligible users.
 * - Retained at N: n-period mode = active in exactly period N; unbounded mode
 *   = active in period N or any later period before as-of.
 * - percent = retained ÷ eligible × 100; null when no user is eligible (0/0).
 * - The overall curve ("Everyone") is the sum of the groups' counts, so the
 *   groups' n at every point add up to the overall n.
 */

/** One row of the curves SQL: users of one group with the same (period, last elapsed period). */
export interface CurveTallyRow {
  group: number;
  /** A period index 0..maxPeriod. */
  period: number;
  /** The last period (capped at maxPeriod) that has fully ended for these users; −1 = not even period 0. */
  elapsed: number;
  /** Users active in exactly `period`. */
  activeUsers: number;
  /** Users whose last active period is `period` (periods past maxPeriod counted at maxPeriod). */
  lastActiveUsers: number;
}

export interface CurveMathInput {
  rows: readonly CurveTallyRow[];
  /** Group names, indexed by CurveTallyRow.group. */
  groups: readonly string[];
  maxPeriod: number;
  mode: RetentionMode;
  overallName: string;
  /** Groups left out when they have no users at all (e.g. an empty "Everyone else"). */
  hideWhenEmpty: ReadonlySet<string>;
}

interface Counts {
  /** active[N][e]: users active in N whose last elapsed period is e (+1 offset for −1). */
  active: Float64Array[];
  last: Float64Array[];
}

function emptyCounts(maxPeriod: number): Counts {
  const make = () => Array.from({ length: maxPeriod + 1 }, () => new Float64Array(maxPeriod + 2));
  return { active: make(), last: make() };
}

function pointsOf(counts: Counts, maxPeriod: number, mode: RetentionMode): { size: number; points: CurveSeries["points"] } {
  const span = maxPeriod + 2;
  // usersByElapsed[e + 1]: users whose last elapsed period is e (each user has exactly one last active period).
  const usersByElapsed = new Float64Array(span);
  for (const row of counts.last) row.forEach((n, e) => (usersByElapsed[e] = usersByElapsed[e]! + n));
  const size = usersByElapsed.reduce((sum, n) => sum + n, 0);
  const points: CurveSeries["points"] = [];
  for (let period = 0; period <= maxPeriod; period++) {
    let eligible = 0;
    let users = 0;
    for (let e = period + 1; e < span; e++) {
      eligible += usersByElapsed[e]!;
      if (mode === "n-period") users += counts.active[period]![e]!;
      else for (let p = period; p <= maxPeriod; p++) users += counts.last[p]![e]!;
    }
    points.push({ period, eligible, users, percent: eligible === 0 ? null : (users / eligible) * 100 });
  }
  return { size, points };
}

/** The overall curve first, then one curve per group in the given order. */
export function buildRetentionCurves(input: CurveMathInput): CurveSeries[] {
  const { rows, groups, maxPeriod, mode } = input;
  if (!Number.isInteger(maxPeriod) || maxPeriod < 0) throw new RangeError("maxPeriod must be a non-negative integer");
  const byGroup = groups.map(() => emptyCounts(maxPeriod));
  const overall = emptyCounts(maxPeriod);
  for (const row of rows) {
    if (row.period < 0 || row.period > maxPeriod) throw new RangeError(`period ${row.period} outside 0..${maxPeriod}`);
    if (row.elapsed < -1 || row.elapsed > maxPeriod) throw new RangeError(`elapsed ${row.elapsed} outside -1..${maxPeriod}`);
    const group = byGroup[row.group];
    if (!group) throw new RangeError(`group ${row.group} outside 0..${groups.length - 1}`);
    for (const counts of [group, overall]) {
      counts.active[row.period]![row.elapsed + 1]! += row.activeUsers;
      counts.last[row.period]![row.elapsed + 1]! += row.lastActiveUsers;
    }
  }
  const series: CurveSeries[] = [{ name: input.overallName, overall: true, ...pointsOf(overall, maxPeriod, mode) }];
  groups.forEach((name, index) => {
    const curve = pointsOf(byGroup[index]!, maxPeriod, mode);
    if (curve.size === 0 && input.hideWhenEmpty.has(name)) return;
    series.push({ name, overall: false, ...curve });
  });
  return series;
}

const UNIT_WORDS: Record<RetentionUnit, string> = { day: "day", week: "week (ISO, Monday start)", month: "calendar month" };

/** The exact definition the curves use, in words, for the info tooltip, the API and the CLI. */
export function describeRetentionCurves(options: { periodUnit: RetentionUnit; mode: RetentionMode; timezone: string; transactions: boolean; groupLabel: string }): string {
  const activity = options.transactions ? "made a purchase (transaction dataset: retention = repeat purchase)" : "had any event";
  const seen = options.transactions ? "first purchase" : "first event";
  const rule =
    options.mode === "unbounded"
      ? `Unbounded: % of users who ${activity} in period N or any later period.`
      : `N-period: % of users who ${activity} in exactly period N.`;
  return (
    `Period N = the N-th ${UNIT_WORDS[options.periodUnit]} after the one containing each user's ${seen} (period 0 = 100%), ` +
    `calendar periods in the dataset timezone ${options.timezone}. ${rule} ` +
    `Point N counts only users whose period N has fully ended by the data's last day (n = those users); users first seen too recently are left out of that point. ` +
    `One line per ${options.groupLabel} group; "Everyone" is all users, and the groups' n add up to its n.`
  );
}
