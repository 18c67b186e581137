import type { Queryable } from "../db/db";
import type { AuditContext, Finding } from "./audit.types";

/**
 * Repeated and unsessionable activity.
 * - Duplicate burst: the same user, event name and second, 3 or more times
 *   (a retry loop or a double-firing tag). Ingest keeps identical rows of one
 *   file as separate events (occurrence counting) and only drops repeats it
 *   can prove, which ingest_jobs.duplicates counts.
 * - Unsessionable users: one event ever (no session length, no return), or
 *   several events all at one instant (a batch import with a fixed time).
 */
export const MIN_BURST = 3;

export async function checkDuplicateBursts(db: Queryable, context: AuditContext): Promise<Finding[]> {
  const [row] = await db.query<{ bursts: number; extra: number; examples: string[] | null; dropped: number }>(
    `WITH bursts AS (
       SELECT user_id, event_name, date_trunc('second', ts) AS second, count(*) AS n
       FROM events WHERE dataset_id = $1
       GROUP BY user_id, event_name, date_trunc('second', ts) HAVING count(*) >= $2
     )
     SELECT count(*)::int AS bursts, coalesce(sum(n - 1), 0)::int AS extra,
            (SELECT array_agg(x) FROM (
               SELECT user_id || ' ' || event_name || ' ×' || n || ' at ' || to_char(second AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS x
               FROM bursts ORDER BY n DESC, user_id, second LIMIT 5) f) AS examples,
            (SELECT coalesce(sum(duplicates), 0)::int FROM ingest_jobs WHERE dataset_id = $1) AS dropped
     FROM bursts`,
    [context.datasetId, MIN_BURST],
  );
  if (row!.bursts === 0) return [];
  return [
    {
      id: "duplicate-bursts",
      severity: row!.extra >= 0.01 * context.events ? "high" : "medium",
      title: `${row!.bursts} bursts of the same event fired ${MIN_BURST}+ times within one second (${row!.extra} extra events)`,
      evidence: { counts: { bursts: row!.bursts, extraEvents: row!.extra, droppedAtLoad: row!.dropped }, examples: row!.examples ?? [] },
      fix: "Send insert_id with every event so retries are deduplicated, and fire each tag once per action.",
      blocks: ["funnels", "sessions", "segments", "insights"],
    },
  ];
}

/** Per-user event counts, read once: the dataset's size and its unsessionable users come from the same pass. */
export interface UserShapes {
  events: number;
  users: number;
  single: number;
  singleExamples: string[];
  frozen: number;
  frozenExamples: string[];
}

export async function queryUserShapes(db: Queryable, datasetId: number): Promise<UserShapes> {
  const [row] = await db.query<{ events: number; users: number; single: number; single_examples: string[] | null; frozen: number; frozen_examples: string[] | null }>(
    // GROUP BY rather than count(DISTINCT user_id): a parallel hash aggregate instead of a sort of every event.
    `WITH per_user AS (
       SELECT user_id, count(*) AS events, min(ts) = max(ts) AS one_instant FROM events WHERE dataset_id = $1 GROUP BY user_id
     )
     SELECT coalesce(sum(events), 0)::int AS events, count(*)::int AS users,
            count(*) FILTER (WHERE events = 1)::int AS single,
            (SELECT array_agg(user_id ORDER BY user_id) FROM (SELECT user_id FROM per_user WHERE events = 1 ORDER BY user_id LIMIT 5) f) AS single_examples,
            count(*) FILTER (WHERE events > 1 AND one_instant)::int AS frozen,
            (SELECT array_agg(user_id ORDER BY user_id) FROM (SELECT user_id FROM per_user WHERE events > 1 AND one_instant ORDER BY user_id LIMIT 5) f) AS frozen_examples
     FROM per_user`,
    [datasetId],
  );
  return {
    events: row!.events,
    users: row!.users,
    single: row!.single,
    singleExamples: row!.single_examples ?? [],
    frozen: row!.frozen,
    frozenExamples: row!.frozen_examples ?? [],
  };
}

export function unsessionableUserFindings(shapes: UserShapes): Finding[] {
  const findings: Finding[] = [];
  if (shapes.frozen > 0) {
    findings.push({
      id: "events-at-one-instant",
      severity: "medium",
      title: `${shapes.frozen} users have several events, all at the same instant: no session can be formed`,
      evidence: { counts: { users: shapes.frozen }, examples: shapes.frozenExamples },
      fix: "Send each event's own time (not the batch or import time).",
      blocks: ["sessions", "funnels", "retention"],
    });
  }
  if (shapes.single > 0) {
    findings.push({
      id: "single-event-users",
      // Genuine one-visit users exist; it is a tracking problem only when it is most users.
      severity: shapes.single >= 0.5 * shapes.users ? "medium" : "low",
      title: `${shapes.single} users have a single event ever`,
      evidence: { counts: { users: shapes.single, allUsers: shapes.users }, examples: shapes.singleExamples },
      fix: "If these users did more, track the later events (page views, feature use) and identify them consistently across devices.",
      blocks: ["sessions", "retention"],
    });
  }
  return findings;
}
