import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { getRfmGrid } from "@/lib/rfm-grid/rfm-grid";
import { segmentScopeFromSearchParamsSchema } from "@/lib/segments/segment-scope.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The 5×5 RFM grid: the segments' scope parameters (`?definitionName=…&definitionVersion=…&channel=…`), model fixed to rfm. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const scope = segmentScopeFromSearchParamsSchema.parse(new URL(request.url).searchParams);
    const { db } = await getDatabase();
    return Response.json(await getRfmGrid(db, name, scope));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/rfm-grid");
  }
}
