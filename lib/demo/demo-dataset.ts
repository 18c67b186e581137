/**
 * Settings of the demo dataset ("demo-saas"), matching the columns of the
 * `datasets` table. The demo loader creates the dataset with these values and
 * feeds `generateDemoEvents` through the real ingest path.
 */
export const DEMO_DATASET = {
  name: "demo-saas",
  timezone: "America/New_York",
  sessionTimeoutMinutes: 30,
  kind: "events",
  signupEvent: "signup",
  activationEvent: "onboarding_completed",
  conversionEvent: "upgrade",
  cancelEvent: "cancel_subscription",
  revenueField: "revenue",
  coreFeatures: ["create_report", "share_dashboard", "run_query", "export_csv", "feature_x"],
  dimensions: ["channel", "plan", "country"],
} as const;

export type DemoDatasetSettings = typeof DEMO_DATASET;

/** The demo spans 6 months of signups and activity. */
export const DEMO_DAYS = 180;
/** First day of the demo: local midnight in America/New_York (a Monday; EDT, UTC−4). */
export const DEMO_START = new Date("2025-06-02T04:00:00.000Z");
export const DEMO_SEED = 20251125;
export const DEMO_USERS = 5_000;
