import { ahaThreshold, type CountBucket } from "./aha-threshold";
import type { BehaviorCountRow } from "./behavior-counts";
import { behaviorClause } from "./behavior-phrases";
import { compareWithWithout, type OutcomeCount } from "./group-comparison";
import type { AhaThreshold, BehaviorInsight, BehaviorKind, Outcome } from "./insights.types";
import { comparisonSentence } from "./outcome-wording";

/**
 * Which early behaviors go with an outcome, from the tallies of
 * behavior-counts.ts. Candidates:
 * - did event X in the first D days (≥ 1), and ≥ k times where k is X's aha
 *   threshold when that is above 1 ("used X" for the dataset's core features);
 * - had ≥ k sessions in the first D days (k = the sessions threshold, when above 1);
 * - came from channel C; started on plan P.
 * Each is compared with the rest of the eligible users (compareWithWithout).
 * Ranking: by score = |difference| × √(coverage × (1 − coverage)) (effect
 * weighted by reach), candidates with large enough samples first, then by
 * label; split by direction, because "what goes with retention" and "what
 * goes with churn" are different questions. Candidates that nobody or
 * everybody has, or that change nothing, are left out.
 */
export interface PredictiveInput {
  rows: readonly BehaviorCountRow[];
  outcome: Outcome;
  days: number;
  /** Outcome window W (days), for the wording. */
  window: number;
  /** Event names reported as "used feature X" (datasets.core_features). */
  coreFeatures: readonly string[];
  /** Events that define the outcome itself (the conversion event for "converted", the cancel event for "churned"). */
  excludedEvents: readonly string[];
}

export interface PredictiveResult {
  total: OutcomeCount;
  raises: BehaviorInsight[];
  lowers: BehaviorInsight[];
  thresholds: AhaThreshold[];
}

interface Candidate {
  kind: BehaviorKind;
  subject: string;
  minCount: number | null;
  group: OutcomeCount;
}

export function predictiveBehaviors(input: PredictiveInput): PredictiveResult {
  const outcomesOf = (row: BehaviorCountRow): OutcomeCount => ({ users: row.users, outcomes: row[input.outcome] });
  const allRow = input.rows.find((row) => row.kind === "all");
  const total: OutcomeCount = allRow ? outcomesOf(allRow) : { users: 0, outcomes: 0 };
  const excluded = new Set(input.excludedEvents);
  const core = new Set(input.coreFeatures);

  const countBuckets = new Map<string, CountBucket[]>();
  const candidates: Candidate[] = [];
  for (const row of input.rows) {
    if (row.kind === "event" || row.kind === "sessions") {
      if (row.kind === "event" && excluded.has(row.name)) continue;
      const key = `${row.kind}:${row.name}`;
      const buckets = countBuckets.get(key) ?? [];
      buckets.push({ count: row.bucket, ...outcomesOf(row) });
      countBuckets.set(key, buckets);
    } else if (row.kind === "channel" || row.kind === "plan") {
      candidates.push({ kind: row.kind, subject: row.name, minCount: null, group: outcomesOf(row) });
    }
  }

  const thresholds: AhaThreshold[] = [];
  for (const [key, buckets] of countBuckets) {
    const sessions = key.startsWith("sessions:");
    const subject = sessions ? "" : key.slice("event:".length);
    const kind = sessions ? "sessions" : core.has(subject) ? "feature" : "event";
    const threshold = ahaThreshold({ kind, subject, buckets, total, outcome: input.outcome, days: input.days, window: input.window });
    thresholds.push(threshold);
    const atLeast = (k: number): OutcomeCount => {
      const group = { users: 0, outcomes: 0 };
      for (const bucket of buckets) {
        if (bucket.count < k) continue;
        group.users += bucket.users;
        group.outcomes += bucket.outcomes;
      }
      return group;
    };
    // "had ≥ 1 session" is every user: sessions only count from 2 up.
    if (!sessions) candidates.push({ kind, subject, minCount: 1, group: atLeast(1) });
    if (threshold.bestK !== null && threshold.bestK > 1) {
      candidates.push({ kind, subject, minCount: threshold.bestK, group: atLeast(threshold.bestK) });
    }
  }

  const raises: BehaviorInsight[] = [];
  const lowers: BehaviorInsight[] = [];
  for (const candidate of candidates) {
    const comparison = compareWithWithout(candidate.group, total);
    if (comparison.difference === null || comparison.difference === 0) continue;
    const phrase = behaviorClause(candidate.kind, candidate.subject, candidate.minCount, input.days);
    const insight: BehaviorInsight = {
      id: `${candidate.kind}:${candidate.subject}${candidate.minCount === null ? "" : `:${candidate.minCount}`}`,
      kind: candidate.kind,
      subject: candidate.subject,
      minCount: candidate.minCount,
      label: phrase,
      ...comparison,
      direction: comparison.difference > 0 ? "raises" : "lowers",
      sentence: comparisonSentence(phrase, input.outcome, input.window, comparison),
    };
    (insight.direction === "raises" ? raises : lowers).push(insight);
  }
  raises.sort(byRank);
  lowers.sort(byRank);
  thresholds.sort((a, b) => (a.kind === "sessions" ? -1 : b.kind === "sessions" ? 1 : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  return { total, raises, lowers, thresholds };
}

/** Large enough samples first, then the higher score, then the label (a stable order for equal scores). */
function byRank(a: BehaviorInsight, b: BehaviorInsight): number {
  if (a.smallSample !== b.smallSample) return a.smallSample ? 1 : -1;
  if (a.score !== b.score) return b.score - a.score;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}
