/**
 * Test fixtures: a feature row whose unnamed columns are neutral (zero usage,
 * not converted, not cancelled, no dimensions), so a test states only what it is about.
 */
import type { FeatureRow } from "./feature-store";
import { DAY_MS } from "./feature-store";

/** 2026-06-30T00:00:00Z: the as-of instant of the fixtures (exclusive; the as-of day is 2026-06-29 in UTC). */
export const FIXTURE_AS_OF = Date.UTC(2026, 5, 30);

export function featureRow(userId: string, values: Partial<Omit<FeatureRow, "userId">> = {}): FeatureRow {
  return Object.freeze({
    userId,
    asOf: FIXTURE_AS_OF,
    firstSeen: FIXTURE_AS_OF - 100 * DAY_MS,
    lastSeen: FIXTURE_AS_OF - DAY_MS,
    recencyDays: 0,
    frequency: 0,
    monetary: 0,
    sessionsTotal: 0,
    sessions7d: 0,
    sessions30d: 0,
    sessionsPerWeek: 0,
    activeDays7d: 0,
    activeDays30d: 0,
    activeDays90d: 0,
    weeksActive12: 0,
    eventsPerActiveWeek: 0,
    coreFeaturesUsed: 0,
    converted: 0,
    daysToConvert: null,
    conversionPathDepth: null,
    cancelled: 0,
    activity30dVsBaseline: null,
    channel: null,
    plan: null,
    country: null,
    signupAt: null,
    ...values,
  });
}

/** firstSeen for a user first seen `days` local (UTC) days before the fixture as-of day, at noon. */
export function firstSeenDaysAgo(days: number): number {
  return FIXTURE_AS_OF - DAY_MS - days * DAY_MS + DAY_MS / 2;
}
