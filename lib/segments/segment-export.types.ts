import { z } from "zod";
import { MAX_SEGMENT_NAME_LENGTH } from "../definitions/segment-name";
import { segmentScopeFromSearchParamsSchema, segmentScopeSchema } from "./segment-scope.types";

// Request of GET /api/datasets/[name]/segments/export (and `strata export`).
// The answer is CSV (see lib/segments/segment-export.ts). No database imports:
// the browser imports this file to build download links.

export const segmentExportRequestSchema = segmentScopeSchema.extend({
  // The longest segment name any model allows: a saved cluster's name.
  segment: z.string().trim().min(1, "segment is required").max(MAX_SEGMENT_NAME_LENGTH),
});
export type SegmentExportRequest = z.infer<typeof segmentExportRequestSchema>;
export type SegmentExportRequestInput = z.input<typeof segmentExportRequestSchema>;

/** The export's query string: the scope's parameters plus `segment`. @throws ZodError */
export function parseSegmentExportQuery(params: URLSearchParams): SegmentExportRequest {
  const scope = segmentScopeFromSearchParamsSchema.parse(params);
  return { ...scope, segment: segmentExportRequestSchema.shape.segment.parse(params.get("segment") ?? "") };
}
