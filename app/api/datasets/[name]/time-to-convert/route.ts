import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { getTimeToConvert } from "@/lib/time-to-convert/time-to-convert";
import { timeToConvertQuerySchema } from "@/lib/time-to-convert/time-to-convert.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Cumulative % converted by day since signup: `?groupBy=channel|plan|country|segment:<name>[@v]&days=60[&asOf=ISO]`. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = timeToConvertQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await getTimeToConvert(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/time-to-convert");
  }
}
