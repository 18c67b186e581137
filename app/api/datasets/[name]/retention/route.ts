import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { getRetentionMatrix } from "@/lib/retention/retention-matrix";
import { retentionQuerySchema } from "@/lib/retention/retention.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Cohort retention matrix: `?cohort=week&period=week&periods=12&mode=n-period|unbounded[&asOf=ISO]`. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = retentionQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await getRetentionMatrix(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/retention");
  }
}
