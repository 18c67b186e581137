/**
 * Every adjustable number (and the few either/or settings) of a model's
 * definition, as a flat list the explorer draws one control per entry for, and
 * a way to apply edited values back onto a definition.
 *
 * Each threshold's key is the path `strata segments --set PATH=VALUE` takes
 * (lib/cli/definition-override.ts), naming list items by their name rather
 * than their position where it can — `rules.Dormant.recencyDays`,
 * `atRisk.inactiveDays`, `signals.view_pricing.points` — so a shared link reads
 * well, keeps working when a rule is inserted above another, and says the
 * same as the command line:
 *
 *   /datasets/shop/segments?model=behavior-rules&rules.Dormant.recencyDays=20
 *   strata segments --dataset shop --set rules.Dormant.recencyDays=20
 *
 * Pure: no React, no I/O (runs in the browser and in tests). Slider ranges come
 * from the feature catalogue (lib/definitions/features.ts: min, max, integer);
 * features without a natural maximum get a practical one, and a value typed
 * beyond it widens the slider rather than being clamped.
 */
import type { BehaviorRulesDefinition } from "@/lib/definitions/behavior-rules";
import type { FeatureCondition } from "@/lib/definitions/condition";
import { segmentThresholdConvention, thresholdSentence } from "@/lib/definitions/industry-thresholds";
import { FEATURES, METRIC_FEATURES, type ConditionFeatureName, type FeaturePhrase } from "@/lib/definitions/features";
import type { DefinitionByModel, ModelId } from "@/lib/definitions/models";
import { criterionLabel, isEventCondition } from "@/lib/definitions/pql";
import { signalLabel } from "@/lib/definitions/intent";
import { MAX_SEGMENT_NAME_LENGTH } from "@/lib/definitions/segment-name";

export type ThresholdPath = readonly (string | number)[];

interface ThresholdBase {
  /** URL key, unique within a model's definition. */
  key: string;
  /** The segment or setting it belongs to ("Dormant", "Scoring"); controls are grouped by it. */
  group: string;
  /** What is compared: "recency", "Sessions per week", "minimum score". */
  label: string;
  /** One sentence for the info tooltip. */
  description: string;
  /** Where the value sits in the definition JSON. */
  path: ThresholdPath;
  /** Not used by the definition as currently set (e.g. fixed RFM thresholds in percentile mode). */
  hidden: boolean;
}

export interface NumberThreshold extends ThresholdBase {
  kind: "number";
  value: number;
  /** "≥", "<", "between … and" parts: shown between the label and the number. */
  operator: string | null;
  /** Shown after the number: "days", "days ago", "×", "points", "sessions/week". */
  unit: string | null;
  /** The unit for exactly 1 ("day", "session in total"), when it differs. */
  unitOne?: string;
  /** The words before the number box: "recency ≥", or just "≥" when the unit names the feature ("≥ [3] core features"). */
  before: string;
  sliderMin: number;
  sliderMax: number;
  step: number;
  /** The smallest value the definition accepts, when there is one to check as the user types (counts ≥ 0, days ≥ 1). */
  minimum: number | null;
}

export interface ChoiceOption {
  value: string;
  label: string;
  /** The value written into the definition JSON. */
  json: string | boolean;
}

export interface ChoiceThreshold extends ThresholdBase {
  kind: "choice";
  value: string;
  options: ChoiceOption[];
}

/** Free text: a saved cluster's name (centroids are not hand-tuned, but names are). */
export interface TextThreshold extends ThresholdBase {
  kind: "text";
  value: string;
  maxLength: number;
}

export type Threshold = NumberThreshold | ChoiceThreshold | TextThreshold;

/** Practical slider maxima for features whose catalogue entry has no maximum. */
const SLIDER_MAX: Partial<Record<ConditionFeatureName, number>> = {
  recencyDays: 365,
  ageDays: 365,
  frequency: 100,
  monetary: 5000,
  sessionsTotal: 100,
  sessions7d: 50,
  sessions30d: 150,
  sessionsPerWeek: 20,
  eventsPerActiveWeek: 200,
  coreFeaturesUsed: 20,
  daysToConvert: 180,
  conversionPathDepth: 30,
  activity30dVsBaseline: 3,
  daysToActivate: 90,
  returnGapDays30d: 180,
};

/** Slider steps for non-integer features; integers step by 1. */
const SLIDER_STEP: Partial<Record<ConditionFeatureName, number>> = {
  sessionsPerWeek: 0.5,
  activity30dVsBaseline: 0.05,
  monetary: 10,
  eventsPerActiveWeek: 1,
  daysToConvert: 1,
  daysToActivate: 1,
};

const OPERATOR_SYMBOL = { ">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "=" } as const;

/** What a list item can be called by in a path: its name, label or event (as the CLI matches them). */
function itemNames(item: unknown): string[] {
  if (item === null || typeof item !== "object") return [];
  const record = item as Record<string, unknown>;
  return [record.name, record.label, record.event].filter((value): value is string => typeof value === "string");
}

/**
 * How a path step names item `index` of a list: by `name` when that is
 * unambiguous (no other item answers to it, ignoring case) and safe in a path
 * (no dot or "=", not a number), else by its position.
 * @example itemRef(DEFAULT_BEHAVIOR_RULES.rules, 1, "Dormant") === "Dormant"
 */
export function itemRef(items: readonly unknown[], index: number, name: string | undefined): string {
  if (name === undefined || name !== name.trim() || name === "" || /[.=]/.test(name) || /^\d+$/.test(name)) return String(index);
  const wanted = name.toLowerCase();
  const firstMatch = items.findIndex((item) => itemNames(item).some((candidate) => candidate.trim().toLowerCase() === wanted));
  const matches = items.filter((item) => itemNames(item).some((candidate) => candidate.trim().toLowerCase() === wanted)).length;
  return firstMatch === index && matches === 1 ? name : String(index);
}

/** A slider that holds the value: widened past the practical range when a larger (or negative) value is typed. */
function sliderRange(value: number, min: number, max: number, step: number): { sliderMin: number; sliderMax: number } {
  const sliderMin = Number.isFinite(value) ? Math.min(min, value) : min;
  let sliderMax = max;
  if (Number.isFinite(value) && value > max) sliderMax = Math.ceil((value * 1.5) / step) * step;
  return { sliderMin, sliderMax };
}

function numberThreshold(
  fields: Omit<NumberThreshold, "kind" | "sliderMin" | "sliderMax" | "hidden" | "before" | "minimum"> & {
    min: number;
    max: number;
    hidden?: boolean;
    before?: string;
    minimum?: number | null;
  },
): NumberThreshold {
  const { min, max, hidden = false, before, minimum = null, ...rest } = fields;
  return {
    kind: "number",
    hidden,
    minimum,
    before: before ?? [fields.label, fields.operator].filter(Boolean).join(" "),
    ...rest,
    ...sliderRange(fields.value, min, max, fields.step),
  };
}

function featureUnits(feature: ConditionFeatureName): { unit: string | null; unitOne?: string } {
  const phrase: FeaturePhrase = FEATURES[feature].phrase;
  const units = phrase.style === "flag" ? undefined : phrase.unit;
  return units ? { unit: units.other, unitOne: units.one } : { unit: null };
}

function featureLabel(feature: ConditionFeatureName): string {
  const phrase = FEATURES[feature].phrase;
  return phrase.style === "prefix" ? phrase.label : FEATURES[feature].label;
}

/** The number(s) of one feature condition: one control, or two for "between". Flags (0/1) are not thresholds. */
function conditionThresholds(group: string, keyBase: string, condition: FeatureCondition, path: ThresholdPath): NumberThreshold[] {
  const feature = condition.feature;
  const info = FEATURES[feature];
  if (info.phrase.style === "flag") return [];
  const step = info.integer ? 1 : (SLIDER_STEP[feature] ?? 0.1);
  const min = info.min ?? 0;
  const max = info.max ?? SLIDER_MAX[feature] ?? 100;
  const common = { group, label: featureLabel(feature), description: info.description, ...featureUnits(feature), step, min, max, minimum: info.min };
  // "recency ≥ [30] days", but "> [5] sessions/week": the unit already says what is counted.
  const before = (operator: string) => (info.phrase.style === "suffix" ? operator : `${featureLabel(feature)} ${operator}`);
  if (condition.operator === "between") {
    return [
      numberThreshold({ ...common, key: `${keyBase}.min`, path: [...path, "min"], value: condition.min, operator: "between", before: before("between") }),
      numberThreshold({ ...common, key: `${keyBase}.max`, path: [...path, "max"], value: condition.max, operator: "and", before: "and" }),
    ];
  }
  const operator = OPERATOR_SYMBOL[condition.operator];
  return [numberThreshold({ ...common, key: keyBase, path: [...path, "value"], value: condition.value, operator, before: before(operator) })];
}

/** A condition's path step inside its rule: the feature name when it is the rule's first condition on that feature. */
function conditionRef(conditions: readonly FeatureCondition[], index: number): string {
  const feature = conditions[index]!.feature;
  return conditions.findIndex((condition) => condition.feature === feature) === index ? feature : `conditions.${index}`;
}

function ruleThresholds(definition: BehaviorRulesDefinition): NumberThreshold[] {
  const thresholds: NumberThreshold[] = [];
  definition.rules.forEach((rule, r) => {
    const ruleKey = `rules.${itemRef(definition.rules, r, rule.name)}`;
    rule.conditions.forEach((condition, c) => {
      thresholds.push(...conditionThresholds(rule.name, `${ruleKey}.${conditionRef(rule.conditions, c)}`, condition, ["rules", r, "conditions", c]));
    });
  });
  return thresholds;
}

const DAYS = "days";

function days(key: string, group: string, label: string, description: string, value: number, max = 180): NumberThreshold {
  return numberThreshold({ key, group, label, description, path: key.split("."), value, operator: "≥", unit: DAYS, step: 1, min: 1, max, minimum: 1 });
}

function ratio(key: string, group: string, label: string, description: string, value: number): NumberThreshold {
  return numberThreshold({ key, group, label, description, path: key.split("."), value, operator: "<", unit: "×", step: 0.05, min: 0, max: 2 });
}

function lifecycleThresholds(definition: DefinitionByModel["lifecycle"]): Threshold[] {
  return [
    days("churnedAfterDays", "Churned", "recency", "No activity for at least this many days: churned.", definition.churnedAfterDays, 365),
    {
      kind: "choice",
      key: "cancelledCountsAsChurned",
      group: "Churned",
      label: "cancel event counts as churned",
      description: "Whether the dataset's cancel event makes a user churned regardless of recency.",
      path: ["cancelledCountsAsChurned"],
      hidden: false,
      value: String(definition.cancelledCountsAsChurned),
      options: [
        { value: "true", label: "Yes", json: true },
        { value: "false", label: "No", json: false },
      ],
    },
    days("dormantAfterDays", "Dormant", "recency", "No activity for at least this many days: dormant (unless churned).", definition.dormantAfterDays, 365),
    days(
      "resurrectedAfterGapDays",
      "Resurrected",
      "came back after a gap of",
      "Active in the last 30 days after being away at least this many days.",
      definition.resurrectedAfterGapDays,
    ),
    days("atRisk.inactiveDays", "At risk", "recency", "No activity for at least this many days: at risk.", definition.atRisk.inactiveDays),
    ratio(
      "atRisk.activityVsBaselineBelow",
      "At risk",
      "activity vs own baseline",
      FEATURES.activity30dVsBaseline.description,
      definition.atRisk.activityVsBaselineBelow,
    ),
    numberThreshold({
      key: "engagedMinWeeksActive12",
      group: "Engaged",
      label: "active weeks of the last 12",
      description: FEATURES.weeksActive12.description,
      path: ["engagedMinWeeksActive12"],
      value: definition.engagedMinWeeksActive12,
      operator: "≥",
      unit: "weeks",
      step: 1,
      min: 1,
      max: 12,
    }),
    numberThreshold({
      key: "activation.withinDays",
      group: "Activated",
      label: "activated within",
      description: "Activation event within this many days of signup (or first seen).",
      path: ["activation", "withinDays"],
      value: definition.activation.withinDays,
      operator: "≤",
      unit: "days of signup",
      before: "activated within",
      step: 1,
      min: 1,
      max: 90,
    }),
    numberThreshold({
      key: "newWithinDays",
      group: "New",
      label: "first seen",
      description: "First seen fewer than this many days before the as-of day.",
      path: ["newWithinDays"],
      value: definition.newWithinDays,
      operator: "<",
      unit: "days ago",
      step: 1,
      min: 1,
      max: 90,
    }),
  ];
}

function churnRiskThresholds(definition: DefinitionByModel["churn-risk"]): Threshold[] {
  return [
    days("highInactiveDays", "High risk", "recency", "No activity for at least this many days: high risk.", definition.highInactiveDays, 90),
    ratio(
      "mediumActivityVsBaselineBelow",
      "Medium risk",
      "activity vs own baseline",
      FEATURES.activity30dVsBaseline.description,
      definition.mediumActivityVsBaselineBelow,
    ),
    days("lowInactiveDays", "Low risk", "recency", "No activity for at least this many days: low risk.", definition.lowInactiveDays, 90),
  ];
}

function usageTierThresholds(definition: DefinitionByModel["usage-tiers"]): Threshold[] {
  const share = (key: "powerTopShare" | "lightBottomShare", group: string, label: string, description: string) =>
    numberThreshold({ key, group, label, description, path: [key], value: definition[key], operator: null, unit: "of active users", step: 0.01, min: 0.01, max: 0.99 });
  return [
    {
      kind: "choice",
      key: "metric",
      group: "Ranking",
      label: "usage metric",
      description: "The feature active users are ranked by.",
      path: ["metric"],
      hidden: false,
      value: definition.metric,
      options: METRIC_FEATURES.map((feature) => ({ value: feature, label: FEATURES[feature].label, json: feature })),
    },
    days("activeWithinDays", "Ranking", "active within", "Users whose last activity is fewer than this many days ago are active; the rest are ex-users.", definition.activeWithinDays, 365),
    share("powerTopShare", "Power users", "top share", "Share of active users that are power users (0.1 = top 10%)."),
    share("lightBottomShare", "Light users", "bottom share", "Share of active users that are light users (0.4 = bottom 40%)."),
  ];
}

function engagementThresholds(definition: DefinitionByModel["engagement-score"]): Threshold[] {
  return [
    {
      kind: "choice",
      key: "outcome",
      group: "Weights",
      label: "weights learned from",
      description: "Each metric is weighted by its correlation with this outcome.",
      path: ["outcome"],
      hidden: definition.weighting.mode !== "correlation",
      value: definition.outcome,
      options: [
        { value: "converted", label: "Conversion", json: "converted" },
        { value: "retained", label: "Day-28 retention", json: "retained" },
      ],
    },
    ...definition.tiers.map((tier, index) =>
      numberThreshold({
        key: `tiers.${itemRef(definition.tiers, index, tier.name)}.minScore`,
        group: tier.name,
        label: "engagement score",
        description: "Weighted average of z-scores: 0 is a typical user, 1 one standard deviation above.",
        path: ["tiers", index, "minScore"],
        value: tier.minScore,
        operator: "≥",
        unit: null,
        step: 0.1,
        min: -3,
        max: 3,
      }),
    ),
  ];
}

function pqlThresholds(definition: DefinitionByModel["pql"]): Threshold[] {
  const points = definition.mode === "points";
  const reachable = definition.criteria.reduce((sum, criterion) => sum + Math.max(0, criterion.points), 0);
  const thresholds: Threshold[] = [
    {
      kind: "choice",
      key: "mode",
      group: "Qualification",
      label: "qualified when",
      description: "All criteria must hold, or enough points from the criteria that hold.",
      path: ["mode"],
      hidden: false,
      value: definition.mode,
      options: [
        { value: "points", label: "Enough points", json: "points" },
        { value: "all", label: "Every criterion holds", json: "all" },
      ],
    },
    numberThreshold({
      key: "qualifyAt",
      group: "Qualification",
      label: "points needed",
      description: "A user qualifies with at least this many points.",
      path: ["qualifyAt"],
      value: definition.qualifyAt,
      operator: "≥",
      unit: "points",
      step: 5,
      min: 0,
      max: Math.max(100, reachable),
      hidden: !points,
    }),
  ];
  definition.criteria.forEach((criterion, index) => {
    const group = criterionLabel(criterion);
    const when = criterion.when;
    const criterionKey = `criteria.${itemRef(definition.criteria, index, criterion.label)}`;
    // The condition by its feature or event name, as the CLI finds it; by "when" if that name would read as a field or path.
    const subject = isEventCondition(when) ? when.event : when.feature;
    const conditionKey = `${criterionKey}.${["when", "label", "points"].includes(subject) || /[.=]/.test(subject) ? "when" : subject}`;
    const path = ["criteria", index, "when"] as const;
    if (isEventCondition(when)) {
      if (when.operator !== "between") {
        thresholds.push(
          numberThreshold({
            key: conditionKey,
            group,
            label: `“${when.event}” events`,
            description: `How often the user did “${when.event}” before the as-of date.`,
            path: [...path, "value"],
            value: when.value,
            operator: OPERATOR_SYMBOL[when.operator],
            unit: null,
            step: 1,
            min: 0,
            max: 20,
          }),
        );
      }
    } else {
      thresholds.push(...conditionThresholds(group, conditionKey, when, path));
    }
    thresholds.push(
      numberThreshold({
        key: `${criterionKey}.points`,
        group,
        label: "points",
        description: "Points added when the criterion holds.",
        path: ["criteria", index, "points"],
        value: criterion.points,
        operator: "+",
        unit: "points",
        step: 5,
        min: -50,
        max: 100,
        hidden: !points,
      }),
    );
  });
  return thresholds;
}

function intentThresholds(definition: DefinitionByModel["intent"]): Threshold[] {
  const band = (key: "highAtLeast" | "mediumAtLeast", group: string) =>
    numberThreshold({
      key: `bands.${key}`,
      group,
      label: "intent score",
      description: "Sum of the points of the signals the user showed.",
      path: ["bands", key],
      value: definition.bands[key],
      operator: "≥",
      unit: "points",
      step: 1,
      min: -10,
      max: 30,
    });
  return [
    band("highAtLeast", "High intent"),
    band("mediumAtLeast", "Medium intent"),
    ...definition.signals.map((signal, index) =>
      numberThreshold({
        key: `signals.${itemRef(definition.signals, index, signal.event)}.points`,
        group: signalLabel(signal),
        label: "points",
        description: `Points for “${signal.event}”${signal.maxCount === undefined ? " each time" : signal.maxCount === 1 ? " (counted once)" : `, up to ${signal.maxCount} times`}.`,
        path: ["signals", index, "points"],
        value: signal.points,
        operator: null,
        unit: "points",
        step: 1,
        min: -10,
        max: 10,
      }),
    ),
  ];
}

const SCORE_NAMES = ["score 2", "score 3", "score 4", "score 5"] as const;

function rfmThresholds(definition: DefinitionByModel["rfm"]): Threshold[] {
  const percentile = definition.mode === "percentile";
  const fourNumbers = (
    field: "recencyDaysAtMost" | "frequencyAtLeast" | "monetaryAtLeast",
    group: string,
    operator: string,
    unit: string | null,
    step: number,
    max: number,
  ) =>
    definition.thresholds[field].map((value, index) =>
      numberThreshold({
        key: `thresholds.${field}.${index}`,
        group,
        label: SCORE_NAMES[index]!,
        description: `${group}: the fixed threshold for ${SCORE_NAMES[index]} and above.`,
        path: ["thresholds", field, index],
        value,
        operator,
        unit,
        step,
        min: 0,
        max,
        hidden: percentile,
      }),
    );
  return [
    {
      kind: "choice",
      key: "mode",
      group: "Scoring",
      label: "scores from",
      description: "Percentile: rank every user against the population. Fixed: compare with fixed numbers.",
      path: ["mode"],
      hidden: false,
      value: definition.mode,
      options: [
        { value: "percentile", label: "Percent rank", json: "percentile" },
        { value: "threshold", label: "Fixed thresholds", json: "threshold" },
      ],
    },
    {
      kind: "choice",
      key: "rankScope",
      group: "Scoring",
      label: "rank against",
      description: "Rank over everyone as of the date (a filter does not change a user's score), or only over the filtered users.",
      path: ["rankScope"],
      hidden: !percentile,
      value: definition.rankScope,
      options: [
        { value: "population", label: "Everyone", json: "population" },
        { value: "filtered", label: "Filtered users only", json: "filtered" },
      ],
    },
    ...definition.percentileCutPoints.map((value, index) =>
      numberThreshold({
        key: `percentileCutPoints.${index}`,
        group: "Percent rank cut points",
        label: SCORE_NAMES[index]!,
        description: `Percent rank (0–1) from which a user gets ${SCORE_NAMES[index]}; 0.8 = the top 20%.`,
        path: ["percentileCutPoints", index],
        value,
        operator: "from",
        unit: null,
        step: 0.05,
        min: 0.05,
        max: 1,
        hidden: !percentile,
      }),
    ),
    ...fourNumbers("recencyDaysAtMost", "Recency (last active)", "≤", "days ago", 1, 365),
    ...fourNumbers("frequencyAtLeast", "Frequency", "≥", null, 1, 100),
    ...fourNumbers("monetaryAtLeast", "Monetary value", "≥", null, 10, 5000),
  ];
}

/**
 * A saved clustering's only editable parts are its cluster names: centroids and
 * scale come from the run. Keys name clusters by position (`clusters.0.name`),
 * since a key that named the cluster would change while it is being renamed.
 */
function clusterThresholds(definition: DefinitionByModel["clusters"]): TextThreshold[] {
  return definition.clusters.map((cluster, index) => ({
    kind: "text",
    key: `clusters.${index}.name`,
    group: "Cluster names",
    label: `Cluster ${index + 1}`,
    description: "The segment's name in tables, exports and reports; save a new version to keep it.",
    path: ["clusters", index, "name"],
    hidden: false,
    value: cluster.name,
    maxLength: MAX_SEGMENT_NAME_LENGTH,
  }));
}

/**
 * The thresholds of a (structurally valid) definition, in the order the
 * definition checks them, each with its current value.
 * @example listThresholds("behavior-rules", DEFAULT_BEHAVIOR_RULES).map((t) => t.key).slice(0, 3)
 *   // ["rules.Churned.recencyDays", "rules.Dormant.recencyDays", "rules.New.ageDays"]
 */
export function listThresholds<Id extends ModelId>(modelId: Id, definition: DefinitionByModel[Id]): Threshold[];
export function listThresholds(modelId: ModelId, definition: DefinitionByModel[ModelId]): Threshold[] {
  // Where an industry convention speaks to a threshold (RFM quintiles, a 90-day purchase churn window), its tooltip names it and its source.
  return modelThresholds(modelId, definition).map((threshold) => {
    const convention = segmentThresholdConvention(modelId, threshold.key);
    return convention ? { ...threshold, description: `${threshold.description} Convention — ${thresholdSentence(convention)} Source: ${convention.sources.map((source) => source.name).join("; ")}.` } : threshold;
  });
}

function modelThresholds(modelId: ModelId, definition: DefinitionByModel[ModelId]): Threshold[] {
  switch (modelId) {
    case "behavior-rules":
      return ruleThresholds(definition as DefinitionByModel["behavior-rules"]);
    case "rfm":
      return rfmThresholds(definition as DefinitionByModel["rfm"]);
    case "lifecycle":
      return lifecycleThresholds(definition as DefinitionByModel["lifecycle"]);
    case "usage-tiers":
      return usageTierThresholds(definition as DefinitionByModel["usage-tiers"]);
    case "churn-risk":
      return churnRiskThresholds(definition as DefinitionByModel["churn-risk"]);
    case "engagement-score":
      return engagementThresholds(definition as DefinitionByModel["engagement-score"]);
    case "pql":
      return pqlThresholds(definition as DefinitionByModel["pql"]);
    case "intent":
      return intentThresholds(definition as DefinitionByModel["intent"]);
    case "clusters":
      return clusterThresholds(definition as DefinitionByModel["clusters"]);
  }
}

/** A threshold's value as the URL writes it. */
export function thresholdText(threshold: Threshold): string {
  return threshold.kind === "number" ? String(threshold.value) : threshold.value;
}

/** The JSON a typed value stands for: a number (NaN when it is not one, for validation to name) or a choice's value. */
export function parseThresholdValue(threshold: Threshold, text: string): unknown {
  if (threshold.kind === "number") {
    const trimmed = text.trim();
    return trimmed === "" ? Number.NaN : Number(trimmed);
  }
  if (threshold.kind === "text") return text;
  const option = threshold.options.find((candidate) => candidate.value === text);
  // An unknown choice is written as given, so validation names it ("mode must be one of …").
  return option ? option.json : text;
}

function setAt(target: unknown, path: ThresholdPath, value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i]!];
    if (next === null || typeof next !== "object") return;
    node = next as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

export interface AppliedOverrides<Definition> {
  /** The base definition with the overrides written in (a copy; the base is untouched). */
  definition: Definition;
  /** Override keys that changed a value. */
  applied: string[];
  /** Override keys the base definition has no threshold for (ignored). */
  unknown: string[];
}

/**
 * Writes edited values (URL text by threshold key) onto a copy of the base
 * definition. Values equal to the base's are not counted as applied, so
 * "draft" means the numbers really differ.
 * @example applyThresholdOverrides("behavior-rules", DEFAULT_BEHAVIOR_RULES, { "rules.Dormant.recencyDays": "20" })
 *   // { definition: { rules: [… { name: "Dormant", conditions: [{ …, value: 20 }] } …] }, applied: ["rules.Dormant.recencyDays"], unknown: [] }
 */
export function applyThresholdOverrides<Id extends ModelId>(
  modelId: Id,
  base: DefinitionByModel[Id],
  overrides: Readonly<Record<string, string>>,
): AppliedOverrides<DefinitionByModel[Id]> {
  const definition = structuredClone(base) as DefinitionByModel[Id];
  const thresholds = new Map(listThresholds(modelId, base).map((threshold) => [threshold.key, threshold]));
  const applied: string[] = [];
  const unknown: string[] = [];
  for (const [key, text] of Object.entries(overrides)) {
    const threshold = thresholds.get(key);
    if (!threshold) {
      unknown.push(key);
      continue;
    }
    if (text === thresholdText(threshold)) continue;
    setAt(definition, threshold.path, parseThresholdValue(threshold, text));
    applied.push(key);
  }
  return { definition, applied, unknown };
}
