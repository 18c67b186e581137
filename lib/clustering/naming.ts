/**
 * Names for clusters from what sets each apart: the 2–3 features whose
 * standardized centroid is farthest from the average user (largest |z|, at
 * least 0.5 sd away), each in words for "high" or "low":
 *
 *   centroid z: sessionsPerWeek +2.1, coreFeaturesUsed +1.4, converted −0.6
 *   → "Very frequent sessions, many core features, not converted"
 *
 * Common features have their own words; the others read "high/low <label>"
 * with the label from lib/definitions/features.ts, and flags use their yes/no
 * words. |z| ≥ 1.5 adds "very". A cluster near the average on every feature is
 * "Typical users". Names are made unique ("… (2)") and can be edited.
 */
import { MAX_SEGMENT_NAME_LENGTH } from "../definitions/segment-name";
import { FEATURES, type FeatureName } from "../definitions/features";
import { describeFeatureValue } from "../scoring/behavior-notes";
import { unscale, type Scaler } from "./standardize";

/** Below this many sd from the mean a feature does not characterise a cluster. */
export const NAMING_MIN_ABS_Z = 0.5;
const VERY_ABS_Z = 1.5;
const MAX_NAME_FEATURES = 3;

const WORDS: Partial<Record<FeatureName, { high: string; low: string }>> = {
  recencyDays: { high: "long inactive", low: "recently active" },
  frequency: { high: "many events", low: "few events" },
  monetary: { high: "high spend", low: "low spend" },
  sessionsTotal: { high: "many sessions", low: "few sessions" },
  sessions7d: { high: "busy this week", low: "quiet this week" },
  sessions30d: { high: "busy this month", low: "quiet this month" },
  sessionsPerWeek: { high: "frequent sessions", low: "infrequent sessions" },
  activeDays7d: { high: "active most days", low: "rarely active this week" },
  activeDays30d: { high: "active most days", low: "rarely active" },
  activeDays90d: { high: "active for months", low: "rarely active in 90 days" },
  weeksActive12: { high: "active most weeks", low: "few active weeks" },
  eventsPerActiveWeek: { high: "intense weeks", low: "light weeks" },
  coreFeaturesUsed: { high: "many core features", low: "few core features" },
  ageDays: { high: "long-time users", low: "new users" },
  daysToConvert: { high: "slow to convert", low: "quick to convert" },
  activity30dVsBaseline: { high: "more active lately", low: "slowing down" },
  returnGapDays30d: { high: "came back after long gaps", low: "no long gaps" },
};

function phrase(feature: FeatureName, z: number): string {
  const info = FEATURES[feature];
  if (info.phrase.style === "flag") return z > 0 ? info.phrase.yes : info.phrase.no;
  const words = WORDS[feature];
  const text = words ? (z > 0 ? words.high : words.low) : `${z > 0 ? "high" : "low"} ${info.label.toLowerCase()}`;
  return Math.abs(z) >= VERY_ABS_Z ? `very ${text}` : text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ClusterTrait {
  feature: FeatureName;
  /** Centroid in standardized units (sd from the clustered users' mean). */
  z: number;
  /** Centroid in the feature's own units ("6.2 sessions/week"). */
  value: number;
  text: string;
}

/** The centroid's features, most distinguishing first. */
export function clusterTraits(centroid: ArrayLike<number>, scaler: Scaler): ClusterTrait[] {
  return scaler.features
    .map((scaled, d): ClusterTrait => {
      const value = unscale(scaled, centroid[d]!);
      return { feature: scaled.feature, z: centroid[d]!, value, text: describeFeatureValue(scaled.feature, value) };
    })
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
}

/** "Very frequent sessions, many core features, not converted"; "Typical users" when nothing stands out. */
export function nameFromCentroid(centroid: ArrayLike<number>, scaler: Scaler): string {
  const standout = clusterTraits(centroid, scaler)
    .filter((trait) => Math.abs(trait.z) >= NAMING_MIN_ABS_Z)
    .slice(0, MAX_NAME_FEATURES);
  if (standout.length === 0) return "Typical users";
  // Two features may share words (activeDays7d and activeDays30d both "active most days"): say it once.
  const phrases = [...new Set(standout.map((trait) => phrase(trait.feature, trait.z)))];
  return capitalize(phrases.join(", "));
}

/** Appends " (2)", " (3)" … to repeated names, in order. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** Names for k centroids (row-major k × dims). */
export function nameClusters(centroids: Float64Array, k: number, scaler: Scaler): string[] {
  const dims = scaler.features.length;
  return uniqueNames(Array.from({ length: k }, (_, c) => nameFromCentroid(centroids.subarray(c * dims, (c + 1) * dims), scaler)));
}

/**
 * The names after a person's edits (cluster index → new name). Returns the
 * problems instead when a name is empty, too long, or repeats another.
 */
export function renameClusters(names: readonly string[], edits: Readonly<Record<number, string>>): { ok: true; names: string[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const next = names.map((name, index) => {
    const edit = edits[index];
    return edit === undefined ? name : edit.trim();
  });
  for (const index of Object.keys(edits).map(Number)) {
    if (!Number.isInteger(index) || index < 0 || index >= names.length) errors.push(`There is no cluster ${index + 1} to rename (there are ${names.length})`);
  }
  next.forEach((name, index) => {
    if (name.length === 0) errors.push(`Cluster ${index + 1} needs a name`);
    else if (name.length > MAX_SEGMENT_NAME_LENGTH) errors.push(`Cluster ${index + 1}'s name is longer than ${MAX_SEGMENT_NAME_LENGTH} characters`);
    const first = next.indexOf(name);
    if (name.length > 0 && first !== index) errors.push(`Clusters ${first + 1} and ${index + 1} are both named "${name}"`);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, names: next };
}
