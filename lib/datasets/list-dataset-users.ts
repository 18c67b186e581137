import { z } from "zod";
import { ident, type Queryable } from "../db/db";
import { isoTimestamp } from "./iso-timestamp";

/**
 * The columns a user list may be sorted by: API key → table alias and column.
 * Only these reach the ORDER BY, and each column still passes `ident()`.
 * `p` = user_profiles (every user), `f` = user_features (once computed).
 */
const SORTABLE_COLUMNS = {
  userId: ["p", "user_id"],
  firstSeen: ["p", "first_seen"],
  lastSeen: ["p", "last_seen"],
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
} as const satisfies Record<string, readonly ["p" | "f", string]>;

export type UserSortKey = keyof typeof SORTABLE_COLUMNS;
export const USER_SORT_KEYS = Object.keys(SORTABLE_COLUMNS) as [UserSortKey, ...UserSortKey[]];
export const MAX_USER_PAGE_SIZE = 200;

export const userListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_USER_PAGE_SIZE).default(50),
  sort: z.enum(USER_SORT_KEYS).default("lastSeen"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  /** Only users whose id starts with this text. */
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
export type UserListQueryInput = z.input<typeof userListQuerySchema>;

/** One user: profile dates always, behavior features null until the feature refresh has run. */
export const userRowSchema = z.object({
  userId: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  recencyDays: z.number().nullable(),
  frequency: z.number().nullable(),
  monetary: z.number().nullable(),
  sessionsTotal: z.number().nullable(),
  sessionsPerWeek: z.number().nullable(),
  activeDays30d: z.number().nullable(),
  coreFeaturesUsed: z.number().nullable(),
  converted: z.boolean().nullable(),
  channel: z.string().nullable(),
  plan: z.string().nullable(),
  country: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const userPageSchema = z.object({
  rows: z.array(userRowSchema),
  /** Users matching the query across all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  sort: z.enum(USER_SORT_KEYS),
  dir: z.enum(["asc", "desc"]),
  q: z.string().optional(),
});
export type UserPage = z.infer<typeof userPageSchema>;

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
}

function orderBy(sort: UserSortKey, dir: "asc" | "desc"): string {
  const [alias, column] = SORTABLE_COLUMNS[sort];
  const direction = dir === "asc" ? "ASC" : "DESC";
  // Users without features sort last either way; user id breaks ties so pages never overlap.
  const primary = `${alias}.${ident(column)} ${direction} NULLS LAST`;
  return sort === "userId" ? primary : `${primary}, p."user_id" ASC`;
}

/** One page of a dataset's users with their features, sorted and optionally filtered by id prefix. */
export async function listDatasetUsers(db: Queryable, datasetId: number, query: UserListQuery): Promise<UserPage> {
  const prefix = query.q ?? null;
  // Matching users of the dataset; starts_with() needs no LIKE-escaping of % and _.
  const scope = `FROM user_profiles p WHERE p.dataset_id = $1 AND ($2::text IS NULL OR starts_with(p.user_id, $2::text))`;
  const [counted] = await db.query<{ total: number }>(`SELECT count(*)::int AS total ${scope}`, [datasetId, prefix]);
  const total = counted?.total ?? 0;
  const rows = await db.query<UserSqlRow>(
    `-- One row per user: profile dates plus behavior features when computed.
     SELECT p.user_id, p.first_seen, p.last_seen,
            f.recency_days, f.frequency, f.monetary, f.sessions_total, f.sessions_per_week,
            f.active_days_30d, f.core_features_used, f.converted, f.channel, f.plan, f.country
     FROM user_profiles p
     LEFT JOIN user_features f ON f.dataset_id = p.dataset_id AND f.user_id = p.user_id
     WHERE p.dataset_id = $1 AND ($2::text IS NULL OR starts_with(p.user_id, $2::text))
     ORDER BY ${orderBy(query.sort, query.dir)}
     LIMIT $3 OFFSET $4`,
    [datasetId, prefix, query.pageSize, (query.page - 1) * query.pageSize],
  );
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
