/**
 * Time-to-convert tallies from the in-memory feature store: the users'
 * own days_to_convert, signup_at and first_seen features, so the chart and
 * the features agree by construction, in milliseconds instead of grouping
 * every event. TIME_TO_CONVERT_SQL stays the reference (a test runs both).
 */
import { DAY_MS, type FeatureStore } from "../scoring/feature-store";
import { converterStats, type ConvertTallyRow } from "./time-to-convert-math";
import type { ConverterStats } from "./time-to-convert.types";

/** PERCENTILE_CONT over ascending values: linear interpolation between the closest ranks. */
export function percentileCont(sorted: Float64Array, fraction: number): number {
  const position = fraction * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

function statsOf(days: number[]): ConverterStats {
  if (days.length === 0) return converterStats(0, null);
  const sorted = Float64Array.from(days).sort();
  return converterStats(sorted.length, { q1: percentileCont(sorted, 0.25), median: percentileCont(sorted, 0.5), q3: percentileCont(sorted, 0.75) });
}

export interface ConvertFeatureParams {
  /** The features' as-of (epoch ms). */
  asOf: number;
  days: number;
  /** Group of store user i. */
  groupOf: (index: number) => number;
  groupCount: number;
}

export function convertTalliesFromFeatures(store: FeatureStore, params: ConvertFeatureParams): { rows: ConvertTallyRow[]; stats: Map<number, ConverterStats> } {
  const { firstSeen, signupAt, daysToConvert } = store.columns;
  const { days } = params;
  const slots = days + 3; // convert day 0..days+1, then "never"
  const counts = new Float64Array(params.groupCount * (days + 1) * slots);
  const converterDays: number[][] = Array.from({ length: params.groupCount }, () => []);
  for (let i = 0; i < store.size; i++) {
    const start = signupAt[i]! === signupAt[i]! ? signupAt[i]! : firstSeen[i]!;
    if (start !== start) continue; // no events before as-of: not a user of this chart
    const group = params.groupOf(i);
    const observed = Math.min(Math.floor((params.asOf - start) / DAY_MS), days);
    const raw = daysToConvert[i]!;
    let slot = days + 2;
    if (raw === raw) {
      const clamped = Math.max(raw, 0); // a conversion before the start counts as day 0
      slot = Math.min(Math.ceil(clamped), days + 1);
      converterDays[group]!.push(clamped);
    }
    counts[(group * (days + 1) + observed) * slots + slot]!++;
  }
  const rows: ConvertTallyRow[] = [];
  for (let group = 0; group < params.groupCount; group++) {
    for (let observed = 0; observed <= days; observed++) {
      for (let slot = 0; slot < slots; slot++) {
        const users = counts[(group * (days + 1) + observed) * slots + slot]!;
        if (users > 0) rows.push({ group, observedDays: observed, convertDay: slot === days + 2 ? null : slot, users });
      }
    }
  }
  const stats = new Map<number, ConverterStats>();
  converterDays.forEach((list, group) => {
    if (list.length > 0) stats.set(group, statsOf(list));
  });
  const everyone = converterDays.flat();
  if (everyone.length > 0) stats.set(-1, statsOf(everyone));
  return { rows, stats };
}
