import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { getDatabase } from "@/lib/db/client";
import { getFunnel } from "@/lib/funnel/funnel";
import { parseFunnelSearchParams } from "@/lib/funnel/funnel.types";
import { apiErrorResponse } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Funnel: `?steps=signup,onboarding_completed,upgrade` (or repeated `step=`; a step may be
 * `event[property=value]`) `&window=7d&order=any|strict&breakdown=none|cohort:week|cohort:month|channel|plan|country|segment:NAME[@V]`.
 */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = parseFunnelSearchParams(new URL(request.url).searchParams);
    const { db } = await getDatabase();
    return Response.json(await getFunnel(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/funnel");
  }
}
