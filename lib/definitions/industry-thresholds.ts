/**
 * The industry thresholds Strata suggests, each with where it comes from, in
 * one place: the screens that suggest a value (settings, stickiness, the aha
 * threshold, segment thresholds) show its source from here, and the README
 * lists them. Every entry says what kind of number it is: a tool's documented
 * default, a published convention, or a rule of thumb — never a law, and no
 * precise statistic is claimed beyond what the source says.
 */
import { deepFreeze } from "./deep-freeze";

export type ThresholdKind = "documented default" | "convention" | "rule of thumb";

export interface ThresholdSource {
  name: string;
  url: string;
}

export interface IndustryThreshold {
  id: string;
  /** Short name: "Session timeout". */
  label: string;
  value: number;
  /** The unit after the value: "minutes", "%", "days". */
  unit: string;
  /** What Strata uses it for, in one sentence. */
  usedFor: string;
  kind: ThresholdKind;
  /** Who says so, in a few words: "GA4 and Amplitude (web) default". */
  claim: string;
  sources: readonly ThresholdSource[];
  /** When not to trust it. */
  caveat: string;
}

export const INDUSTRY_THRESHOLDS = deepFreeze([
  {
    id: "session-timeout",
    label: "Session timeout",
    value: 30,
    unit: "minutes",
    usedFor: "A gap of this much inactivity ends a session (dataset settings; sessions per week and every session feature).",
    kind: "documented default",
    claim: "the default of GA4 and of Amplitude on the web",
    sources: [
      { name: "Google Analytics 4 Help: [GA4] Session", url: "https://support.google.com/analytics/answer/12798876" },
      { name: "Amplitude docs: Track sessions", url: "https://amplitude.com/docs/data/sources/instrument-track-sessions" },
    ],
    caveat: "Amplitude's mobile SDKs end a session 5 minutes after the app goes to the background; GA4 lets a property raise the timeout to 7 h 55 min. Choose the gap that matches how your product is used.",
  },
  {
    id: "engaged-session",
    label: "Engaged session",
    value: 10,
    unit: "seconds",
    usedFor: "For comparison with GA4 reports: Strata counts every session, engaged or not.",
    kind: "documented default",
    claim: "GA4's definition: a session longer than 10 seconds, or with a key event, or with at least 2 page or screen views",
    sources: [{ name: "Google Analytics 4 Help: [GA4] Session", url: "https://support.google.com/analytics/answer/12798876" }],
    caveat: "A GA4 reporting convention, not a measure of value; the 10 seconds can be changed per GA4 property.",
  },
  {
    id: "dau-mau-daily-product",
    label: "DAU/MAU for a daily product",
    value: 20,
    unit: "%",
    usedFor: "The reference line on the stickiness chart: at or above it, a SaaS product is used like a daily habit.",
    kind: "rule of thumb",
    claim: 'the "good" SaaS stickiness in a widely copied benchmark table attributed to Sequoia Capital (SaaS 15 / 20 / 30% average / good / great; consumer 30 / 40 / 50%)',
    sources: [{ name: "June: Stickiness benchmark (table credited to Sequoia Capital)", url: "https://help.june.so/en/articles/4752354-stickiness-benchmark" }],
    caveat: "A rule of thumb, not a measured law: consumer apps are judged against 40%+, a product people need weekly or monthly can retain well far below 20%, and a weekday-only tool tops out near 71% (5 of 7 days).",
  },
  {
    id: "wau-mau-weekly-product",
    label: "WAU/MAU for a weekly product",
    value: 60,
    unit: "%",
    usedFor: "Reading the stickiness chart: at or above it, the typical user comes back in most weeks of the month.",
    kind: "rule of thumb",
    claim: "a product used in two to three weeks of the month (WAU/MAU ≥ 60%) can be treated as a weekly-use product",
    sources: [{ name: "June: Stickiness benchmark", url: "https://help.june.so/en/articles/4752354-stickiness-benchmark" }],
    caveat: "A rule of thumb for choosing which ratio to watch, not a target.",
  },
  {
    id: "activation-sessions-first-week",
    label: "Activation threshold",
    value: 3,
    unit: "sessions in the first 7 days",
    usedFor: 'The shape of an activation ("aha") threshold: k actions in a user\'s first D days. Strata\'s aha-threshold finder picks k from your data.',
    kind: "rule of thumb",
    claim: 'the "k actions in the first D days" pattern of inflection metrics; the best-known example is Facebook\'s "7 friends in 10 days", quoted in Amplitude\'s Compass documentation',
    sources: [{ name: "Amplitude docs: Find your company's inflection metrics with Compass", url: "https://amplitude.com/docs/analytics/charts/compass/compass-find-inflection-metrics" }],
    caveat: "The pattern is the convention; the numbers are not. 3 sessions in 7 days is a common first guess, not a published benchmark: trust the k your own data separates best, and remember it is a correlation.",
  },
  {
    id: "rfm-quintiles",
    label: "RFM quintiles",
    value: 5,
    unit: "groups of 20% per dimension",
    usedFor: "RFM scores 1–5: each of recency, frequency and monetary value cut at the 20th, 40th, 60th and 80th percentiles (the RFM model's default cut points).",
    kind: "convention",
    claim: "the usual RFM scoring: customers ranked on each dimension and split into five equal groups, the best 20% scoring 5",
    sources: [
      { name: "Ascent360 Help: Understanding RFM", url: "https://help.ascent360.com/help/understanding-rfm" },
      { name: "Repeat Customer Insights: How RFM scores customer behavior from 1 to 5", url: "https://www.littlestreamsoftware.com/articles/how-the-rfm-analysis-scores-customer-behavior-from-1-to-5/" },
    ],
    caveat: "With many customers tied on one order (common in transaction logs), equal-sized groups are impossible; fixed thresholds can describe such data better.",
  },
  {
    id: "transaction-churn-window",
    label: "Churn window for purchases",
    value: 90,
    unit: "days without a purchase",
    usedFor: "Where a customer of a transaction log (no cancel event) counts as lapsed: the inactivity thresholds of the lifecycle and churn-risk segments.",
    kind: "rule of thumb",
    claim: "e-commerce has no cancellation, so churn is commonly defined as no purchase within a window such as 90 or 180 days",
    sources: [
      { name: "Affinsy glossary: Churn rate", url: "https://www.affinsy.com/glossary/churn-rate" },
      { name: "Statlas docs: customer churn from the days between orders", url: "https://statlas-docs.web.app/docs/settings/customer-churn" },
    ],
    caveat: "Match the window to the purchase cycle: consumables need a shorter one, durable goods a longer one. A data-driven alternative is a high percentile (e.g. the 80th) of the days between a customer's orders.",
  },
] as const satisfies readonly IndustryThreshold[]);

export type IndustryThresholdId = (typeof INDUSTRY_THRESHOLDS)[number]["id"];

export function industryThreshold(id: IndustryThresholdId): IndustryThreshold {
  return INDUSTRY_THRESHOLDS.find((entry) => entry.id === id)!;
}

/** "30 minutes" / "20%": the value with its unit. */
export function thresholdValueText(threshold: Pick<IndustryThreshold, "value" | "unit">): string {
  return threshold.unit === "%" ? `${threshold.value}%` : `${threshold.value.toLocaleString("en-US")} ${threshold.unit}`;
}

/** One sentence for tooltips and help text: "30 minutes: the default of GA4 and of Amplitude on the web (documented default)." */
export function thresholdSentence(threshold: IndustryThreshold): string {
  return `${thresholdValueText(threshold)}: ${threshold.claim} (${threshold.kind}).`;
}

/**
 * Segment thresholds (keys as the segment explorer and `strata segments --set`
 * name them, per model; a key also covers its list items, "percentileCutPoints.2")
 * that a convention above speaks to.
 */
export const SEGMENT_THRESHOLD_CONVENTIONS: Readonly<Record<string, Readonly<Record<string, IndustryThresholdId>>>> = deepFreeze({
  rfm: { percentileCutPoints: "rfm-quintiles" },
  lifecycle: { churnedAfterDays: "transaction-churn-window" },
  "churn-risk": { highInactiveDays: "transaction-churn-window" },
});

export function segmentThresholdConvention(modelId: string, thresholdKey: string): IndustryThreshold | null {
  const conventions = SEGMENT_THRESHOLD_CONVENTIONS[modelId] ?? {};
  const match = Object.keys(conventions).find((key) => thresholdKey === key || thresholdKey.startsWith(`${key}.`));
  return match ? industryThreshold(conventions[match]!) : null;
}
