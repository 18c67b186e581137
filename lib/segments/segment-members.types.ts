import { z } from "zod";
import { MAX_SEGMENT_NAME_LENGTH } from "../definitions/segment-name";
import { segmentScopeFromSearchParamsSchema, segmentScopeSchema } from "./segment-scope.types";

// Request and response shapes of GET /api/datasets/[name]/segments/members
// and …/segments/export. No database imports: the browser imports this file.

export const MAX_MEMBER_PAGE_SIZE = 500;

/** The segment, paging and sorting of a member list (the scope comes from the same query string). */
export const memberPageQuerySchema = z.object({
  // The longest segment name any model allows: a saved cluster's name.
  segment: z.string().trim().min(1, "segment is required").max(MAX_SEGMENT_NAME_LENGTH),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_MEMBER_PAGE_SIZE).default(50),
  /**
   * "userId" or a column key of the response's `columns` ("score",
   * "sessionsPerWeek", "event:view_pricing" …). Default: the model's score,
   * highest first, else user id.
   */
  sort: z.string().trim().min(1).max(120).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
});
export type MemberPageQuery = z.infer<typeof memberPageQuerySchema>;

export const segmentMembersRequestSchema = segmentScopeSchema.extend(memberPageQuerySchema.shape);
export type SegmentMembersRequest = z.infer<typeof segmentMembersRequestSchema>;
export type SegmentMembersRequestInput = z.input<typeof segmentMembersRequestSchema>;

/**
 * A member-list (or export) query string: the scope's parameters (see
 * segmentScopeToSearchParams) plus segment, page, pageSize, sort and dir.
 * @throws ZodError naming the parameter.
 */
export function parseSegmentMembersQuery(params: URLSearchParams): SegmentMembersRequest {
  const scope = segmentScopeFromSearchParamsSchema.parse(params);
  return { ...scope, ...memberPageQuerySchema.parse(Object.fromEntries(params)) };
}

export const membershipColumnSchema = z.object({
  key: z.string(),
  kind: z.enum(["feature", "score", "eventCount"]),
  label: z.string(),
  description: z.string(),
});

export const memberRowSchema = z.object({
  userId: z.string(),
  /** Value per column key; null when the user has no value. */
  values: z.record(z.string(), z.number().nullable()),
  dimensions: z.object({
    channel: z.string().nullable(),
    plan: z.string().nullable(),
    country: z.string().nullable(),
    signupMonth: z.string().nullable(),
  }),
});
export type MemberRow = z.infer<typeof memberRowSchema>;

export const segmentMembersResponseSchema = z.object({
  datasetName: z.string(),
  modelId: z.string(),
  definitionName: z.string().nullable(),
  definitionVersion: z.number().int().nullable(),
  asOf: z.string(),
  asOfDay: z.string(),
  stale: z.boolean(),
  segment: z.string(),
  criteria: z.string(),
  /** Members of the segment among the filtered users, across all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  sort: z.string(),
  dir: z.enum(["asc", "desc"]),
  /** The scores and features that put users in this segment, in display order. */
  columns: z.array(membershipColumnSchema),
  rows: z.array(memberRowSchema),
});
export type SegmentMembersResponse = z.infer<typeof segmentMembersResponseSchema>;
