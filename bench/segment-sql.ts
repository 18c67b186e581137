/**
 * The benchmark's yardstick: the same segmentations written as SQL over
 * user_features, to time PostgreSQL doing what the in-memory scorer does and
 * to check that both count the same users. Not used by the app (threshold
 * changes must not go to SQL: perf-anchors.md).
 */
import type { BehaviorRulesDefinition } from "../lib/definitions/behavior-rules";
import type { FeatureCondition } from "../lib/definitions/condition";
import type { RfmDefinition } from "../lib/definitions/rfm";
import { rfmSegments } from "../lib/definitions/rfm";
import { FEATURE_COLUMNS, isTableFeature } from "../lib/segments/feature-columns";

function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return `${value}::float8`;
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A feature as a SQL expression; ageDays from first_seen and the as-of day, as the feature store derives it. */
function featureSql(feature: FeatureCondition["feature"], asOfDay: string, timezone: string): string {
  if (feature === "ageDays") {
    return `greatest(0, ${sqlString(asOfDay)}::date - (first_seen AT TIME ZONE ${sqlString(timezone)})::date)`;
  }
  if (!isTableFeature(feature)) throw new RangeError(`${feature} is not a user_features column`);
  const column = FEATURE_COLUMNS[feature];
  // boolean columns compare as 0/1, like the store's flags
  return feature === "converted" || feature === "cancelled" || feature === "retained" ? `${column}::int` : column;
}

function conditionSql(condition: FeatureCondition, asOfDay: string, timezone: string): string {
  const value = featureSql(condition.feature, asOfDay, timezone);
  if (condition.operator === "between") return `${value} BETWEEN ${sqlNumber(condition.min)} AND ${sqlNumber(condition.max)}`;
  return `${value} ${condition.operator} ${sqlNumber(condition.value)}`;
}

/** SELECT segment, users: first matching rule wins (CASE WHEN in rule order), else the fallback. $1 = dataset id. */
export function behaviorRulesSql(definition: BehaviorRulesDefinition, asOfDay: string, timezone: string): string {
  const branches = definition.rules.map((rule) => {
    const joiner = rule.match === "all" ? " AND " : " OR ";
    const test = rule.conditions.map((condition) => `(${conditionSql(condition, asOfDay, timezone)})`).join(joiner);
    // A NULL test (a null feature) is not true, so it falls through like NaN does in memory.
    return `WHEN ${test} THEN ${sqlString(rule.name)}`;
  });
  return `SELECT segment, count(*)::int AS users
FROM (SELECT CASE ${branches.join(" ")} ELSE ${sqlString(definition.fallback)} END AS segment
      FROM user_features WHERE dataset_id = $1) AS labelled
GROUP BY segment`;
}

/**
 * RFM in percentile mode with PERCENT_RANK(): recency ranked descending (most
 * recent highest), frequency and monetary ascending; scores from the cut
 * points; the segment from the R × F grid as a VALUES table. Sums M so the
 * monetary rank is computed as the in-memory scorer computes it. $1 = dataset id.
 */
export function rfmPercentileSql(definition: RfmDefinition): string {
  const [c2, c3, c4, c5] = definition.percentileCutPoints.map(sqlNumber) as [string, string, string, string];
  const score = (rank: string) => `1 + (${rank} >= ${c2})::int + (${rank} >= ${c3})::int + (${rank} >= ${c4})::int + (${rank} >= ${c5})::int`;
  const cells: string[] = [];
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) cells.push(`(${r}, ${f}, ${sqlString(definition.grid[r - 1]![f - 1]!)})`);
  return `WITH ranked AS (
  SELECT percent_rank() OVER (ORDER BY recency_days DESC) AS r_rank,
         percent_rank() OVER (ORDER BY frequency) AS f_rank,
         percent_rank() OVER (ORDER BY monetary) AS m_rank
  FROM user_features WHERE dataset_id = $1
), scored AS (
  SELECT ${score("r_rank")} AS r, ${score("f_rank")} AS f, ${score("m_rank")} AS m FROM ranked
)
SELECT g.segment, count(*)::int AS users, sum(m)::int AS m_total
FROM scored JOIN (VALUES ${cells.join(", ")}) AS g(r, f, segment) USING (r, f)
GROUP BY g.segment`;
}

/** Segment → users from a SQL result, in the definition's segment order, zeros included. */
export function countsInOrder(segments: readonly string[], rows: readonly { segment: string; users: number }[]): number[] {
  const bySegment = new Map(rows.map((row) => [row.segment, row.users]));
  return segments.map((segment) => bySegment.get(segment) ?? 0);
}

export { rfmSegments };
