import { z } from "zod";

// Request and response shapes of GET /api/datasets/[name]/users. No database
// imports here: the browser imports this file.

/** Columns a user list may be sorted by (API names; lib/datasets/list-dataset-users.ts maps them to SQL). */
export const USER_SORT_KEYS = [
  "userId",
  "firstSeen",
  "lastSeen",
  "recencyDays",
  "frequency",
  "monetary",
  "sessionsTotal",
  "sessionsPerWeek",
  "activeDays30d",
  "coreFeaturesUsed",
  "converted",
  "channel",
  "plan",
  "country",
] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];
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

/** One user: first and last event always, behavior features null until the feature refresh has covered them. */
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
