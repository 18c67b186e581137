import { ident, type Queryable } from "../db/db";
import { isoTimestamp } from "./iso-timestamp";
import type { UserListQuery, UserPage, UserSortKey } from "./list-dataset-users.types";

/**
 * The columns a user list may be sorted by: API name → table alias and column.
 * Only these reach the ORDER BY, and each column still passes `ident()`.
 * `u` = users derived from events (every user), `f` = user_features (once computed).
 */
const SORTABLE_COLUMNS = {
  userId: ["u", "user_id"],
  firstSeen: ["u", "first_seen"],
  lastSeen: ["u", "last_seen"],
  recencyDays: ["f", "recency_days"],
  frequency: ["f", "frequency"],
  monetary: ["f", "monetary"],
  sessionsTotal: ["f", "sessions_total"],
  sessionsPerWeek: ["f", "sessions_per_week"],
  activeDays30d: ["f", "active_days_30d"],
  coreFeaturesUsed: ["f", "core_features_used"],
  converted: ["f", "converted"],
  channel: ["f", "channel"],
  plan: ["f", "plan"],
  country: ["f", "country"],
} as const satisfies Record<UserSortKey, readonly ["u" | "f", string]>;

interface UserSqlRow {
  user_id: string;
  first_seen: Date | string;
  last_seen: Date | string;
  recency_days: number | null;
  frequency: number | null;
  monetary: number | null;
  sessions_total: number | null;
  sessions_per_week: number | null;
  active_days_30d: number | null;
  core_features_used: number | null;
  converted: boolean | null;
  channel: string | null;
  plan: string | null;
  country: string | null;
  total: number;
}

function orderBy(sort: UserSortKey, dir: "asc" | "desc"): string {
  const [alias, column] = SORTABLE_COLUMNS[sort];
  const direction = dir === "asc" ? "ASC" : "DESC";
  // Users without features sort last either way; user id breaks ties so pages never overlap.
  const primary = `${alias}.${ident(column)} ${direction} NULLS LAST`;
  return sort === "userId" ? primary : `${primary}, u."user_id" ASC`;
}

// A user is a distinct user id with at least one accepted event; starts_with()
// matches the prefix literally, so % and _ in ids need no LIKE-escaping.
const MATCHING_EVENTS = `FROM events WHERE dataset_id = $1 AND ($2::text IS NULL OR starts_with(user_id, $2::text))`;

/**
 * One page of a dataset's users with their features, sorted and optionally
 * filtered by id prefix. Users come from events rather than user_features so
 * that users loaded after the last feature refresh are listed too.
 */
export async function listDatasetUsers(db: Queryable, datasetId: number, query: UserListQuery): Promise<UserPage> {
  const prefix = query.q ?? null;
  const rows = await db.query<UserSqlRow>(
    `WITH u AS (
       -- One row per matching user: first and last accepted event.
       SELECT user_id, min(ts) AS first_seen, max(ts) AS last_seen ${MATCHING_EVENTS} GROUP BY user_id
     )
     SELECT u.user_id, u.first_seen, u.last_seen,
            f.recency_days, f.frequency, f.monetary, f.sessions_total, f.sessions_per_week,
            f.active_days_30d, f.core_features_used, f.converted, f.channel, f.plan, f.country,
            count(*) OVER ()::int AS total
     FROM u
     LEFT JOIN user_features f ON f.dataset_id = $1 AND f.user_id = u.user_id
     ORDER BY ${orderBy(query.sort, query.dir)}
     LIMIT $3 OFFSET $4`,
    [datasetId, prefix, query.pageSize, (query.page - 1) * query.pageSize],
  );
  // A page past the end has no row to carry the total: count separately then.
  const total = rows[0]?.total ?? (await countMatchingUsers(db, datasetId, prefix));
  return {
    rows: rows.map((row) => ({
      userId: row.user_id,
      firstSeen: isoTimestamp(row.first_seen),
      lastSeen: isoTimestamp(row.last_seen),
      recencyDays: row.recency_days,
      frequency: row.frequency,
      monetary: row.monetary,
      sessionsTotal: row.sessions_total,
      sessionsPerWeek: row.sessions_per_week,
      activeDays30d: row.active_days_30d,
      coreFeaturesUsed: row.core_features_used,
      converted: row.converted,
      channel: row.channel,
      plan: row.plan,
      country: row.country,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    sort: query.sort,
    dir: query.dir,
    ...(query.q ? { q: query.q } : {}),
  };
}

async function countMatchingUsers(db: Queryable, datasetId: number, prefix: string | null): Promise<number> {
  const [row] = await db.query<{ total: number }>(`SELECT count(DISTINCT user_id)::int AS total ${MATCHING_EVENTS}`, [datasetId, prefix]);
  return row?.total ?? 0;
}
