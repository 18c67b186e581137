/**
 * RFM: recency, frequency and monetary value scored 1–5 each; the segment comes
 * from an editable R × F lookup table (data, not nested conditions), as in the
 * widely copied grid (metric-conventions.md). M is scored and returned for
 * display and export but, as in that grid, does not choose the segment.
 *
 * Two ways to score:
 * - percentile: PERCENT_RANK() over the whole population as of the date (a
 *   filter chooses whom you see, it does not re-rank), recency reversed so the
 *   most recent users rank highest; score 5 from the 4th cut point up, 4 from the
 *   3rd, … (defaults 0.8 / 0.6 / 0.4 / 0.2, i.e. quintiles). rankScope
 *   "filtered" ranks inside the filtered group instead — a separate, labelled option.
 * - threshold: fixed numbers (last active ≤ 7 days ago → R 5, …).
 */
import { z } from "zod";
import { finiteNumber } from "./condition";
import { formatNumber } from "./plain-numbers";
import { SegmentNameSchema, duplicateNames, type SegmentCriteria } from "./segment-name";
import { deepFreeze } from "./deep-freeze";

/** Four increasing lower bounds: index k is where score k + 2 starts. */
const FourNumbers = z.tuple([finiteNumber, finiteNumber, finiteNumber, finiteNumber]);

const GridRow = z.tuple([SegmentNameSchema, SegmentNameSchema, SegmentNameSchema, SegmentNameSchema, SegmentNameSchema]);

const RfmShape = z.strictObject({
  mode: z.enum(["percentile", "threshold"]),
  /** Percent-rank lower bounds of scores 2, 3, 4, 5 (increasing, within 0..1). */
  percentileCutPoints: FourNumbers,
  /** Rank over everyone as of the date (default) or only over the filtered users. */
  rankScope: z.enum(["population", "filtered"]).default("population"),
  thresholds: z.strictObject({
    /** Score k + 2 when recency ≤ recencyDaysAtMost[k]: decreasing, e.g. 180, 90, 30, 7. */
    recencyDaysAtMost: FourNumbers,
    /** Score k + 2 when frequency ≥ frequencyAtLeast[k]: increasing. */
    frequencyAtLeast: FourNumbers,
    /** Score k + 2 when monetary ≥ monetaryAtLeast[k]: increasing. */
    monetaryAtLeast: FourNumbers,
  }),
  /** Segment names in display order; every grid cell names one of them. */
  segments: z.array(SegmentNameSchema).min(1).max(25),
  /** grid[R − 1][F − 1] is the segment of users with recency score R and frequency score F. */
  grid: z.tuple([GridRow, GridRow, GridRow, GridRow, GridRow]),
});

export type RfmDefinition = z.output<typeof RfmShape>;

/** Segment of users missing R or F (null recency or frequency). */
export const RFM_UNSCORED_SEGMENT = "Not scored";

function strictlyIncreasing(values: readonly number[]): boolean {
  return values.every((value, index) => index === 0 || value > values[index - 1]!);
}

export function rfmProblems(definition: RfmDefinition): string[] {
  const problems: string[] = [];
  const cuts = definition.percentileCutPoints;
  if (cuts.some((cut) => cut <= 0 || cut > 1)) {
    problems.push(`Percentile cut points must lie above 0 and at most 1 (got ${cuts.map((c) => formatNumber(c)).join(", ")})`);
  } else if (!strictlyIncreasing(cuts)) {
    problems.push(
      `Percentile cut points must increase from score 2 to score 5 (got ${cuts.map((c) => formatNumber(c)).join(", ")}); equal cut points leave a score no user can get`,
    );
  }
  const { recencyDaysAtMost, frequencyAtLeast, monetaryAtLeast } = definition.thresholds;
  if (recencyDaysAtMost.some((days) => days < 0)) {
    problems.push(`Recency thresholds cannot be negative days (got ${recencyDaysAtMost.map((d) => formatNumber(d)).join(", ")})`);
  } else if (!strictlyIncreasing([...recencyDaysAtMost].reverse())) {
    problems.push(
      `Recency thresholds must shrink from score 2 to score 5 — a higher score needs more recent activity (got ${recencyDaysAtMost.map((d) => formatNumber(d)).join(", ")} days)`,
    );
  }
  if (frequencyAtLeast.some((value) => value < 0)) {
    problems.push(`Frequency thresholds cannot be negative (got ${frequencyAtLeast.map((v) => formatNumber(v)).join(", ")})`);
  } else if (!strictlyIncreasing(frequencyAtLeast)) {
    problems.push(`Frequency thresholds must increase from score 2 to score 5 (got ${frequencyAtLeast.map((v) => formatNumber(v)).join(", ")})`);
  }
  if (!strictlyIncreasing(monetaryAtLeast)) {
    problems.push(`Monetary thresholds must increase from score 2 to score 5 (got ${monetaryAtLeast.map((v) => formatNumber(v)).join(", ")})`);
  }
  for (const duplicate of duplicateNames(definition.segments)) {
    problems.push(`Segment "${duplicate.name}" is listed ${duplicate.positions.length} times; segment names must be unique`);
  }
  if (definition.segments.some((name) => name.toLowerCase() === RFM_UNSCORED_SEGMENT.toLowerCase())) {
    problems.push(`"${RFM_UNSCORED_SEGMENT}" is reserved for users without a recency or frequency; choose another name`);
  }
  const known = new Set(definition.segments);
  const used = new Set<string>();
  definition.grid.forEach((row, r) =>
    row.forEach((name, f) => {
      used.add(name);
      if (!known.has(name)) {
        problems.push(`Grid cell R${r + 1} F${f + 1} names "${name}", which is not in the segment list`);
      }
    }),
  );
  for (const name of definition.segments) {
    if (!used.has(name)) problems.push(`Segment "${name}" can never match: no grid cell names it`);
  }
  return problems;
}

export const RfmDefinitionSchema = RfmShape.superRefine((definition, context) => {
  for (const message of rfmProblems(definition)) context.addIssue({ code: "custom", message });
});

/**
 * The default grid (metric-conventions.md), rows R 1 → 5, columns F 1 → 5:
 *
 *          F1            F2                   F3                   F4                F5
 *   R1  Lost          Hibernating          At Risk              At Risk           Can't Lose Them
 *   R2  Hibernating   Hibernating          At Risk              At Risk           Can't Lose Them
 *   R3  About to Sleep About to Sleep      Need Attention       Loyal Customers   Loyal Customers
 *   R4  Promising     Potential Loyalists  Potential Loyalists  Loyal Customers   Loyal Customers
 *   R5  New Customers Potential Loyalists  Potential Loyalists  Champions         Champions
 */
export const DEFAULT_RFM: RfmDefinition = deepFreeze({
  mode: "percentile",
  percentileCutPoints: [0.2, 0.4, 0.6, 0.8],
  rankScope: "population",
  thresholds: {
    recencyDaysAtMost: [180, 90, 30, 7],
    frequencyAtLeast: [2, 3, 5, 10],
    monetaryAtLeast: [50, 100, 250, 500],
  },
  segments: [
    "Champions",
    "Loyal Customers",
    "Potential Loyalists",
    "New Customers",
    "Promising",
    "Need Attention",
    "About to Sleep",
    "At Risk",
    "Can't Lose Them",
    "Hibernating",
    "Lost",
  ],
  grid: [
    ["Lost", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
    ["Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
    ["About to Sleep", "About to Sleep", "Need Attention", "Loyal Customers", "Loyal Customers"],
    ["Promising", "Potential Loyalists", "Potential Loyalists", "Loyal Customers", "Loyal Customers"],
    ["New Customers", "Potential Loyalists", "Potential Loyalists", "Champions", "Champions"],
  ],
});

/** Segment names in order: the definition's list, then the unscored segment. */
export function rfmSegments(definition: RfmDefinition): string[] {
  return [...definition.segments, RFM_UNSCORED_SEGMENT];
}

type ScoreRange = readonly [low: number, high: number];

function scoreRangeText(range: ScoreRange): string {
  return range[0] === range[1] ? `${range[0]}` : `${range[0]}–${range[1]}`;
}

/** Consecutive scores merged: [1, 2, 4] → [[1, 2], [4, 4]]. */
function toRanges(scores: readonly number[]): ScoreRange[] {
  const ranges: [number, number][] = [];
  for (const score of scores) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === score - 1) last[1] = score;
    else ranges.push([score, score]);
  }
  return ranges;
}

function percent(share: number): string {
  return `${formatNumber(share * 100, 1)}%`;
}

/** What a score range means in percentile mode: "most recent 20%", "top 40% by frequency". */
function percentileMeaning(dimension: "R" | "F", range: ScoreRange, cuts: readonly number[]): string {
  const [low, high] = range;
  const lowerBound = low === 1 ? 0 : cuts[low - 2]!;
  const upperBound = high === 5 ? 1 : cuts[high - 1]!;
  if (low === 1 && high === 5) return dimension === "R" ? "any recency" : "any frequency";
  if (high === 5) return dimension === "R" ? `most recent ${percent(1 - lowerBound)}` : `top ${percent(1 - lowerBound)} by frequency`;
  if (low === 1) return dimension === "R" ? `least recent ${percent(upperBound)}` : `bottom ${percent(upperBound)} by frequency`;
  return `${dimension === "R" ? "recency" : "frequency"} percent rank ${formatNumber(lowerBound)}–${formatNumber(upperBound)}`;
}

/** What a score range means with fixed thresholds: "last active ≤ 7 days ago", "frequency ≥ 5 and < 10". */
function thresholdMeaning(dimension: "R" | "F", range: ScoreRange, definition: RfmDefinition): string {
  const [low, high] = range;
  if (dimension === "R") {
    const atMost = definition.thresholds.recencyDaysAtMost;
    const upper = low >= 2 ? atMost[low - 2]! : null; // score ≥ low ⇔ recency ≤ atMost[low − 2]
    const lower = high <= 4 ? atMost[high - 1]! : null; // score ≤ high ⇔ recency > atMost[high − 1]
    if (upper !== null && lower !== null) return `last active > ${formatNumber(lower)} and ≤ ${formatNumber(upper)} days ago`;
    if (upper !== null) return `last active ≤ ${formatNumber(upper)} days ago`;
    if (lower !== null) return `last active > ${formatNumber(lower)} days ago`;
    return "any recency";
  }
  const atLeast = definition.thresholds.frequencyAtLeast;
  const from = low >= 2 ? atLeast[low - 2]! : null;
  const below = high <= 4 ? atLeast[high - 1]! : null;
  if (from !== null && below !== null) return `frequency ≥ ${formatNumber(from)} and < ${formatNumber(below)}`;
  if (from !== null) return `frequency ≥ ${formatNumber(from)}`;
  if (below !== null) return `frequency < ${formatNumber(below)}`;
  return "any frequency";
}

function meaning(dimension: "R" | "F", range: ScoreRange, definition: RfmDefinition): string {
  return definition.mode === "percentile"
    ? percentileMeaning(dimension, range, definition.percentileCutPoints)
    : thresholdMeaning(dimension, range, definition);
}

/**
 * Each segment's cells in plain words, e.g. Champions in the default:
 * "R 5 (most recent 20%) and F 4–5 (top 40% by frequency)".
 */
export function describeRfmCriteria(definition: RfmDefinition): SegmentCriteria[] {
  const criteria = definition.segments.map((segment) => {
    // For each R, the F scores naming this segment, as ranges; equal F patterns on consecutive R merge.
    const rows: { r: number; fRanges: ScoreRange[] }[] = [];
    for (let r = 5; r >= 1; r--) {
      const fScores = [1, 2, 3, 4, 5].filter((f) => definition.grid[r - 1]![f - 1] === segment);
      if (fScores.length > 0) rows.push({ r, fRanges: toRanges(fScores) });
    }
    const blocks: { rRange: [number, number]; fRanges: ScoreRange[] }[] = [];
    for (const row of rows) {
      const last = blocks[blocks.length - 1];
      const same = last && last.rRange[0] === row.r + 1 && JSON.stringify(last.fRanges) === JSON.stringify(row.fRanges);
      if (same) last.rRange[0] = row.r;
      else blocks.push({ rRange: [row.r, row.r], fRanges: row.fRanges });
    }
    const pieces = blocks.flatMap((block) =>
      block.fRanges.map(
        (fRange) =>
          `R ${scoreRangeText(block.rRange)} (${meaning("R", block.rRange, definition)}) and F ${scoreRangeText(fRange)} (${meaning("F", fRange, definition)})`,
      ),
    );
    return { segment, criteria: pieces.join("; or ") };
  });
  return [...criteria, { segment: RFM_UNSCORED_SEGMENT, criteria: "no recency or frequency value" }];
}
