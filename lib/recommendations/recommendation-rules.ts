/**
 * Recommendation rules: data, not code. A rule fires for a segment when all
 * its conditions hold on the segment's stats (segment-stats.ts) and the
 * segment has enough users to trust them; its message cites the numbers.
 *
 * Message placeholders: {segment}, {<stat>} (the segment's value) and
 * {overall.<stat>} (everyone in view), formatted per stat (12.3%, 2.5×, 4 days).
 */
import { z } from "zod";
import { deepFreeze } from "../definitions/deep-freeze";
import { STAT_NAMES } from "./segment-stats";

export const RECOMMENDATION_CATEGORIES = ["lifecycle", "feature-adoption", "monetization"] as const;
export const AUDIENCES = ["Product", "Marketing", "Customer success", "Sales"] as const;

export const ruleConditionSchema = z.strictObject({
  stat: z.enum(STAT_NAMES),
  op: z.enum([">=", "<=", ">", "<"]),
  value: z.number({ error: "A threshold must be a number" }),
});
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

const PLACEHOLDER = /\{(overall\.)?([A-Za-z]+)\}/g;

export const recommendationRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/, "Rule ids are lower-case words joined by hyphens"),
    category: z.enum(RECOMMENDATION_CATEGORIES),
    audience: z.array(z.enum(AUDIENCES)).min(1, "Name at least one audience"),
    when: z.array(ruleConditionSchema).min(1, "A rule needs at least one condition"),
    /** Smaller segments are skipped: their rates are too noisy to act on. */
    minUsers: z.number().int().min(1).default(30),
    message: z.string().trim().min(1).max(300),
    action: z.string().trim().min(1).max(200),
    /** false: kept in the playbook (and shown) but never fires. Absent = enabled. */
    enabled: z.boolean().optional(),
  })
  .superRefine((rule, context) => {
    for (const [, , name] of rule.message.matchAll(PLACEHOLDER)) {
      if (name !== "segment" && !(STAT_NAMES as readonly string[]).includes(name!)) {
        context.addIssue({ code: "custom", path: ["message"], message: `Rule "${rule.id}": unknown placeholder {${name}}` });
      }
    }
  });
export type RecommendationRule = z.infer<typeof recommendationRuleSchema>;

/** At most this many rules: a playbook is read by people, card by card. */
export const MAX_RULES = 100;

export const recommendationRulesSchema = z
  .array(recommendationRuleSchema)
  .max(MAX_RULES, `A playbook holds at most ${MAX_RULES} rules`)
  .superRefine((rules, context) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      // The path names the second rule, so an editor can show the message on its id field.
      if (seen.has(rule.id)) context.addIssue({ code: "custom", path: [index, "id"], message: `Two rules share the id "${rule.id}"` });
      seen.add(rule.id);
    });
  });

export const PLACEHOLDER_PATTERN = PLACEHOLDER;

/**
 * The default playbook. Thresholds are relative to the dataset (lifts over
 * the overall rate) wherever possible, so they hold for a 2% and a 20%
 * converting product alike.
 */
export const DEFAULT_RECOMMENDATION_RULES: readonly RecommendationRule[] = deepFreeze([
  {
    id: "upsell-engaged-non-payers",
    category: "monetization",
    audience: ["Product", "Sales"],
    when: [
      { stat: "activeDaysPerWeek", op: ">=", value: 2 },
      { stat: "conversionLift", op: "<=", value: 0.5 },
    ],
    minUsers: 30,
    message: "{segment} uses the product {activeDaysPerWeek} days a week, yet only {conversionRate} converted (everyone: {overall.conversionRate})",
    action: "Targeted upsell: show the paid plan where these users hit its limits",
  },
  {
    id: "fast-track-converters",
    category: "monetization",
    audience: ["Sales", "Marketing"],
    when: [{ stat: "conversionLift", op: ">=", value: 2 }],
    minUsers: 30,
    message: "{segment} converts {conversionLift} as often as average ({conversionRate} vs {overall.conversionRate})",
    action: "Put the upgrade offer in front of look-alikes earlier; hand the unconverted rest to sales",
  },
  {
    id: "win-back-valuable",
    category: "monetization",
    audience: ["Marketing", "Customer success"],
    when: [
      { stat: "monetaryLift", op: ">=", value: 2 },
      { stat: "recencyDays", op: ">=", value: 30 },
    ],
    minUsers: 30,
    message: "{segment} spent {monetaryLift} the average per user but the typical one was last seen {recencyDays} ago",
    action: "Win-back offer with renewals or what is new since they left",
  },
  {
    id: "second-core-feature",
    category: "feature-adoption",
    audience: ["Product"],
    when: [
      { stat: "sessionsPerWeek", op: ">=", value: 1 },
      { stat: "coreFeaturesUsed", op: "<=", value: 1 },
    ],
    minUsers: 30,
    message: "{segment} comes back ({sessionsPerWeek} sessions a week) but the typical user has used {coreFeaturesUsed} core feature(s)",
    action: "In-app nudge toward a second core feature at the end of a session",
  },
  {
    id: "first-core-feature",
    category: "feature-adoption",
    audience: ["Product", "Marketing"],
    when: [{ stat: "noCoreFeatureShare", op: ">=", value: 0.5 }],
    minUsers: 30,
    message: "{noCoreFeatureShare} of {segment} never used a core feature",
    action: "Onboarding checklist that leads to the first core feature",
  },
  {
    id: "leaky-bucket",
    category: "lifecycle",
    audience: ["Product"],
    when: [
      { stat: "share", op: ">=", value: 0.1 },
      { stat: "retentionLift", op: "<=", value: 0.6 },
    ],
    minUsers: 30,
    message: "{segment} is {share} of users and keeps {retainedRate} past day 28 (everyone: {overall.retainedRate})",
    action: "Fix the first-week experience for this group: the largest leak in retention",
  },
  {
    id: "re-engage-lapsing",
    category: "lifecycle",
    audience: ["Marketing"],
    when: [
      { stat: "recencyDays", op: ">=", value: 14 },
      { stat: "recencyDays", op: "<", value: 60 },
    ],
    minUsers: 30,
    message: "The typical {segment} user was last seen {recencyDays} ago",
    action: "Re-engagement sequence (email, push) with their most-used feature, before they go dormant",
  },
  {
    id: "cancel-risk-outreach",
    category: "lifecycle",
    audience: ["Customer success"],
    when: [{ stat: "cancelLift", op: ">=", value: 2 }],
    minUsers: 30,
    message: "{segment} cancels {cancelLift} as often as average ({cancelledRate} vs {overall.cancelledRate})",
    action: "Personal customer-success outreach and an exit survey",
  },
  {
    id: "advocates",
    category: "lifecycle",
    audience: ["Marketing"],
    when: [
      { stat: "retentionLift", op: ">=", value: 1.3 },
      { stat: "activeDaysPerWeek", op: ">=", value: 3 },
    ],
    minUsers: 30,
    message: "{segment} keeps {retainedRate} past day 28 (everyone: {overall.retainedRate}) and is active {activeDaysPerWeek} days a week",
    action: "Ask for referrals, reviews and case studies; invite to beta programmes",
  },
]);
