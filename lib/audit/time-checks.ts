import type { Queryable } from "../db/db";
import { MAX_EXAMPLES, type AuditContext, type Finding } from "./audit.types";

/**
 * Time: events after they were loaded, events before the product can have
 * existed, and local days without any event inside the active range.
 * - Future: ts more than 1 hour (clock skew) after the load that brought the event finished.
 * - Too early: before 2000-01-01 UTC, or more than 365 days before the 1st
 *   percentile of event times (the bulk of the data).
 * - Days without data: local days (dataset timezone) between the first and
 *   last day of the events that are neither future nor too early, with no event.
 */
export const TIME_RULES = { skewHours: 1, earliestPlausible: "2000-01-01T00:00:00Z", daysBeforeBulk: 365 } as const;

export async function checkTimestamps(db: Queryable, context: AuditContext): Promise<Finding[]> {
  const [row] = await db.query<{ future: number; future_examples: string[] | null; early: number; early_examples: string[] | null; empty_days: number; empty_examples: string[] | null; first_day: string | null; last_day: string | null }>(
    `WITH flagged AS (
       SELECT e.ts, e.user_id, e.event_name,
              e.ts > coalesce(j.finished_at, j.started_at) + make_interval(hours => $2::int) AS future,
              e.ts < $3::timestamptz OR e.ts < (SELECT percentile_disc(0.01) WITHIN GROUP (ORDER BY ts) FROM events WHERE dataset_id = $1) - make_interval(days => $4::int) AS early
       FROM events e JOIN ingest_jobs j ON j.id = e.job_id
       WHERE e.dataset_id = $1
     ),
     active_days AS (SELECT DISTINCT ts::date AS day FROM flagged WHERE NOT future AND NOT early),
     bounds AS (SELECT min(day) AS first_day, max(day) AS last_day FROM active_days),
     empty AS (
       SELECT d::date AS day FROM bounds, generate_series(bounds.first_day, bounds.last_day, interval '1 day') d
       WHERE NOT EXISTS (SELECT 1 FROM active_days a WHERE a.day = d::date)
     )
     SELECT
       (SELECT count(*)::int FROM flagged WHERE future) AS future,
       (SELECT array_agg(x) FROM (SELECT user_id || ' ' || event_name || ' at ' || to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS x FROM flagged WHERE future ORDER BY ts DESC, user_id LIMIT 5) f) AS future_examples,
       (SELECT count(*)::int FROM flagged WHERE early AND NOT future) AS early,
       (SELECT array_agg(x) FROM (SELECT user_id || ' ' || event_name || ' at ' || to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS x FROM flagged WHERE early AND NOT future ORDER BY ts, user_id LIMIT 5) f) AS early_examples,
       (SELECT count(*)::int FROM empty) AS empty_days,
       (SELECT array_agg(day::text ORDER BY day) FROM (SELECT day FROM empty ORDER BY day LIMIT 5) f) AS empty_examples,
       (SELECT first_day::text FROM bounds) AS first_day,
       (SELECT last_day::text FROM bounds) AS last_day`,
    [context.datasetId, TIME_RULES.skewHours, TIME_RULES.earliestPlausible, TIME_RULES.daysBeforeBulk],
  );
  const findings: Finding[] = [];
  if (row!.future > 0) {
    findings.push({
      id: "future-timestamps",
      severity: "high",
      title: `${row!.future} events are dated after they were loaded`,
      evidence: { counts: { futureEvents: row!.future }, examples: row!.future_examples ?? [] },
      fix: "Send the event time from a synced clock in UTC (ISO 8601 with offset); drop or correct device times that are ahead.",
      blocks: ["retention", "segments", "rfm", "activity"],
    });
  }
  if (row!.early > 0) {
    findings.push({
      id: "timestamps-before-product",
      severity: "high",
      title: `${row!.early} events are dated before the product can have existed`,
      evidence: { counts: { earlyEvents: row!.early }, examples: row!.early_examples ?? [] },
      fix: "Check for unset clocks and epoch-0 defaults (1970) and for seconds/milliseconds mix-ups; send the real event time.",
      blocks: ["retention", "segments", "activity"],
    });
  }
  if (row!.empty_days > 0) {
    findings.push({
      id: "days-without-data",
      severity: row!.empty_days >= 3 ? "high" : "medium",
      title: `${row!.empty_days} days between ${row!.first_day} and ${row!.last_day} have no events at all`,
      evidence: { counts: { emptyDays: row!.empty_days }, examples: (row!.empty_examples ?? []).slice(0, MAX_EXAMPLES) },
      fix: "Look for a tracking or pipeline outage on these days and backfill them from the source.",
      blocks: ["retention", "activity", "funnels"],
    });
  }
  return findings;
}
