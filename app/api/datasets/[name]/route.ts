import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { datasetSettingsPatchSchema } from "@/lib/datasets/dataset-settings.types";
import { getDatasetByName } from "@/lib/datasets/get-dataset";
import { updateDatasetSettings } from "@/lib/datasets/update-dataset-settings";
import { apiErrorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/json-body";
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

/** Edit settings (signup / activation / conversion / cancel event, core features, timezone, session timeout); features are recomputed. */
export async function PATCH(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const patch = await readJsonBody(request, datasetSettingsPatchSchema);
    const { db } = await getDatabase();
    return Response.json(await updateDatasetSettings(db, name, patch));
  } catch (error) {
    return apiErrorResponse(error, "PATCH /api/datasets/[name]");
  }
}
