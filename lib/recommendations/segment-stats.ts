/**
 * The numbers recommendations are triggered by and cite, per segment and for
 * everyone in view: medians of usage, and outcome rates with their lift over
 * the overall rate. Pure: runs on the in-memory feature store.
 */
import type { FeatureStore } from "../scoring/feature-store";
import type { Segmentation } from "../scoring/segmentation";
import { medianInPlace } from "../scoring/statistics";

/** Day-28 retention can only be judged for users first seen at least this many days before as-of (the `retained` feature's window). */
export const RETENTION_ELIGIBLE_AGE_DAYS = 28;

export const STAT_NAMES = [
  "users",
  "share",
  "sessionsPerWeek",
  "activeDaysPerWeek",
  "coreFeaturesUsed",
  "noCoreFeatureShare",
  "recencyDays",
  "monetary",
  "monetaryLift",
  "conversionRate",
  "conversionLift",
  "retainedRate",
  "retentionLift",
  "cancelledRate",
  "cancelLift",
] as const;
export type StatName = (typeof STAT_NAMES)[number];

/** How a stat is written when a recommendation cites it. */
export const STAT_FORMATS: Record<StatName, "count" | "percent" | "multiple" | "number" | "days"> = {
  users: "count",
  share: "percent",
  sessionsPerWeek: "number",
  activeDaysPerWeek: "number",
  coreFeaturesUsed: "number",
  noCoreFeatureShare: "percent",
  recencyDays: "days",
  monetary: "number",
  monetaryLift: "multiple",
  conversionRate: "percent",
  conversionLift: "multiple",
  retainedRate: "percent",
  retentionLift: "multiple",
  cancelledRate: "percent",
  cancelLift: "multiple",
};

/** NaN where a stat has no meaning (an empty segment, a rate over no eligible users, a lift over a zero rate). */
export type SegmentStats = Record<StatName, number>;

export interface StatsResult {
  overall: SegmentStats;
  segments: { segment: string; stats: SegmentStats }[];
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}

interface Tally {
  users: number;
  converted: number;
  cancelled: number;
  eligible: number;
  retained: number;
  monetary: number;
  noCore: number;
  members: number[];
}

function emptyTally(): Tally {
  return { users: 0, converted: 0, cancelled: 0, eligible: 0, retained: 0, monetary: 0, noCore: 0, members: [] };
}

function medianOf(column: Float64Array, members: readonly number[]): number {
  const values = new Float64Array(members.length);
  let present = 0;
  for (const user of members) {
    const value = column[user]!;
    if (value === value) values[present++] = value;
  }
  return present === 0 ? Number.NaN : medianInPlace(values.subarray(0, present));
}

function statsOf(store: FeatureStore, tally: Tally, total: number, overall: SegmentStats | null): SegmentStats {
  const { columns } = store;
  const conversionRate = ratio(tally.converted, tally.users);
  const retainedRate = ratio(tally.retained, tally.eligible);
  const cancelledRate = ratio(tally.cancelled, tally.users);
  const monetary = ratio(tally.monetary, tally.users);
  const lift = (value: number, base: number | undefined) => (base === undefined ? 1 : ratio(value, base));
  return {
    users: tally.users,
    share: ratio(tally.users, total),
    sessionsPerWeek: medianOf(columns.sessionsPerWeek, tally.members),
    // activeDays30d over 30 days, per 7: days per week, the unit people think in.
    activeDaysPerWeek: (medianOf(columns.activeDays30d, tally.members) * 7) / 30,
    coreFeaturesUsed: medianOf(columns.coreFeaturesUsed, tally.members),
    noCoreFeatureShare: ratio(tally.noCore, tally.users),
    recencyDays: medianOf(columns.recencyDays, tally.members),
    monetary,
    monetaryLift: lift(monetary, overall?.monetary),
    conversionRate,
    conversionLift: lift(conversionRate, overall?.conversionRate),
    retainedRate,
    retentionLift: lift(retainedRate, overall?.retainedRate),
    cancelledRate,
    cancelLift: lift(cancelledRate, overall?.cancelledRate),
  };
}

/**
 * Stats of each segment and of all users in view (filterMask). Monetary is
 * the mean (revenue adds up; the median of mostly-zero spend says nothing);
 * usage stats are medians; retention counts only users old enough to judge.
 */
export function segmentStats(store: FeatureStore, segmentation: Pick<Segmentation, "labels" | "segments">, filterMask?: Uint8Array): StatsResult {
  const { columns } = store;
  const all = emptyTally();
  const tallies = segmentation.segments.map(emptyTally);
  for (let i = 0; i < store.size; i++) {
    if (filterMask && filterMask[i] !== 1) continue;
    const tally = tallies[segmentation.labels[i]!]!;
    for (const t of [tally, all]) {
      t.users++;
      t.members.push(i);
      if (columns.converted[i] === 1) t.converted++;
      if (columns.cancelled[i] === 1) t.cancelled++;
      if (columns.ageDays[i]! >= RETENTION_ELIGIBLE_AGE_DAYS) {
        t.eligible++;
        if (columns.retained[i] === 1) t.retained++;
      }
      const spend = columns.monetary[i]!;
      if (spend === spend) t.monetary += spend;
      if (columns.coreFeaturesUsed[i] === 0) t.noCore++;
    }
  }
  const overall = statsOf(store, all, all.users, null);
  const segments = segmentation.segments.map((segment, s) => ({ segment, stats: statsOf(store, tallies[s]!, all.users, overall) }));
  // Nobody used a core feature: most likely none are configured (transaction logs), so breadth says nothing.
  if (all.noCore === all.users) {
    for (const stats of [overall, ...segments.map((entry) => entry.stats)]) {
      stats.coreFeaturesUsed = Number.NaN;
      stats.noCoreFeatureShare = Number.NaN;
    }
  }
  return { overall, segments };
}
