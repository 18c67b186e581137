import type { Queryable } from "../db/db";
import type { AuditContext, Finding } from "./audit.types";

/**
 * Who did it? Rows rejected at load for lacking a user id, user ids that look
 * anonymous, and anonymous ids whose history is split from the identified user.
 */

/** Ingest rejects rows without a user id with reasons starting like this (lib/ingest/formats/*). */
export const MISSING_USER_REASON_PREFIX = "user id is empty";

/**
 * Ids that look anonymous: UUIDs (Segment anonymousId, Amplitude device_id),
 * anon/anonymous/device/guest/visitor prefixes, Mixpanel "$device:" ids and
 * GA4 user_pseudo_id ("1234567890.1234567890"). PostgreSQL regex, case-insensitive.
 */
export const ANONYMOUS_ID_PATTERN =
  "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(anon|anonymous|device|guest|visitor)[-_:.].*|\\$device:.*|[0-9]{6,}\\.[0-9]{6,})$";

/** Properties that name the anonymous id an identified user had before (Segment alias previousId, Mixpanel $device_id, …). */
export const IDENTITY_LINK_KEYS = ["previousId", "anonymous_id", "anonymousId", "device_id", "$device_id"] as const;

export async function checkMissingUserIds(db: Queryable, context: AuditContext): Promise<Finding[]> {
  const rows = await db.query<{ rejected: number; total: number; examples: string[] | null }>(
    `SELECT
       (SELECT count(*)::int FROM ingest_rejects r JOIN ingest_jobs j ON j.id = r.job_id
        WHERE j.dataset_id = $1 AND r.reason LIKE $2 || '%') AS rejected,
       (SELECT coalesce(sum(total_rows), 0)::int FROM ingest_jobs WHERE dataset_id = $1) AS total,
       (SELECT array_agg(example ORDER BY job_id, line) FROM (
          SELECT j.id AS job_id, r.line, j.file_name || ' line ' || r.line AS example
          FROM ingest_rejects r JOIN ingest_jobs j ON j.id = r.job_id
          WHERE j.dataset_id = $1 AND r.reason LIKE $2 || '%'
          ORDER BY j.id, r.line LIMIT 5) first_five) AS examples`,
    [context.datasetId, MISSING_USER_REASON_PREFIX],
  );
  const { rejected, total, examples } = rows[0]!;
  if (rejected === 0) return [];
  return [
    {
      id: "events-without-user-id",
      // 1% of rows lost skews every per-user rate; below that it is noise worth fixing.
      severity: rejected >= 0.01 * total ? "high" : "medium",
      title: `${rejected} rows were rejected at load because they had no user id`,
      evidence: { counts: { rejectedRows: rejected, rowsRead: total }, examples: examples ?? [] },
      fix: "Send a user id with every event — the anonymous/device id before login, the account id after — so no event is dropped.",
      blocks: ["retention", "funnels", "segments", "conversion", "activity"],
    },
  ];
}

export async function checkAnonymousIds(db: Queryable, context: AuditContext): Promise<Finding[]> {
  const [anonymous] = await db.query<{ users: number; events: number; examples: string[] | null }>(
    `WITH anonymous AS (
       SELECT user_id, count(*) AS events FROM events
       WHERE dataset_id = $1 AND user_id ~* $2 GROUP BY user_id
     )
     SELECT count(*)::int AS users, coalesce(sum(events), 0)::int AS events,
            (SELECT array_agg(user_id ORDER BY user_id) FROM (SELECT user_id FROM anonymous ORDER BY user_id LIMIT 5) f) AS examples
     FROM anonymous`,
    [context.datasetId, ANONYMOUS_ID_PATTERN],
  );
  // Identified users whose events name an earlier anonymous id that has events of its own.
  const [split] = await db.query<{ users: number; anonymous_ids: number; examples: string[] | null }>(
    `WITH links AS (
       SELECT DISTINCT e.user_id, link.value AS anonymous_id
       FROM events e CROSS JOIN LATERAL jsonb_each_text(e.properties) link
       -- ?| (any of these keys) first, so only events that carry a link are expanded
       WHERE e.dataset_id = $1 AND e.properties ?| $2::text[] AND link.key = ANY($2::text[]) AND link.value <> '' AND link.value <> e.user_id
     ),
     split AS (
       SELECT l.* FROM links l
       WHERE EXISTS (SELECT 1 FROM events a WHERE a.dataset_id = $1 AND a.user_id = l.anonymous_id)
     )
     SELECT count(DISTINCT user_id)::int AS users, count(DISTINCT anonymous_id)::int AS anonymous_ids,
            (SELECT array_agg(pair ORDER BY pair) FROM (SELECT DISTINCT anonymous_id || ' → ' || user_id AS pair FROM split ORDER BY 1 LIMIT 5) f) AS examples
     FROM split`,
    [context.datasetId, [...IDENTITY_LINK_KEYS]],
  );
  const findings: Finding[] = [];
  if (anonymous!.users > 0) {
    const share = context.users === 0 ? 0 : anonymous!.users / context.users;
    findings.push({
      id: "anonymous-user-ids",
      severity: share >= 0.2 ? "high" : share >= 0.01 ? "medium" : "low",
      title: `${anonymous!.users} of ${context.users} users have ids that look anonymous (device or anonymous ids)`,
      evidence: { counts: { anonymousUsers: anonymous!.users, anonymousEvents: anonymous!.events, users: context.users }, examples: anonymous!.examples ?? [] },
      fix: "Call identify when a user signs up or logs in and send the account id as the user id; keep the device id as a property.",
      blocks: ["retention", "funnels", "conversion", "segments"],
    });
  }
  if (split!.users > 0) {
    findings.push({
      id: "identity-split",
      severity: "high",
      title: `${split!.users} identified users began under an anonymous id whose events are counted as a separate user`,
      evidence: { counts: { identifiedUsers: split!.users, anonymousIds: split!.anonymous_ids }, examples: split!.examples ?? [] },
      fix: "Merge anonymous history into the identified user (alias/identify before tracking), or reload the anonymous events under the identified id.",
      blocks: ["retention", "funnels", "conversion", "insights"],
    });
  }
  return findings;
}
