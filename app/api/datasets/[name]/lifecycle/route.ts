import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { getLifecycle } from "@/lib/lifecycle/lifecycle-query";
import { lifecycleQuerySchema } from "@/lib/lifecycle/lifecycle.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** New / returning / resurrecting / dormant users per interval: `?interval=week&periods=26[&event=NAME][&asOf=ISO]`. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = lifecycleQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await getLifecycle(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/lifecycle");
  }
}
