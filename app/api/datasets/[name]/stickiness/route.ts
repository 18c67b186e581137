import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { getStickiness } from "@/lib/stickiness/stickiness-query";
import { stickinessQuerySchema } from "@/lib/stickiness/stickiness.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** DAU / WAU / MAU per day and active days per week: `?days=90&weeks=12[&event=NAME][&asOf=ISO]`. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = stickinessQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await getStickiness(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/stickiness");
  }
}
