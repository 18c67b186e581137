import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { getRetentionCurves } from "@/lib/retention-curves/retention-curves";
import { retentionCurvesQuerySchema } from "@/lib/retention-curves/retention-curves.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Retention curves by group: `?groupBy=channel|plan|country|segment:<name>[@v]&period=week&periods=12&mode=n-period|unbounded[&asOf=ISO]`. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = retentionCurvesQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await getRetentionCurves(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/retention/curves");
  }
}
