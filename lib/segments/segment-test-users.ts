import type { FixtureUser } from "./segment-fixtures";

/**
 * Ten users whose segments are worked out by hand in the tests (as-of day
 * 2026-06-29, UTC). Default behavior rules, first match wins:
 *
 *   u01 cancelled (would be a power user)        → Churned
 *   u02 recency 75                               → Churned
 *   u03 recency 45                               → Dormant
 *   u04 first seen 3 days ago                    → New
 *   u05 1 session, first seen 20 days ago        → One-and-done
 *   u06 6.5 sessions/week, 3 core features       → Power users
 *   u07 5 sessions/week (not > 5), 5 core        → Engaged (≥ 2 sessions/week)
 *   u08 1 session/week, 9 active days of 30      → Engaged (≥ 8 active days)
 *   u09, u10 light use                           → Casual
 *
 * RFM (percentile, default cut points 0.2/0.4/0.6/0.8) — PERCENT_RANK over all 10, denominator 9:
 *   recency DESC (rank − 1 = users with more days):  u02 0, u03 1/9, u05 2/9, u10 3/9, u09 4/9, u08 5/9, u01 6/9, u07 7/9, u04 & u06 8/9 (tie)
 *     → R: u02 1, u03 1, u05 2, u10 2, u09 3, u08 3, u01 4, u07 4, u04 5, u06 5
 *   frequency ASC (rank − 1 = users with fewer):      u04 & u05 0 (tie), u10 2/9, u09 3/9, u02 4/9, u03 5/9, u08 6/9, u07 7/9, u01 8/9, u06 1
 *     → F: u04 1, u05 1, u10 2, u09 2, u02 3, u03 3, u08 4, u07 4, u01 5, u06 5
 *   monetary ASC: u02, u04, u05 0 (tie) → M1; u10 3/9 → 2; u09 4/9, u03 5/9 → 3; u08 6/9, u07 7/9 → 4; u01 8/9, u06 1 → 5
 *   grid: u01 R4F5 Loyal Customers, u02 R1F3 At Risk, u03 R1F3 At Risk, u04 R5F1 New Customers,
 *         u05 R2F1 Hibernating, u06 R5F5 Champions, u07 R4F4 Loyal Customers, u08 R3F4 Loyal Customers,
 *         u09 R3F2 About to Sleep, u10 R2F2 Hibernating
 *
 * u06's plan and country start with = and -: spreadsheet formulas unless neutralised.
 */
export const TEN_USERS: readonly FixtureUser[] = Object.freeze([
  { userId: "u01", cancelled: true, recencyDays: 2, sessionsPerWeek: 6, coreFeaturesUsed: 4, frequency: 40, monetary: 100, channel: "ads", plan: "pro" },
  { userId: "u02", recencyDays: 75, frequency: 5, monetary: 0, channel: "social", plan: "free" },
  { userId: "u03", recencyDays: 45, frequency: 8, monetary: 20, channel: "ads", plan: "free" },
  { userId: "u04", ageDays: 3, recencyDays: 0, sessionsTotal: 1, frequency: 1, monetary: 0, channel: "social", plan: "free" },
  { userId: "u05", ageDays: 20, recencyDays: 19, sessionsTotal: 1, frequency: 1, monetary: 0, channel: null, plan: "free" },
  {
    userId: "u06",
    recencyDays: 0,
    sessionsTotal: 20,
    sessionsPerWeek: 6.5,
    coreFeaturesUsed: 3,
    activeDays30d: 12,
    frequency: 60,
    monetary: 500,
    converted: true,
    channel: "social",
    plan: '=HYPERLINK("x")',
    country: "-2+3",
  },
  { userId: "u07", recencyDays: 1, sessionsPerWeek: 5, coreFeaturesUsed: 5, frequency: 25, monetary: 50, channel: "ads", plan: "pro" },
  { userId: "u08", recencyDays: 3, sessionsPerWeek: 1, activeDays30d: 9, frequency: 12, monetary: 30, channel: "social", plan: "pro" },
  { userId: "u09", recencyDays: 5, sessionsPerWeek: 1, activeDays30d: 2, frequency: 3, monetary: 10, channel: "organic", plan: "free" },
  { userId: "u10", recencyDays: 12, sessionsPerWeek: 0.5, activeDays30d: 1, frequency: 2, monetary: 5, channel: "organic", plan: "free" },
]);
