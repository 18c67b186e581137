import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { getInsights } from "@/lib/insights/insights";
import { insightsQuerySchema } from "@/lib/insights/insights.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Predictive behaviors and aha thresholds: `?outcome=retained|converted|churned&days=7&window=28&top=20`. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = insightsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await getInsights(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/insights");
  }
}
