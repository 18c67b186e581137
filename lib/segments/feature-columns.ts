/**
 * Which `user_features` column holds each feature of the catalogue
 * (lib/definitions/features.ts, source "table"). The feature cache reads these
 * columns, and the benchmark's SQL twin of a rule model compiles conditions to
 * them, so both name a feature's column the same way.
 */
import { FEATURES, type FeatureName } from "../definitions/features";

export type TableFeatureName = {
  [K in FeatureName]: (typeof FEATURES)[K]["source"] extends "table" ? K : never;
}[FeatureName];

/** Feature → column of user_features (prisma UserFeatures @map names). */
export const FEATURE_COLUMNS = {
  recencyDays: "recency_days",
  frequency: "frequency",
  monetary: "monetary",
  sessionsTotal: "sessions_total",
  sessions7d: "sessions_7d",
  sessions30d: "sessions_30d",
  sessionsPerWeek: "sessions_per_week",
  activeDays7d: "active_days_7d",
  activeDays30d: "active_days_30d",
  activeDays90d: "active_days_90d",
  weeksActive12: "weeks_active_12",
  eventsPerActiveWeek: "events_per_active_week",
  coreFeaturesUsed: "core_features_used",
  converted: "converted",
  daysToConvert: "days_to_convert",
  conversionPathDepth: "conversion_path_depth",
  cancelled: "cancelled",
  activity30dVsBaseline: "activity_30d_vs_baseline",
  firstSeen: "first_seen",
  lastSeen: "last_seen",
  signupAt: "signup_at",
  convertedAt: "converted_at",
  activatedAt: "activated_at",
  returnGapDays30d: "return_gap_days_30d",
  retained: "retained",
} as const satisfies Record<TableFeatureName, string>;

export const TABLE_FEATURES = Object.keys(FEATURE_COLUMNS) as TableFeatureName[];

export function isTableFeature(feature: FeatureName): feature is TableFeatureName {
  return Object.hasOwn(FEATURE_COLUMNS, feature);
}
