import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/json-body";
import { listDefinitions, saveDefinition } from "@/lib/segments/segment-definitions";
import { listDefinitionsQuerySchema, saveDefinitionRequestSchema } from "@/lib/segments/segment-definitions.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Saved definitions of the dataset, latest version and history of each: `?modelId=rfm` for one model. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = listDefinitionsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await listDefinitions(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/definitions");
  }
}

/** Saves a new immutable version: `{ modelId, name, definition, playbook?, createdBy?, note? }` → 201 with the version. */
export async function POST(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const body = await readJsonBody(request, saveDefinitionRequestSchema);
    const { db } = await getDatabase();
    return Response.json(await saveDefinition(db, name, body), { status: 201 });
  } catch (error) {
    return apiErrorResponse(error, "POST /api/datasets/[name]/definitions");
  }
}
