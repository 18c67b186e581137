import type { ConverterStats, ConvertSeries } from "./time-to-convert.types";

/**
 * Time-to-convert curves from per-user tallies, in pure TypeScript (no I/O, no clock).
 *
 * Definitions (the converted / days_to_convert features' own, lib/features/feature-sql.ts):
 * - start = the user's first signup event before as-of, or their first event
 *   when there is none (or the dataset names no signup event);
 * - conversion = the user's first conversion event before as-of (transaction
 *   datasets without a conversion event: the first purchase);
 * - days to convert = (conversion − start) in days of 24 h, with fractions; a
 *   conversion before the start (events before signup) counts as day 0.
 * - Converted by day d: days to convert ≤ d (day 0 = at the start instant).
 * - Right-censoring: a user counts in day d's denominator only when observed
 *   for at least d days, i.e. as-of − start ≥ d × 24 h; later days of
 *   recent users are unknown, not "not converted". n = those users.
 * - percent = converted ÷ eligible × 100; null when nobody is eligible (0/0).
 * - "Everyone" sums the groups, so the groups' n add up to its n.
 */

/** One row of the SQL: users of one group with the same conversion day and observed days. */
export interface ConvertTallyRow {
  group: number;
  /** ⌈days to convert⌉ (≥ 0), at most days + 1; null = not converted before as-of. */
  convertDay: number | null;
  /** ⌊(as-of − start) in days⌋, at most days. */
  observedDays: number;
  users: number;
}

export interface ConvertMathInput {
  rows: readonly ConvertTallyRow[];
  groups: readonly string[];
  /** Last day of the curves (0..days). */
  days: number;
  overallName: string;
  hideWhenEmpty: ReadonlySet<string>;
  /** Converter statistics per group index, and for everyone under key -1. */
  stats: ReadonlyMap<number, ConverterStats>;
}

const NO_CONVERTERS: ConverterStats = { converters: 0, medianDays: null, middleHalf: null };

/** counts[observed][convertDay] with convertDay = days + 2 for "not converted". */
function emptyCounts(days: number): Float64Array[] {
  return Array.from({ length: days + 1 }, () => new Float64Array(days + 3));
}

function pointsOf(counts: Float64Array[], days: number): { size: number; points: ConvertSeries["points"] } {
  let size = 0;
  for (const row of counts) for (const n of row) size += n;
  const points: ConvertSeries["points"] = [];
  for (let day = 0; day <= days; day++) {
    let eligible = 0;
    let converted = 0;
    for (let observed = day; observed <= days; observed++) {
      const row = counts[observed]!;
      for (let c = 0; c < row.length; c++) {
        eligible += row[c]!;
        if (c <= day) converted += row[c]!;
      }
    }
    points.push({ day, eligible, converted, percent: eligible === 0 ? null : (converted / eligible) * 100 });
  }
  return { size, points };
}

/** The overall curve first, then one per group. */
export function buildConvertCurves(input: ConvertMathInput): ConvertSeries[] {
  const { rows, groups, days } = input;
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a non-negative integer");
  const byGroup = groups.map(() => emptyCounts(days));
  const overall = emptyCounts(days);
  for (const row of rows) {
    if (row.observedDays < 0 || row.observedDays > days) throw new RangeError(`observedDays ${row.observedDays} outside 0..${days}`);
    if (row.convertDay !== null && (row.convertDay < 0 || row.convertDay > days + 1)) throw new RangeError(`convertDay ${row.convertDay} outside 0..${days + 1}`);
    const group = byGroup[row.group];
    if (!group) throw new RangeError(`group ${row.group} outside 0..${groups.length - 1}`);
    const slot = row.convertDay ?? days + 2;
    group[row.observedDays]![slot]! += row.users;
    overall[row.observedDays]![slot]! += row.users;
  }
  const series: ConvertSeries[] = [{ name: input.overallName, overall: true, ...pointsOf(overall, days), ...(input.stats.get(-1) ?? NO_CONVERTERS) }];
  groups.forEach((name, index) => {
    const curve = pointsOf(byGroup[index]!, days);
    if (curve.size === 0 && input.hideWhenEmpty.has(name)) return;
    series.push({ name, overall: false, ...curve, ...(input.stats.get(index) ?? NO_CONVERTERS) });
  });
  return series;
}

/** Quartiles (PERCENTILE_CONT) of days to convert → the stats the API reports. */
export function converterStats(converters: number, quartiles: { q1: number; median: number; q3: number } | null): ConverterStats {
  if (converters === 0 || quartiles === null) return NO_CONVERTERS;
  return { converters, medianDays: quartiles.median, middleHalf: { from: Math.floor(quartiles.q1), to: Math.ceil(quartiles.q3) } };
}

/**
 * Where conversions happen, in one sentence for recommendations.
 * @example conversionWindowSentence({ converters: 120, medianDays: 9.5, middleHalf: { from: 7, to: 14 } }, "signup")
 *   // "Half of conversions happen in days 7–14 after signup (median 9.5 days, 120 converters)."
 */
export function conversionWindowSentence(stats: ConverterStats, start: string): string | null {
  if (stats.converters === 0 || stats.medianDays === null || stats.middleHalf === null) return null;
  const { from, to } = stats.middleHalf;
  const window = from === to ? `on day ${from}` : `in days ${from}–${to}`;
  const converters = `${stats.converters.toLocaleString("en-US")} ${stats.converters === 1 ? "converter" : "converters"}`;
  return `Half of conversions happen ${window} after ${start} (median ${stats.medianDays.toFixed(1)} days, ${converters}).`;
}

/** The exact definition in words, for the info tooltip, the API and the CLI. */
export function describeTimeToConvert(options: { signupEvent: string | null; conversionEvent: string; purchaseFallback: boolean; groupLabel: string }): string {
  const start = options.signupEvent
    ? `the user's first "${options.signupEvent}" event (or first event, without one)`
    : "the user's first event (no signup event is configured)";
  const conversion = options.purchaseFallback
    ? `first purchase (transaction dataset without a conversion event)`
    : `first "${options.conversionEvent}" event`;
  return (
    `% of users whose ${conversion} came within d days (24-hour days) of ${start}; a conversion before the start counts as day 0. ` +
    `Day d counts only users observed for at least d days before the data's as-of (n = those users), so recent signups do not pull the curve down. ` +
    `Same definition as the converted / days to convert features. One line per ${options.groupLabel} group; "Everyone" is all users, and the groups' n add up to its n.`
  );
}
