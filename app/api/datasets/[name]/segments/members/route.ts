import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { listSegmentMembers } from "@/lib/segments/segment-members";
import { parseSegmentMembersQuery } from "@/lib/segments/segment-members.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * One page of a segment's users with the features behind their segment:
 * the scope's parameters (see segmentScopeToSearchParams) plus
 * `segment`, `page`, `pageSize`, `sort`, `dir`.
 */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = parseSegmentMembersQuery(new URL(request.url).searchParams);
    const { db } = await getDatabase();
    return Response.json(await listSegmentMembers(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/segments/members");
  }
}
