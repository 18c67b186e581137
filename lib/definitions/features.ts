/**
 * The catalogue of per-user features the scoring models can read: one entry per
 * column of `user_features` (prisma model UserFeatures), plus the columns the
 * store derives from them. ("optional" is kept for a feature a loader may
 * supply before it has a column; none is, today.)
 *
 * Everything that shows a feature to a person (criteria text, validation
 * messages, notes) takes its words from here, so "recency ≥ 30 days" reads the
 * same in the rule editor, the API's 400 and the segment notes.
 */
import { z } from "zod";

/** How a condition on the feature is phrased. */
export type FeaturePhrase =
  /** label before the number: "recency ≥ 30 days", "first seen < 7 days ago" */
  | { style: "prefix"; label: string; unit?: { one: string; other: string } }
  /** number before the label: "> 5 sessions/week", "≥ 3 core features" */
  | { style: "suffix"; unit: { one: string; other: string } }
  /** yes/no: "= 1" reads "cancelled", "= 0" reads "not cancelled" */
  | { style: "flag"; yes: string; no: string };

export interface FeatureInfo {
  /** Short name for tables and chart axes. */
  label: string;
  /** One sentence for info tooltips. */
  description: string;
  phrase: FeaturePhrase;
  /** Values are whole numbers (prisma Int, or a 0/1 flag); lets "> 5" mean "≥ 6" when comparing rules. */
  integer: boolean;
  /** Smallest meaningful value (0 for counts and durations); conditions below it are rejected. */
  min: number | null;
  /** Largest meaningful value (1 for flags). */
  max: number | null;
  /**
   * table: a column of user_features; derived: computed by the feature store
   * from table columns and the as-of date; optional: not in user_features yet —
   * NaN (null) for every user unless the loader supplies it.
   */
  source: "table" | "derived" | "optional";
  /** Epoch-millisecond timestamps are stored as columns but cannot be used in conditions. */
  timestamp?: true;
}

const days = { one: "day", other: "days" } as const;

/**
 * Ordered as in prisma/schema.prisma, then derived, then the lifecycle columns
 * (activatedAt, returnGapDays30d, retained: user_features columns since the
 * 20261125020000_lifecycle_features migration, kept last so existing orders stay).
 */
export const FEATURES = {
  recencyDays: {
    label: "Recency",
    description: "Local days from the day of the user's last event to the as-of day (0 = active on the as-of day).",
    phrase: { style: "prefix", label: "recency", unit: days },
    integer: true, min: 0, max: null, source: "table",
  },
  frequency: {
    label: "Frequency",
    description: "Number of events before the as-of date (purchases only, for transaction datasets): RFM's F.",
    phrase: { style: "prefix", label: "frequency" },
    integer: true, min: 0, max: null, source: "table",
  },
  monetary: {
    label: "Monetary value",
    description: "Total revenue attributed to the user.",
    phrase: { style: "prefix", label: "monetary value" },
    integer: false, min: null, max: null, source: "table",
  },
  sessionsTotal: {
    label: "Sessions (all time)",
    description: "Sessions since first seen (30-minute inactivity gap).",
    phrase: { style: "suffix", unit: { one: "session in total", other: "sessions in total" } },
    integer: true, min: 0, max: null, source: "table",
  },
  sessions7d: {
    label: "Sessions (7 days)",
    description: "Sessions in the 7 days before the as-of date.",
    phrase: { style: "suffix", unit: { one: "session in the last 7 days", other: "sessions in the last 7 days" } },
    integer: true, min: 0, max: null, source: "table",
  },
  sessions30d: {
    label: "Sessions (30 days)",
    description: "Sessions in the 30 days before the as-of date.",
    phrase: { style: "suffix", unit: { one: "session in the last 30 days", other: "sessions in the last 30 days" } },
    integer: true, min: 0, max: null, source: "table",
  },
  sessionsPerWeek: {
    label: "Sessions per week",
    description: "All sessions divided by lifetime weeks (local days from first seen to the as-of day ÷ 7, at least 1).",
    phrase: { style: "suffix", unit: { one: "session/week", other: "sessions/week" } },
    integer: false, min: 0, max: null, source: "table",
  },
  activeDays7d: {
    label: "Active days (7)",
    description: "Distinct days with activity in the last 7 days.",
    phrase: { style: "suffix", unit: { one: "active day in the last 7", other: "active days in the last 7" } },
    integer: true, min: 0, max: 7, source: "table",
  },
  activeDays30d: {
    label: "Active days (30)",
    description: "Distinct days with activity in the last 30 days.",
    phrase: { style: "suffix", unit: { one: "active day in the last 30", other: "active days in the last 30" } },
    integer: true, min: 0, max: 30, source: "table",
  },
  activeDays90d: {
    label: "Active days (90)",
    description: "Distinct days with activity in the last 90 days.",
    phrase: { style: "suffix", unit: { one: "active day in the last 90", other: "active days in the last 90" } },
    integer: true, min: 0, max: 90, source: "table",
  },
  weeksActive12: {
    label: "Active weeks (of 12)",
    description: "Of the 12 seven-day blocks ending on the as-of day, how many have any event.",
    phrase: { style: "suffix", unit: { one: "active week of the last 12", other: "active weeks of the last 12" } },
    integer: true, min: 0, max: 12, source: "table",
  },
  eventsPerActiveWeek: {
    label: "Events per active week",
    description: "Events divided by weeks with activity.",
    phrase: { style: "suffix", unit: { one: "event per active week", other: "events per active week" } },
    integer: false, min: 0, max: null, source: "table",
  },
  coreFeaturesUsed: {
    label: "Core features used",
    description: "How many of the dataset's core features (event names) the user ever did.",
    phrase: { style: "suffix", unit: { one: "core feature", other: "core features" } },
    integer: true, min: 0, max: null, source: "table",
  },
  converted: {
    label: "Converted",
    description: "1 if the user fired the dataset's conversion event.",
    phrase: { style: "flag", yes: "converted", no: "not converted" },
    integer: true, min: 0, max: 1, source: "table",
  },
  daysToConvert: {
    label: "Days to convert",
    description: "Days from signup (or first seen) to conversion, fractional; null if not converted; negative when the signup event came after the conversion.",
    phrase: { style: "prefix", label: "time to convert", unit: days },
    integer: false, min: null, max: null, source: "table",
  },
  conversionPathDepth: {
    label: "Conversion path depth",
    description: "Distinct event names the user did before converting; null if not converted.",
    phrase: { style: "prefix", label: "conversion path depth", unit: { one: "event", other: "events" } },
    integer: true, min: 0, max: null, source: "table",
  },
  cancelled: {
    label: "Cancelled",
    description: "1 if the user fired the dataset's cancel event.",
    phrase: { style: "flag", yes: "cancelled", no: "not cancelled" },
    integer: true, min: 0, max: 1, source: "table",
  },
  activity30dVsBaseline: {
    label: "Activity vs baseline",
    description: "Daily event rate in the last 30 days ÷ the daily rate before them; 1 = as active as before, 0 = silent lately; null without earlier history.",
    phrase: { style: "prefix", label: "last-30-day activity vs baseline", unit: { one: "×", other: "×" } },
    integer: false, min: 0, max: null, source: "table",
  },
  firstSeen: {
    label: "First seen",
    description: "Time of the user's first event (epoch ms).",
    phrase: { style: "prefix", label: "first seen" },
    integer: true, min: null, max: null, source: "table", timestamp: true,
  },
  lastSeen: {
    label: "Last seen",
    description: "Time of the user's last event (epoch ms).",
    phrase: { style: "prefix", label: "last seen" },
    integer: true, min: null, max: null, source: "table", timestamp: true,
  },
  signupAt: {
    label: "Signed up",
    description: "Time of the signup event (epoch ms); null without one.",
    phrase: { style: "prefix", label: "signed up" },
    integer: true, min: null, max: null, source: "table", timestamp: true,
  },
  convertedAt: {
    label: "Converted at",
    description: "Time of the conversion event (epoch ms); null if not converted.",
    phrase: { style: "prefix", label: "converted at" },
    integer: true, min: null, max: null, source: "table", timestamp: true,
  },
  ageDays: {
    label: "Age (days)",
    description: "Local days from the first-seen day to the as-of day (dataset timezone; 0 = first seen on the as-of day), like recency.",
    phrase: { style: "prefix", label: "first seen", unit: { one: "day ago", other: "days ago" } },
    integer: true, min: 0, max: null, source: "derived",
  },
  daysToActivate: {
    label: "Days to activate",
    description: "Days from signup (or first seen) to the activation event, fractional (like daysToConvert); null if never activated. Derived from activatedAt.",
    phrase: { style: "prefix", label: "time to activate", unit: days },
    integer: false, min: null, max: null, source: "derived",
  },
  activatedAt: {
    label: "Activated at",
    description: "Time of the first activation event (the dataset's activationEvent), epoch ms; null if never or when the dataset names none.",
    phrase: { style: "prefix", label: "activated at" },
    integer: true, min: null, max: null, source: "table", timestamp: true,
  },
  returnGapDays30d: {
    label: "Return gap (days)",
    description:
      "Longest run of whole inactive local days that ended with activity inside the last 30 days ending with the as-of day (how long the user was away before coming back; the run may start earlier); 0 if none.",
    phrase: { style: "prefix", label: "came back after a gap of", unit: days },
    integer: true, min: 0, max: null, source: "table",
  },
  retained: {
    label: "Retained",
    description:
      "1 if the user was active on a local day 28 or more days after the first-seen day (unbounded Day-28 retention; 0 for users first seen less than 28 days ago); an outcome for the engagement score.",
    phrase: { style: "flag", yes: "retained", no: "not retained" },
    integer: true, min: 0, max: 1, source: "table",
  },
} as const satisfies Record<string, FeatureInfo>;

export type FeatureName = keyof typeof FEATURES;

export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];

export function featureInfo(feature: FeatureName): FeatureInfo {
  return FEATURES[feature];
}

/** Features a condition may test: every feature except raw timestamps. */
export const CONDITION_FEATURES = FEATURE_NAMES.filter(
  (name) => !("timestamp" in FEATURES[name]),
) as ConditionFeatureName[];

export type ConditionFeatureName = {
  [K in FeatureName]: (typeof FEATURES)[K] extends { timestamp: true } ? never : K;
}[FeatureName];

/** 0/1 features: usable as an outcome (engagement score) and phrased as yes/no. */
export const FLAG_FEATURES = FEATURE_NAMES.filter((name) => FEATURES[name].phrase.style === "flag") as FlagFeatureName[];

export type FlagFeatureName = {
  [K in FeatureName]: (typeof FEATURES)[K]["phrase"] extends { style: "flag" } ? K : never;
}[FeatureName];

/** A zod enum over the condition features whose error says which name was not understood. */
export const ConditionFeatureSchema = z.enum(CONDITION_FEATURES as [ConditionFeatureName, ...ConditionFeatureName[]]);

export const FlagFeatureSchema = z.enum(FLAG_FEATURES as [FlagFeatureName, ...FlagFeatureName[]]);

/** Numeric, non-flag features: usable as a usage metric or an engagement metric. */
export const METRIC_FEATURES = CONDITION_FEATURES.filter(
  (name) => FEATURES[name].phrase.style !== "flag",
) as MetricFeatureName[];

export type MetricFeatureName = Exclude<ConditionFeatureName, FlagFeatureName>;

export const MetricFeatureSchema = z.enum(METRIC_FEATURES as [MetricFeatureName, ...MetricFeatureName[]]);

/** "recencyDays" for "recency", "sessionsPerWeek" for "sessionsperweek": a hint for unknown feature names. */
export function suggestFeature(input: string): FeatureName | null {
  const wanted = input.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (wanted.length === 0) return null;
  const exact = FEATURE_NAMES.find((name) => name.toLowerCase() === wanted);
  if (exact) return exact;
  const partial = FEATURE_NAMES.find(
    (name) => name.toLowerCase().startsWith(wanted) || wanted.startsWith(name.toLowerCase()),
  );
  if (partial) return partial;
  const byLabel = FEATURE_NAMES.find((name) => FEATURES[name].label.toLowerCase().replace(/[^a-z0-9]/g, "") === wanted);
  return byLabel ?? null;
}
