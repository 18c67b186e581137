import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { getDatasetByName } from "@/lib/datasets/get-dataset";
import { apiErrorResponse } from "@/lib/http/api-error";
import { NotFoundError } from "@/lib/http/not-found-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One dataset: settings, sizes and feature freshness. */
export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const { db } = await getDatabase();
    const dataset = await getDatasetByName(db, name);
    if (!dataset) throw new NotFoundError(`There is no dataset named "${name}".`);
    return Response.json(dataset);
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]");
  }
}
