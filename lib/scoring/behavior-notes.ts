/**
 * What each segment's users typically do, in plain words beside the segment:
 *
 *   "Typical user: 6.2 sessions/week, 4 core features, 12 active days in the last 30, recency 1 day"
 *   "Converts 3.1× the average (42.0% vs 13.5%)"
 *   "12.0% cancelled"
 *
 * "Typical" is the median (robust to the heavy tails of usage data). Rates and
 * the average are over the users in view (the filter), so the notes describe
 * exactly the table they sit beside.
 *
 * 0/0 policy: an empty segment gets the note "No users in this view" and NaN
 * figures; when nobody in view converted, the lift is null and the note says so.
 */
import { FEATURES, type FeatureName, type FeaturePhrase } from "../definitions/features";
import { formatMultiple, formatNumber, formatPercent } from "../definitions/plain-numbers";
import type { FeatureStore } from "./feature-store";
import type { Segmentation } from "./segmentation";
import { medianInPlace } from "./statistics";

/** Features summarised by default: usage intensity, breadth, habit, recency and value. */
export const DEFAULT_NOTE_FEATURES: readonly FeatureName[] = [
  "sessionsPerWeek",
  "coreFeaturesUsed",
  "activeDays30d",
  "recencyDays",
  "monetary",
];

export interface SegmentBehavior {
  segment: string;
  users: number;
  /** Median per feature over the segment's users with a value (NaN when none). */
  medians: Partial<Record<FeatureName, number>>;
  /** Share of the segment's users who converted (NaN for an empty segment). */
  conversionRate: number;
  /** conversionRate ÷ the rate of all users in view; null when that rate is 0 or the segment is empty. */
  conversionLift: number | null;
  cancelledRate: number;
  notes: string[];
}

export interface BehaviorNotes {
  usersInView: number;
  conversionRate: number;
  cancelledRate: number;
  segments: SegmentBehavior[];
}

export interface BehaviorNotesOptions {
  filterMask?: Uint8Array;
  features?: readonly FeatureName[];
}

/** "6.2 sessions/week", "recency 1 day", "monetary value 120". */
export function describeFeatureValue(feature: FeatureName, value: number): string {
  const phrase: FeaturePhrase = FEATURES[feature].phrase;
  const number = formatNumber(value, 1);
  if (phrase.style === "flag") return value >= 0.5 ? phrase.yes : phrase.no;
  if (phrase.style === "suffix") return `${number} ${value === 1 ? phrase.unit.one : phrase.unit.other}`;
  if (!phrase.unit) return `${phrase.label} ${number}`;
  const unit = value === 1 ? phrase.unit.one : phrase.unit.other;
  return `${phrase.label} ${number}${/^[A-Za-z]/.test(unit) ? ` ${unit}` : unit}`;
}

function rate(hits: number, total: number): number {
  return total === 0 ? Number.NaN : hits / total;
}

/**
 * @example
 *   behaviorNotes(store, scoreBehaviorRules(store, DEFAULT_BEHAVIOR_RULES)).segments[4].notes
 *   // ["Typical user: 6.2 sessions/week, …", "Converts 3.1× the average (42.0% vs 13.5%)", "2.0% cancelled"]
 */
export function behaviorNotes(
  store: FeatureStore,
  segmentation: Pick<Segmentation, "labels" | "segments">,
  options: BehaviorNotesOptions = {},
): BehaviorNotes {
  const { labels, segments } = segmentation;
  const mask = options.filterMask;
  const features = options.features ?? DEFAULT_NOTE_FEATURES;
  const segmentCount = segments.length;

  // Users grouped by segment (counting sort): members[offsets[s] … offsets[s + 1]) are segment s's users in view.
  const counts = new Int32Array(segmentCount);
  for (let i = 0; i < labels.length; i++) if (!mask || mask[i] === 1) counts[labels[i]!]!++;
  const offsets = new Int32Array(segmentCount + 1);
  for (let s = 0; s < segmentCount; s++) offsets[s + 1] = offsets[s]! + counts[s]!;
  const members = new Int32Array(offsets[segmentCount]!);
  const cursor = offsets.slice(0, segmentCount);
  for (let i = 0; i < labels.length; i++) if (!mask || mask[i] === 1) members[cursor[labels[i]!]!++] = i;
  const usersInView = members.length;

  const converted = store.columns.converted;
  const cancelled = store.columns.cancelled;
  const convertedBySegment = new Float64Array(segmentCount);
  const cancelledBySegment = new Float64Array(segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    for (let k = offsets[s]!; k < offsets[s + 1]!; k++) {
      const user = members[k]!;
      if (converted[user] === 1) convertedBySegment[s]!++;
      if (cancelled[user] === 1) cancelledBySegment[s]!++;
    }
  }
  const totalConverted = convertedBySegment.reduce((sum, value) => sum + value, 0);
  const totalCancelled = cancelledBySegment.reduce((sum, value) => sum + value, 0);
  const overallConversion = rate(totalConverted, usersInView);
  const overallCancelled = rate(totalCancelled, usersInView);

  const medians: Partial<Record<FeatureName, number>>[] = segments.map(() => ({}));
  const buffer = new Float64Array(Math.max(0, ...counts));
  for (const feature of features) {
    const column = store.columns[feature];
    for (let s = 0; s < segmentCount; s++) {
      let present = 0;
      for (let k = offsets[s]!; k < offsets[s + 1]!; k++) {
        const value = column[members[k]!]!;
        if (value === value) buffer[present++] = value;
      }
      if (present === 0) {
        medians[s]![feature] = Number.NaN;
        continue;
      }
      medians[s]![feature] = medianInPlace(buffer.subarray(0, present));
    }
  }

  const cancelTracked = store.available.has("cancelled") && totalCancelled > 0;
  const segmentBehaviors = segments.map((segment, s): SegmentBehavior => {
    const users = counts[s]!;
    const conversionRate = rate(convertedBySegment[s]!, users);
    const cancelledRate = rate(cancelledBySegment[s]!, users);
    const conversionLift = users > 0 && overallConversion > 0 ? conversionRate / overallConversion : null;
    const notes: string[] = [];
    if (users === 0) {
      notes.push("No users in this view");
    } else {
      const typical = features
        .filter((feature) => medians[s]![feature] === medians[s]![feature])
        .map((feature) => describeFeatureValue(feature, medians[s]![feature]!));
      if (typical.length > 0) notes.push(`Typical user: ${typical.join(", ")}`);
      if (conversionLift === null) {
        notes.push("No one in this view converted");
      } else {
        notes.push(`Converts ${formatMultiple(conversionLift)} the average (${formatPercent(conversionRate)} vs ${formatPercent(overallConversion)})`);
      }
      if (cancelTracked) notes.push(`${formatPercent(cancelledRate)} cancelled`);
    }
    return { segment, users, medians: medians[s]!, conversionRate, conversionLift, cancelledRate, notes };
  });

  return { usersInView, conversionRate: overallConversion, cancelledRate: overallCancelled, segments: segmentBehaviors };
}
